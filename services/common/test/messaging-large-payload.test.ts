// Payloads above the broker's max_payload, and uploads, go through the NATS object store and travel as a
// pmr.v1.ObjectRef; both ways stream.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { PmrError } from '../src/errors.ts';
import { messageCodec } from '../src/messaging/codec.ts';
import { connectJetStream, type JetStreamBus } from '../src/messaging/jetstream.ts';
import { needsObjectStore } from '../src/messaging/large-objects.ts';
import type { DeliveredMessage } from '../src/messaging/types.ts';
import { natsServerSkipReason, startNatsServer, type NatsServerHandle } from '../src/testing/nats-server.ts';
import { requireParts } from '../src/testing/require-parts.ts';

const skip = requireParts(natsServerSkipReason());

const MIB = 1024 * 1024;
let server: NatsServerHandle | undefined;
let bus: JetStreamBus | undefined;

before(async () => {
  if (skip !== undefined) return;
  server = await startNatsServer({ jetstream: true });
  bus = await connectJetStream({ servers: server.url });
});
after(async () => {
  await bus?.close();
  await server?.stop();
});

function connected(): JetStreamBus {
  if (bus === undefined) throw new Error('no bus');
  return bus;
}

test('needsObjectStore: a message must fit max_payload with 4 KiB to spare', () => {
  const cases: [number, number, boolean][] = [
    [1_044_480, MIB, false], // exactly 1 MiB - 4 KiB
    [1_044_481, MIB, true],
    [1920 * 1080 * 3 + 20, MIB, true], // a raw 1080p frame over the default limit
    [1920 * 1080 * 3 + 20, 8 * MIB, false], // fits an 8 MB broker
    [0, MIB, false],
  ];
  for (const [bytes, max, expected] of cases)
    assert.equal(needsObjectStore(bytes, max), expected, `${bytes} of ${max}`);
});

test('the default broker limit is 1 MiB and a larger publish is refused', { skip }, async () => {
  const b = connected();
  assert.equal(b.maxPayload, MIB);
  const id = randomBytes(4).toString('hex');
  await b.ensureWorkQueue({ stream: `PMR_T_${id}`, subjects: [`t${id}.frames`], duplicateWindowMs: 60_000 });
  await assert.rejects(b.publish(`t${id}.frames`, new Uint8Array(MIB + 1), { msgId: 'too-big' }));
});

test('a 1080p RGB24 frame (6.2 MB) goes through the object store and arrives intact', { skip }, async () => {
  const b = connected();
  const id = randomBytes(4).toString('hex');
  const stream = `PMR_T_${id}`;
  const subject = `t${id}.frames`;
  const bucket = `frames_${id}`;
  await b.ensureWorkQueue({ stream, subjects: [subject], duplicateWindowMs: 60_000 });
  await b.ensureObjectBucket(bucket);

  const width = 1920;
  const height = 1080;
  const pixels = randomBytes(width * height * 3);
  const imageCodec = messageCodec('pmr.v1.Image');
  const frameCodec = messageCodec('pmr.v1.Frame');
  const imageBytes = imageCodec.encode({ encoding: 'IMAGE_ENCODING_RGB24', width, height, data: pixels });
  assert.ok(imageBytes.length > b.maxPayload);
  const ref = await b.putLarge(bucket, 'job-1/frame-0', imageBytes);
  assert.deepEqual(ref, {
    bucket,
    name: 'job-1/frame-0',
    size: String(imageBytes.length),
    sha256: createHash('sha256').update(imageBytes).digest('hex'),
  });
  const message = frameCodec.encode({ jobId: 'job-1', index: 0, imageRef: ref });
  assert.ok(message.length < 200, `reference message is ${message.length} bytes`);
  await b.publish(subject, message, { msgId: 'job-1/0' });

  let got: DeliveredMessage | undefined;
  let received: Uint8Array | undefined;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const handle = await b.consume({
    stream,
    durable: 'detector',
    maxAckPending: 2,
    ackWaitMs: 5000,
    maxDeliver: 3,
    handler: async (m) => {
      got = m;
      const frame = frameCodec.decode(m.data);
      if (frame.pixels !== 'imageRef' || frame.imageRef === null || frame.imageRef === undefined)
        return { term: 'no image ref' };
      received = await b.getLarge(frame.imageRef);
      resolveDone();
      return 'ack';
    },
  });
  await done;
  await handle.stop();
  assert.equal(got?.deliveryCount, 1);
  const image = imageCodec.decode(received ?? new Uint8Array());
  assert.equal(image.width, width);
  assert.equal(image.height, height);
  assert.ok(Buffer.from(image.data).equals(pixels));

  await b.deleteLarge(bucket, 'job-1/frame-0');
  await assert.rejects(b.getLarge(ref), (error: unknown) => error instanceof PmrError && error.code === 'NOT_FOUND');
});

