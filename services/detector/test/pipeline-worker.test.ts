// The detector's JetStream worker against a real nats-server, with a stand-in detector (the worker's message handling
// is under test here, not the model): a frame whose detection keeps failing is retried, then reported to its job as a
// warning and passed on with no faces so the job can end; a malformed message is terminated, never retried.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DetectedFace, RgbImage } from '@pmr/common';
import { silentLogger } from '@pmr/common/logger';
import { messageCodec } from '@pmr/common/messaging';
import { encodePipelineFrame, pipelineMsgIds, pipelineSubjects } from '@pmr/common/pipeline';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { usePipelineBroker } from '@pmr/common/testing/pipeline-broker';
import type { FrameFaces__Output } from '@pmr/common/proto/generated/pmr/v1/FrameFaces.ts';
import type { PipelineResult__Output } from '@pmr/common/proto/generated/pmr/v1/PipelineResult.ts';
import { startDetectorWorker } from '../src/service/pipeline-worker.ts';

const skip = requireParts(natsServerSkipReason());

// A small payload limit, so that one of the frames travels through the object store.
const broker = usePipelineBroker('detector-worker-test', { server: { maxPayload: 64 * 1024 }, skip });

const JOB = 'job-poison-1';
const image = (w: number, h: number, v: number): RgbImage => ({
  width: w,
  height: h,
  data: new Uint8Array(w * h * 3).fill(v),
});

test(
  'a frame failing on every delivery becomes a warning and an empty frame; a malformed message is terminated',
  { skip },
  async () => {
    const b = broker.bus();
    const faces: FrameFaces__Output[] = [];
    const results: PipelineResult__Output[] = [];
    const facesCodec = messageCodec('pmr.v1.FrameFaces');
    const resultCodec = messageCodec('pmr.v1.PipelineResult');
    const collectors = [
      await b.consume({
        stream: 'PMR_FACES',
        durable: 'test-faces',
        maxAckPending: 100,
        ackWaitMs: 5000,
        maxDeliver: 1,
        handler: (m) => (faces.push(facesCodec.decode(m.data)), Promise.resolve('ack' as const)),
      }),
      await b.consume({
        stream: 'PMR_RESULTS',
        durable: 'test-results',
        maxAckPending: 100,
        ackWaitMs: 5000,
        maxDeliver: 1,
        handler: (m) => (results.push(resultCodec.decode(m.data)), Promise.resolve('ack' as const)),
      }),
    ];
    const calls = new Map<number, number>();
    const detector = {
      detect: (img: RgbImage): Promise<DetectedFace[]> => {
        const v = img.data[0]!;
        calls.set(v, (calls.get(v) ?? 0) + 1);
        return v === 1 ? Promise.reject(new Error('this frame breaks the model')) : Promise.resolve([]);
      },
    };
    const worker = await startDetectorWorker({
      bus: b,
      detector,
      logger: silentLogger(),
      maxDeliver: 3,
      ackWaitMs: 2000,
    });
    try {
      const meta = (i: number) => ({
        jobId: JOB,
        index: i,
        pts: i / 10,
        ptsLast: i / 10,
        sourceFirst: i,
        sourceLast: i,
        frameDuration: 0.1,
      });
      const big = image(200, 200, 2); // 120 KB of pixels: over the 64 KiB payload, so it goes through the object store
      for (const [i, img] of [
        [0, image(16, 16, 0)],
        [1, image(16, 16, 1)],
        [2, big],
      ] as const) {
        await b.publish(pipelineSubjects.frames(JOB), await encodePipelineFrame(b, meta(i), img), {
          msgId: pipelineMsgIds.frame(JOB, i),
        });
      }
      await b.publish(pipelineSubjects.frames(JOB), new Uint8Array([0xff, 0xff, 0xff]), { msgId: 'garbage' });
      // Every frame (the malformed one too) is settled by the detector, which publishes before acking, and the collectors
      // handled all it published.
      await broker.emptied(['PMR_FRAMES', 'PMR_FACES', 'PMR_RESULTS']);
      assert.deepEqual(
        faces.map((f) => f.frameIndex).sort(),
        [0, 1, 2],
        'every frame, the failing one included, reaches the tracker once',
      );
      assert.equal(faces.find((f) => f.frameIndex === 2)?.width, 200, 'the stored frame was fetched whole');
      assert.equal(calls.get(1), 3, 'the failing frame was tried on each of its 3 deliveries');
      assert.equal(calls.get(0), 1);
      const warnings = results.filter((r) => r.result === 'warning');
      assert.equal(warnings.length, 1);
      assert.match(
        warnings[0]!.warning!.message,
        /frame 1: detection failed on its last delivery \(3\): this frame breaks the model/,
      );
      assert.equal(
        (await b.streamState('PMR_FRAMES')).messages,
        0,
        'the malformed message was terminated, not left to retry',
      );
    } finally {
      await worker.stop();
      for (const c of collectors) await c.stop();
    }
  },
);
