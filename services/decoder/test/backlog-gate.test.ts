import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BacklogGate } from '../src/service/backlog-gate.ts';

/** A broker stand-in: messages waiting, taken away by `consume`. */
function fakeBroker() {
  const state = { waiting: 0, measurements: 0, pauses: 0 };
  return {
    state,
    measure: () => (state.measurements++, Promise.resolve(state.waiting)),
    pause: () => (state.pauses++, Promise.resolve()),
  };
}

const never = new AbortController().signal;

test('BacklogGate asks the broker once while the bound is far, again when the count since reaches it', async () => {
  const b = fakeBroker();
  const gate = new BacklogGate({ max: 10, measure: b.measure, pause: b.pause });
  for (let i = 0; i < 10; i++) {
    await gate.admit(never);
    b.state.waiting++; // published
  }
  assert.equal(b.state.measurements, 1, '10 frames, one measurement (was 10 × 2 requests)');
  b.state.waiting = 3; // consumers took 7
  await gate.admit(never);
  assert.equal(b.state.measurements, 2, 'the 11th frame: the bound says full, so the broker is asked again');
  assert.equal(b.state.pauses, 0);
});

test('BacklogGate never lets the backlog exceed the bound, whatever the consumers do', async () => {
  const b = fakeBroker();
  let seed = 11;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  // While the gate pauses, a consumer takes one message away, so that the run ends.
  const gate = new BacklogGate({
    max: 5,
    measure: b.measure,
    pause: () => {
      b.state.pauses++;
      if (b.state.waiting > 0) b.state.waiting--;
      return Promise.resolve();
    },
  });
  for (let i = 0; i < 200; i++) {
    await gate.admit(never);
    b.state.waiting++;
    assert.ok(b.state.waiting <= 5, `backlog ${b.state.waiting} after frame ${i}`);
    if (rnd() < 0.4) b.state.waiting -= Math.floor(rnd() * (b.state.waiting + 1)); // consumers catch up a little, at times
  }
  assert.ok(b.state.pauses > 0, 'the bound was reached and held frames back');
  assert.ok(b.state.measurements < 200, `${b.state.measurements} measurements for 200 frames`);
});

test('BacklogGate: two jobs admitting at once share the bound', async () => {
  const b = fakeBroker();
  let release: () => void = () => undefined;
  let paused: () => void = () => undefined;
  const firstPause = new Promise<void>((resolve) => (paused = resolve));
  const gate = new BacklogGate({
    max: 4,
    measure: b.measure,
    pause: () => {
      b.state.pauses++;
      paused();
      return new Promise<void>((done) => (release = done));
    },
  });
  const admitted: string[] = [];
  const job = async (name: string): Promise<void> => {
    for (let i = 0; i < 3; i++) {
      await gate.admit(never);
      b.state.waiting++;
      admitted.push(name);
    }
  };
  const both = Promise.all([job('a'), job('b')]);
  await firstPause; // the gate measured a full broker and holds the next frame back
  assert.equal(admitted.length, 4, 'the 5th frame of either job waits: 4 in the broker');
  assert.equal(b.state.pauses, 1);
  b.state.waiting = 0;
  release();
  while (admitted.length < 6) {
    await new Promise((r) => setImmediate(r));
    release();
  }
  await both;
  assert.equal(admitted.length, 6);
});

test('BacklogGate: an aborted job stops waiting; the gate goes on serving others', async () => {
  const b = fakeBroker();
  b.state.waiting = 9; // full
  const gate = new BacklogGate({
    max: 5,
    measure: b.measure,
    pause: (signal) =>
      new Promise<void>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
      ),
  });
  const controller = new AbortController();
  const waiting = gate.admit(controller.signal);
  controller.abort(new Error('job cancelled'));
  await assert.rejects(waiting, /job cancelled/);
  b.state.waiting = 0;
  await gate.admit(never);
  assert.throws(() => new BacklogGate({ max: 0, measure: b.measure, pause: b.pause }), RangeError);
});