test('putLarge replaces an object of the same name; a wrong sha256 in the reference is refused', { skip }, async () => {
  const b = connected();
  const bucket = `objs_${randomBytes(4).toString('hex')}`;
  await b.ensureObjectBucket(bucket);
  await b.putLarge(bucket, 'x', new Uint8Array(600_000).fill(1));
  const ref = await b.putLarge(bucket, 'x', new Uint8Array(300_001).fill(2));
  const back = await b.getLarge({ bucket, name: 'x' });
  assert.equal(back.length, 300_001);
  assert.equal(back[300_000], 2);
  // Only the new object's 2 chunks and its meta remain.
  assert.equal((await b.streamState(`OBJ_${bucket}`)).messages, 3);
  await assert.rejects(
    b.getLarge({ ...ref, sha256: '0'.repeat(64) }),
    (error: unknown) => error instanceof PmrError && error.code === 'INTERNAL',
  );
  await assert.rejects(
    b.putLarge('bad.bucket', 'x', new Uint8Array(1)),
    (error: unknown) => error instanceof PmrError && error.code === 'INVALID_ARGUMENT',
  );
});

test('max_payload from the generated config file is what the client sees', { skip }, async () => {
  const big = await startNatsServer({ jetstream: true, maxPayload: 8 * MIB });
  try {
    const b = await connectJetStream({ servers: big.url });
    assert.equal(b.maxPayload, 8 * MIB);
    const id = randomBytes(4).toString('hex');
    await b.ensureWorkQueue({ stream: `PMR_T_${id}`, subjects: [`t${id}.frames`], duplicateWindowMs: 60_000 });
    const result = await b.publish(`t${id}.frames`, new Uint8Array(6 * MIB), { msgId: 'six-mib' });
    assert.equal(result.seq, 1);
    await b.close();
  } finally {
    await big.stop();
  }
});

/** A stream of `pieces` random pieces of `pieceBytes` each (then `end`: close, or fail with that error). */
function pieces(
  count: number,
  pieceBytes: number,
  end: Error | 'close' = 'close',
): { stream: ReadableStream<Uint8Array>; sent: Buffer[] } {
  const sent: Buffer[] = [];
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent.length === count) {
          if (end === 'close') controller.close();
          else controller.error(end);
          return;
        }
        const piece = randomBytes(pieceBytes);
        sent.push(piece);
        controller.enqueue(piece);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, sent };
}

