// The JetStream adapter against a real nats-server (one per file, started on a free port); every test uses its
// own randomly named stream, so tests never see each other's messages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectJetStream, type JetStreamBus } from '../src/messaging/jetstream.ts';
import type { DeliveredMessage, HandlerOutcome } from '../src/messaging/types.ts';
import { natsServerSkipReason, startNatsServer, type NatsServerHandle } from '../src/testing/nats-server.ts';
import { requireParts } from '../src/testing/require-parts.ts';

const skip = requireParts(natsServerSkipReason());

let server: NatsServerHandle | undefined;
const buses: JetStreamBus[] = [];

before(async () => {
  if (skip === undefined) server = await startNatsServer({ jetstream: true });
});
after(async () => {
  await Promise.allSettled(buses.map((b) => b.close()));
  await server?.stop();
});

async function bus(): Promise<JetStreamBus> {
  if (server === undefined) throw new Error('no server');
  const b = await connectJetStream({ servers: server.url, name: 'test' });
  buses.push(b);
  return b;
}

/** A fresh work queue: stream PMR_T_<random>, subject <random>.work. */
async function freshQueue(b: JetStreamBus): Promise<{ stream: string; subject: string }> {
  const id = randomBytes(6).toString('hex');
  const spec = { stream: `PMR_T_${id}`, subject: `t${id}.work` };
  await b.ensureWorkQueue({ stream: spec.stream, subjects: [spec.subject], duplicateWindowMs: 60_000 });
  return spec;
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * Resolves once the broker holds nothing more for the consumer: every message it was given is settled (acked or
 * terminated: no ack pending, so nothing can come back after ackWait) and none waits to be delivered.
 */
async function settled(b: JetStreamBus, stream: string, durable = 'worker'): Promise<void> {
  await waitFor(`${durable} on ${stream} to settle`, async () => {
    const state = await b.consumerState(stream, durable);
    return state.pending === 0 && state.ackPending === 0;
  });
}

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const decode = (m: DeliveredMessage): string => new TextDecoder().decode(m.data);
const consumerDefaults = { durable: 'worker', maxAckPending: 4, ackWaitMs: 1000, maxDeliver: 5 } as const;

test(
  'publish and consume with explicit ack: every message handled once, the work queue left empty',
  { skip },
  async () => {
    const b = await bus();
    const q = await freshQueue(b);
    for (const [i, body] of ['a', 'b', 'c'].entries()) {
      const result = await b.publish(q.subject, text(body), { msgId: `m${i}` });
      assert.deepEqual(result, { stream: q.stream, seq: i + 1, duplicate: false });
    }
    const seen: string[] = [];
    const handle = await b.consume({
      ...consumerDefaults,
      stream: q.stream,
      handler: (m) => {
        seen.push(`${decode(m)}:${m.deliveryCount}:${m.msgId ?? ''}`);
        return Promise.resolve('ack');
      },
    });
    await waitFor('3 messages', () => seen.length === 3);
    await handle.stop();
    assert.deepEqual(seen.sort(), ['a:1:m0', 'b:1:m1', 'c:1:m2']);
    assert.equal((await b.streamState(q.stream)).messages, 0);
    assert.deepEqual(await b.consumerState(q.stream, 'worker'), { pending: 0, ackPending: 0, redelivered: 0 });
  },
);

test('dedupe: the same msgId twice is stored once and delivered once', { skip }, async () => {
  const b = await bus();
  const q = await freshQueue(b);
  const first = await b.publish(q.subject, text('x'), { msgId: 'job-1/frame-7' });
  const second = await b.publish(q.subject, text('x again'), { msgId: 'job-1/frame-7' });
  assert.equal(first.duplicate, false);
  assert.equal(second.duplicate, true);
  assert.equal(second.seq, first.seq);
  assert.equal((await b.streamState(q.stream)).messages, 1);
  const seen: string[] = [];
  const handle = await b.consume({
    ...consumerDefaults,
    stream: q.stream,
    handler: (m) => (seen.push(decode(m)), Promise.resolve('ack')),
  });
  // A marker published after the duplicate: a stored copy of 'x' would be delivered before it.
  await b.publish(q.subject, text('marker'), { msgId: 'job-1/frame-8' });
  await waitFor('the marker', () => seen.includes('marker'));
  await handle.stop();
  assert.deepEqual(seen, ['x', 'marker']);
  // Still a duplicate after it was consumed and deleted from the work queue (within the window, same broker run).
  assert.equal((await b.publish(q.subject, text('x late'), { msgId: 'job-1/frame-7' })).duplicate, true);
  assert.equal((await b.streamState(q.stream)).messages, 0);
});

test('nak with a delay: redelivered after the delay with deliveryCount 2', { skip }, async () => {
  const b = await bus();
  const q = await freshQueue(b);
  await b.publish(q.subject, text('retry me'), { msgId: 'n1' });
  const deliveries: { count: number; at: number }[] = [];
  const handle = await b.consume({
    ...consumerDefaults,
    stream: q.stream,
    handler: (m): Promise<HandlerOutcome> => {
      deliveries.push({ count: m.deliveryCount, at: Date.now() });
      return Promise.resolve(m.deliveryCount === 1 ? { nak: 300 } : 'ack');
    },
  });
  await waitFor('the redelivery', () => deliveries.length === 2);
  await handle.stop();
  const [first, second] = deliveries;
  assert.deepEqual(
    deliveries.map((d) => d.count),
    [1, 2],
  );
  assert.ok(
    second !== undefined && first !== undefined && second.at - first.at >= 300,
    `redelivered after ${String((second?.at ?? 0) - (first?.at ?? 0))} ms`,
  );
  assert.equal((await b.streamState(q.stream)).messages, 0);
});

test('term: a poison message is not redelivered, even after ackWait', { skip }, async () => {
  const b = await bus();
  const q = await freshQueue(b);
  await b.publish(q.subject, text('poison'), { msgId: 'p1' });
  let deliveries = 0;
  const handle = await b.consume({
    ...consumerDefaults,
    stream: q.stream,
    ackWaitMs: 500,
    handler: () => (deliveries++, Promise.resolve({ term: 'cannot decode' })),
  });
  await waitFor('the delivery', () => deliveries === 1);
  // The broker records the term: nothing is left pending an ack, so there is nothing to redeliver after ackWait.
  await settled(b, q.stream);
  await handle.stop();
  assert.equal(deliveries, 1);
  assert.deepEqual(await b.consumerState(q.stream, 'worker'), { pending: 0, ackPending: 0, redelivered: 0 });
  assert.equal((await b.streamState(q.stream)).messages, 0, 'the work queue dropped the terminated message');
});

test('max deliver: the handler sees lastAttempt on the final delivery and can term it', { skip }, async () => {
  const b = await bus();
  const q = await freshQueue(b);
  await b.publish(q.subject, text('always fails'), { msgId: 'f1' });
  const seen: [number, boolean][] = [];
  const handle = await b.consume({
    ...consumerDefaults,
    maxDeliver: 3,
    stream: q.stream,
    handler: (m): Promise<HandlerOutcome> => {
      seen.push([m.deliveryCount, m.lastAttempt]);
      return m.lastAttempt ? Promise.resolve({ term: 'failed 3 times' }) : Promise.reject(new Error('boom'));
    },
    errorNakDelayMs: 50,
  });
  await waitFor('3 deliveries', () => seen.length === 3);
  await settled(b, q.stream); // the third delivery was terminated: nothing left to deliver again
  await handle.stop();
  assert.deepEqual(seen, [
    [1, false],
    [2, false],
    [3, true],
  ]);
  assert.equal((await b.streamState(q.stream)).messages, 0);
});

test('bounded in-flight: with maxAckPending 3 never more than 3 handlers run at once', { skip }, async () => {
  const b = await bus();
  const q = await freshQueue(b);
  for (let i = 0; i < 12; i++) await b.publish(q.subject, text(`m${i}`), { msgId: `b${i}` });
  let running = 0;
  let peak = 0;
  let done = 0;
  const handle = await b.consume({
    ...consumerDefaults,
    maxAckPending: 3,
    stream: q.stream,
    handler: async () => {
      running++;
      peak = Math.max(peak, running);
      await sleep(80);
      running--;
      done++;
      return 'ack';
    },
  });
  await waitFor('12 messages', () => done === 12);
  await handle.stop();
  assert.equal(peak, 3);
  assert.equal((await b.streamState(q.stream)).messages, 0);
});

test('a long handler sends working() heartbeats: no redelivery while it runs past ackWait', { skip }, async () => {
  const b = await bus();
  const q = await freshQueue(b);
  await b.publish(q.subject, text('slow'), { msgId: 's1' });
  let deliveries = 0;
  const handle = await b.consume({
    ...consumerDefaults,
    stream: q.stream,
    ackWaitMs: 500,
    handler: async () => {
      deliveries++;
      await sleep(1250); // 2.5 × ackWait
      return 'ack';
    },
  });
  await waitFor('the slow handler', () => deliveries === 1);
  await handle.stop();
  assert.equal(deliveries, 1);
  assert.equal((await b.streamState(q.stream)).messages, 0);
});

test('a consumer killed mid-handler: its message is redelivered to another after ackWait', { skip }, async () => {
  const crashing = await bus();
  const survivor = await bus();
  const q = await freshQueue(crashing);
  await crashing.publish(q.subject, text('frame 0'), { msgId: 'k1' });
  let started = false;
  let release: (() => void) | undefined;
  await crashing.consume({
    ...consumerDefaults,
    stream: q.stream,
    handler: async () => {
      started = true;
      await new Promise<void>((resolve) => (release = resolve));
      return 'ack'; // too late: the connection is closed
    },
  });
  await waitFor('the first delivery', () => started);
  await crashing.close();
  const closedAt = Date.now();
  release?.();
  const got: DeliveredMessage[] = [];
  const handle = await survivor.consume({
    ...consumerDefaults,
    stream: q.stream,
    handler: (m) => (got.push(m), Promise.resolve('ack')),
  });
  await waitFor('the redelivery', () => got.length === 1, 5000);
  const waited = Date.now() - closedAt;
  await handle.stop();
  assert.equal(decode(got[0] as DeliveredMessage), 'frame 0');
  assert.equal(got[0]?.deliveryCount, 2);
  assert.ok(waited < 3000, `redelivered ${waited} ms after the crash`);
  assert.equal((await survivor.streamState(q.stream)).messages, 0);
});

test('drain: stops consumers after running handlers settle, then closes the connection', { skip }, async () => {
  const b = await bus();
  const q = await freshQueue(b);
  await b.publish(q.subject, text('last'), { msgId: 'd1' });
  let finished = false;
  let started = false;
  await b.consume({
    ...consumerDefaults,
    stream: q.stream,
    handler: async () => {
      started = true;
      await sleep(200);
      finished = true;
      return 'ack';
    },
  });
  await waitFor('the delivery', () => started);
  await b.drain();
  assert.equal(finished, true);
  const other = await bus();
  assert.equal((await other.streamState(q.stream)).messages, 0);
});
