// The decoder's JetStream worker against a real nats-server and real decoding: with nobody consuming its frames it stops
// at its backlog bound, and once they are consumed it goes on to the end mark; asking the broker only when its own
// count says the bound is near.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger } from '@pmr/common/logger';
import { messageCodec, type JetStreamBus } from '@pmr/common/messaging';
import { pipelineSubjects, PIPELINE_STREAMS } from '@pmr/common/pipeline';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { usePipelineBroker } from '@pmr/common/testing/pipeline-broker';
import type { FrameFaces__Output } from '@pmr/common/proto/generated/pmr/v1/FrameFaces.ts';
import { startDecoderWorker } from '../src/service/pipeline-worker.ts';
import { writeClip } from '../src/testing/media.ts';
import { tempFolder, testPattern } from './media-fixtures.ts';

const skip = requireParts(natsServerSkipReason());

const FRAMES = 30;
const BOUND = 5;
const broker = usePipelineBroker('decoder-worker-test', { skip });
let media: { dir: string; remove: () => void } | undefined;
before(async () => {
  if (skip !== undefined) return;
  media = tempFolder();
  // 30 distinct frames (a moving test pattern), small so the test is about the flow, not decoding.
  const frames = Array.from({ length: FRAMES }, (_, k) => ({ image: testPattern(64, 48, k), time: k / 10 }));
  await writeClip(join(media.dir, 'pattern.mp4'), frames, { fps: 10 });
});
after(() => media?.remove());

const jobCodec = messageCodec('pmr.v1.DecodeJob');
const facesCodec = messageCodec('pmr.v1.FrameFaces');

/** Decode the pattern clip as job `jobId` through a decoder worker with `maxInFlight`; counts its stream-info requests. */
async function withDecoder<T>(
  maxInFlight: number,
  run: (b: JetStreamBus, requests: () => number) => Promise<T>,
): Promise<T> {
  const b = broker.bus();
  let requests = 0;
  const counted: JetStreamBus = { ...b, streamState: (stream) => (requests++, b.streamState(stream)) };
  const worker = await startDecoderWorker({
    bus: counted,
    logger: silentLogger(),
    roots: [media!.dir],
    realRoots: [media!.dir],
    hwaccel: 'none',
    maxInFlight,
  });
  try {
    return await run(b, () => requests);
  } finally {
    await worker.stop();
  }
}

const decodeJob = (jobId: string): Uint8Array =>
  jobCodec.encode({ jobId, path: join(media!.dir, 'pattern.mp4'), skipMethod: 'SKIP_METHOD_NONE' });

/** Consume frames (as a detector would, without making faces of them) and end marks until the end mark of `jobId`. */
async function drainUntilEnd(
  b: JetStreamBus,
  jobId: string,
  deadline: number,
): Promise<{ frames: number; ends: FrameFaces__Output[] }> {
  let frames = 0;
  const ends: FrameFaces__Output[] = [];
  const consumers = [
    await b.consume({
      stream: PIPELINE_STREAMS.frames.stream,
      durable: 'test-frames',
      maxAckPending: 1,
      ackWaitMs: 5000,
      maxDeliver: 1,
      handler: (m) => (m.subject === pipelineSubjects.frames(jobId) && frames++, Promise.resolve('ack' as const)),
    }),
    await b.consume({
      stream: PIPELINE_STREAMS.faces.stream,
      durable: 'test-faces',
      maxAckPending: 10,
      ackWaitMs: 5000,
      maxDeliver: 1,
      handler: (m) => (ends.push(facesCodec.decode(m.data)), Promise.resolve('ack' as const)),
    }),
  ];
  try {
    while (!ends.some((e) => e.jobId === jobId) && Date.now() < deadline) await sleep(50);
    return { frames, ends: ends.filter((e) => e.jobId === jobId) };
  } finally {
    for (const c of consumers) await c.stop();
  }
}

test(
  'with nobody consuming, the decoder stops at its backlog bound; consumed, it goes on to the end mark',
  { skip },
  async () => {
    await withDecoder(BOUND, async (b, requests) => {
      await b.publish('pmr.decode', decodeJob('job-bound'), { msgId: 'job-bound.decode' });
      const framesWaiting = async (): Promise<number> => (await b.streamState(PIPELINE_STREAMS.frames.stream)).messages;
      const deadline = Date.now() + 20_000;
      while ((await framesWaiting()) < BOUND && Date.now() < deadline) await sleep(50);
      // Held at the bound, the decoder measures the backlog again and again (two requests each) instead of publishing.
      // Two more measurements: a frame admitted by the first would have been published before the second was asked for.
      const asked = requests();
      while (requests() < asked + 4 && Date.now() < deadline) await sleep(10);
      assert.ok(requests() >= asked + 4, 'the decoder keeps measuring its backlog while held');
      assert.equal(await framesWaiting(), BOUND, `exactly ${BOUND} frames wait in the broker`);
      const { frames, ends } = await drainUntilEnd(b, 'job-bound', Date.now() + 20_000);
      assert.equal(frames, FRAMES, 'every frame was published once');
      assert.deepEqual(
        ends.map((e) => [e.end, e.frameIndex]),
        [[true, FRAMES]],
        'the end mark follows the last frame',
      );
    });
  },
);

test(
  'far from its bound, the decoder asks the broker for its backlog once, not before every frame',
  { skip },
  async () => {
    await withDecoder(48, async (b, requests) => {
      await b.publish('pmr.decode', decodeJob('job-free'), { msgId: 'job-free.decode' });
      const { frames } = await drainUntilEnd(b, 'job-free', Date.now() + 20_000);
      assert.equal(frames, FRAMES);
      // One measurement (frames and faces streams: two requests) covers all 30 frames, since 30 < 48; asking before
      // every frame took 2 × 30.
      assert.equal(requests(), 2);
    });
  },
);