test('putLarge stores what a stream yields; readLarge gives it back chunk by chunk, checked', { skip }, async () => {
  const b = connected();
  const bucket = `stream_${randomBytes(4).toString('hex')}`;
  await b.ensureObjectBucket(bucket);
  const { stream, sent } = pieces(37, 100_003);
  const ref = await b.putLarge(bucket, 'upload/video.mp4', stream);
  const bytes = Buffer.concat(sent);
  assert.equal(bytes.length, 37 * 100_003);
  assert.deepEqual(ref, {
    bucket,
    name: 'upload/video.mp4',
    size: String(bytes.length),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  const chunks: Uint8Array[] = [];
  for await (const chunk of await b.readLarge(ref)) chunks.push(chunk);
  assert.ok(
    chunks.every((c) => c.length <= 256 * 1024),
    'the store hands out its chunks, not the object',
  );
  assert.ok(Buffer.concat(chunks).equals(bytes));
  assert.equal(
    (await b.streamState(`OBJ_${bucket}`)).messages,
    Math.ceil(bytes.length / (256 * 1024)) + 1,
    'the chunks and the description',
  );
  await b.deleteLarge(bucket, ref.name);
  assert.equal((await b.streamState(`OBJ_${bucket}`)).messages, 0, 'a deleted object leaves nothing in the bucket');
});

test(
  'a source that fails leaves no object and no chunk; unknown objects and buckets are NOT_FOUND',
  { skip },
  async () => {
    const b = connected();
    const bucket = `failing_${randomBytes(4).toString('hex')}`;
    await b.ensureObjectBucket(bucket);
    const reason = new PmrError('RESOURCE_EXHAUSTED', 'the sender went over its limit');
    const { stream, sent } = pieces(5, 300_000, reason);
    await assert.rejects(b.putLarge(bucket, 'partial', stream), (error: unknown) => error === reason);
    assert.equal(sent.length, 5, 'the source was read to its failure');
    assert.equal((await b.streamState(`OBJ_${bucket}`)).messages, 0);
    const notFound = (error: unknown): boolean => error instanceof PmrError && error.code === 'NOT_FOUND';
    await assert.rejects(b.getLarge({ bucket, name: 'partial' }), notFound);
    await assert.rejects(b.readLarge({ bucket: `never_${randomBytes(4).toString('hex')}`, name: 'x' }), notFound);
    await b.deleteLarge(bucket, 'partial'); // absent: no error
  },
);

test('an object that lost a chunk fails its read with INTERNAL instead of ending short', { skip }, async () => {
  const b = connected();
  const bucket = `damaged_${randomBytes(4).toString('hex')}`;
  await b.ensureObjectBucket(bucket);
  const ref = await b.putLarge(bucket, 'x', randomBytes(700_000)); // chunks at stream sequences 1, 2, 3; description 4
  const nc = await connect({ servers: server!.url });
  try {
    await (await jetstreamManager(nc)).streams.deleteMessage(`OBJ_${bucket}`, 2);
  } finally {
    await nc.close();
  }
  const read = async (): Promise<number> => {
    let total = 0;
    for await (const chunk of await b.readLarge(ref)) total += chunk.length;
    return total;
  };
  await assert.rejects(
    read(),
    (error: unknown) => error instanceof PmrError && error.code === 'INTERNAL' && /damaged/.test(error.message),
  );
});

test(
  'a bucket quota: a put over it is RESOURCE_EXHAUSTED and stores nothing, one under it works; an existing bucket gets the quota',
  { skip },
  async () => {
    const b = connected();
    await b.ensureObjectBucket('quota-test', {});
    await b.ensureObjectBucket('quota-test', { maxBytes: 2 * MIB });
    const nc = await connect({ servers: server!.url });
    try {
      const jsm = await jetstreamManager(nc);
      assert.equal(
        (await jsm.streams.info('OBJ_quota-test')).config.max_bytes,
        2 * MIB,
        'set on the bucket that existed',
      );
      await assert.rejects(b.putLarge('quota-test', 'too-big', randomBytes(3 * MIB)), (err: unknown) => {
        assert.ok(err instanceof PmrError);
        assert.equal(err.code, 'RESOURCE_EXHAUSTED');
        assert.match(err.message, /bucket quota-test is full/);
        return true;
      });
      assert.equal((await jsm.streams.info('OBJ_quota-test')).state.bytes, 0, 'no chunk of the refused object is left');
      const data = randomBytes(MIB);
      const ref = await b.putLarge('quota-test', 'fits', data);
      assert.deepEqual(Buffer.from(await b.getLarge(ref)), data);
    } finally {
      await nc.close();
    }
  },
);
