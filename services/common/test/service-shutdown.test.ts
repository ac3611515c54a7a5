import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { gracefulShutdown, onShutdownSignals, type ShutdownableServer } from '../src/service/shutdown.ts';

/** A fake server: tryShutdown finishes after `finishMs` (never when null), logging to `log`. */
function fakeServer(log: string[], finishMs: number | null): ShutdownableServer {
  let done: ((error?: Error) => void) | undefined;
  return {
    tryShutdown(callback) {
      log.push('tryShutdown');
      done = callback;
      if (finishMs !== null) setTimeout(() => done?.(), finishMs);
    },
    forceShutdown() {
      log.push('forceShutdown');
      done?.();
    },
  };
}

const step =
  (log: string[], name: string, ms = 0) =>
  async (): Promise<void> => {
    log.push(`${name}:start`);
    if (ms > 0) await sleep(ms);
    log.push(`${name}:end`);
  };

test('steps run in order: NOT_SERVING, consumers, server, listeners, stores, sessions', async () => {
  const log: string[] = [];
  const report = await gracefulShutdown(
    {
      notServing: () => void log.push('notServing'),
      stopConsumers: step(log, 'consumers', 5),
      server: fakeServer(log, 5),
      closeListeners: step(log, 'listeners'),
      closeStores: step(log, 'stores', 5),
      releaseSessions: step(log, 'sessions'),
    },
    2000,
  );
  assert.deepEqual(log, [
    'notServing',
    'consumers:start',
    'consumers:end',
    'tryShutdown',
    'listeners:start',
    'listeners:end',
    'stores:start',
    'stores:end',
    'sessions:start',
    'sessions:end',
  ]);
  assert.deepEqual(
    report.steps.map((s) => [s.step, s.outcome]),
    [
      ['notServing', 'done'],
      ['stopConsumers', 'done'],
      ['server', 'done'],
      ['closeListeners', 'done'],
      ['closeStores', 'done'],
      ['releaseSessions', 'done'],
    ],
  );
  assert.equal(report.forced, false);
  assert.equal(report.clean, true);
});

test('a server that does not finish is forced at the deadline, and stores and sessions are still closed', async () => {
  const log: string[] = [];
  // Two markers on the same clock, due before and well after the 150 ms deadline: the force comes between them.
  const markers = [setTimeout(() => log.push('at 140 ms'), 140), setTimeout(() => log.push('at 1000 ms'), 1000)];
  const report = await gracefulShutdown(
    {
      notServing: () => void log.push('notServing'),
      server: fakeServer(log, null),
      closeStores: step(log, 'stores'),
      releaseSessions: step(log, 'sessions'),
    },
    150,
  );
  for (const m of markers) clearTimeout(m);
  assert.deepEqual(log, [
    'notServing',
    'tryShutdown',
    'at 140 ms',
    'forceShutdown',
    'stores:start',
    'stores:end',
    'sessions:start',
    'sessions:end',
  ]);
  assert.equal(report.forced, true);
  assert.equal(report.clean, true);
});

test('slow consumers use up the deadline: the server is forced at once, later steps get the grace time', async () => {
  const log: string[] = [];
  const report = await gracefulShutdown(
    {
      notServing: () => void log.push('notServing'),
      stopConsumers: step(log, 'consumers', 400),
      server: fakeServer(log, 50),
      releaseSessions: step(log, 'sessions', 20),
    },
    100,
    { graceMs: 200 },
  );
  assert.deepEqual(
    report.steps.map((s) => [s.step, s.outcome]),
    [
      ['notServing', 'done'],
      ['stopConsumers', 'timed out'],
      ['server', 'forced'],
      ['releaseSessions', 'done'],
    ],
  );
  // The consumers got what was left of the 100 ms deadline after the NOT_SERVING step.
  const budget = Number(/^not finished after (\d+) ms$/.exec(report.steps[1]?.error ?? '')?.[1]);
  assert.ok(budget > 50 && budget <= 100, `budget ${budget} ms`);
  assert.equal(report.clean, false);
  assert.ok(log.includes('sessions:end'));
});

test('a failing step is reported and the rest still run', async () => {
  const log: string[] = [];
  const report = await gracefulShutdown(
    {
      notServing: () => void log.push('notServing'),
      closeStores: () => Promise.reject(new Error('store gone')),
      releaseSessions: step(log, 'sessions'),
    },
    1000,
  );
  assert.deepEqual(report.steps[1], {
    step: 'closeStores',
    ms: report.steps[1]?.ms,
    outcome: 'failed',
    error: 'store gone',
  });
  assert.equal(report.steps[2]?.outcome, 'done');
  assert.equal(report.clean, false);
});

test('the first signal starts shutdown once; a repeated one goes to onRepeat; removal detaches both', () => {
  const seen: string[] = [];
  const before = process.listenerCount('SIGWINCH');
  const remove = onShutdownSignals((s) => seen.push(`first:${s}`), {
    signals: ['SIGWINCH'],
    onRepeat: (s) => seen.push(`repeat:${s}`),
  });
  process.emit('SIGWINCH', 'SIGWINCH');
  process.emit('SIGWINCH', 'SIGWINCH');
  remove();
  assert.equal(process.listenerCount('SIGWINCH'), before);
  assert.deepEqual(seen, ['first:SIGWINCH', 'repeat:SIGWINCH']);
});
