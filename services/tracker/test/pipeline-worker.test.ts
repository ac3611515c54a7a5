// The tracker's JetStream worker against a real nats-server: faces arrive out of order and twice, the end mark
// first; the worker still tracks in frame order, once, and publishes each finished track and the job's end once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '@pmr/common/logger';
import { messageCodec } from '@pmr/common/messaging';
import { pipelineMsgIds, pipelineSubjects } from '@pmr/common/pipeline';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { usePipelineBroker } from '@pmr/common/testing/pipeline-broker';
import type { FrameFaces } from '@pmr/common/proto/generated/pmr/v1/FrameFaces.ts';
import type { PipelineResult__Output } from '@pmr/common/proto/generated/pmr/v1/PipelineResult.ts';
import type { FinishedTrack__Output } from '@pmr/common/proto/generated/pmr/v1/FinishedTrack.ts';
import { startTrackerWorker } from '../src/service/pipeline-worker.ts';

const skip = requireParts(natsServerSkipReason());

const broker = usePipelineBroker('tracker-worker-test', { skip });

const facesCodec = messageCodec('pmr.v1.FrameFaces');
const resultCodec = messageCodec('pmr.v1.PipelineResult');
const finishedCodec = messageCodec('pmr.v1.FinishedTrack');
const JOB = 'job-order-1';
const FRAMES = 6;

/** Frame i: one face moving 4 px right per frame, at 10 fps. */
function frame(i: number): FrameFaces {
  const chip = {
    encoding: 'IMAGE_ENCODING_RGB24' as const,
    width: 112,
    height: 112,
    data: new Uint8Array(112 * 112 * 3).fill(i),
  };
  const face = {
    box: { x: 100 + 4 * i, y: 50, width: 60, height: 70 },
    landmarks: {
      leftEye: { x: 1, y: 1 },
      rightEye: { x: 2, y: 1 },
      noseTip: { x: 1.5, y: 2 },
      leftMouth: { x: 1, y: 3 },
      rightMouth: { x: 2, y: 3 },
    },
    score: 0.9,
    quality: { score: 0.5 + i / 100, detector: 0.9, size: 0.5, sharpness: 0.5, frontalness: 0.5 },
    chip,
  };
  return {
    jobId: JOB,
    frameIndex: i,
    pts: i / 10,
    ptsLast: i / 10,
    sourceFirst: i,
    sourceLast: i,
    width: 640,
    height: 360,
    frameDuration: 0.1,
    faces: [face],
  };
}

test(
  'faces out of order and repeated: tracked in frame order, each track and the end published once',
  { skip },
  async () => {
    const b = broker.bus();
    const results: PipelineResult__Output[] = [];
    const embed: FinishedTrack__Output[] = [];
    const describe: FinishedTrack__Output[] = [];
    const collectors = [
      await b.consume({
        stream: 'PMR_RESULTS',
        durable: 'test-results',
        maxAckPending: 100,
        ackWaitMs: 5000,
        maxDeliver: 1,
        handler: (m) => (results.push(resultCodec.decode(m.data)), Promise.resolve('ack' as const)),
      }),
      await b.consume({
        stream: 'PMR_TRACKS',
        durable: 'test-embed',
        filterSubject: 'pmr.tracks.embed.>',
        maxAckPending: 100,
        ackWaitMs: 5000,
        maxDeliver: 1,
        handler: (m) => (embed.push(finishedCodec.decode(m.data)), Promise.resolve('ack' as const)),
      }),
      await b.consume({
        stream: 'PMR_TRACKS',
        durable: 'test-describe',
        filterSubject: 'pmr.tracks.describe.>',
        maxAckPending: 100,
        ackWaitMs: 5000,
        maxDeliver: 1,
        handler: (m) => (describe.push(finishedCodec.decode(m.data)), Promise.resolve('ack' as const)),
      }),
    ];
    const counted = { frames: 0, faces: 0, tracks: 0 };
    const worker = await startTrackerWorker({
      bus: b,
      logger: silentLogger(),
      timelineInterval: 0,
      onFrame: (faces) => ((counted.frames += 1), (counted.faces += faces)),
      onTrack: () => (counted.tracks += 1),
    });
    try {
      const publish = (m: FrameFaces, msgId: string): Promise<unknown> =>
        b.publish(pipelineSubjects.faces(JOB), facesCodec.encode(m), { msgId });
      // The end mark first, then the frames shuffled, frame 2 twice under different ids (a detector redoing it).
      await publish({ jobId: JOB, frameIndex: FRAMES, end: true }, pipelineMsgIds.faces(JOB, FRAMES));
      for (const i of [3, 1, 0, 2, 5, 4]) await publish(frame(i), pipelineMsgIds.faces(JOB, i));
      await publish(frame(2), 'a-second-detector-redid-frame-2');
      // Everything the tracker took is acked (it publishes before acking), and the collectors handled all it published.
      await broker.emptied(['PMR_FACES', 'PMR_TRACKS', 'PMR_RESULTS']);
      const done = results.filter((r) => r.result === 'trackingDone');
      assert.equal(done.length, 1);
      assert.deepEqual({ ...done[0]!.trackingDone }, { tracks: 1, analysedFrames: FRAMES, detections: FRAMES });
      const tracks = results.filter((r) => r.result === 'track').map((r) => r.track!);
      assert.equal(tracks.length, 1);
      const t = tracks[0]!;
      assert.equal(t.trackId, 1);
      assert.deepEqual({ ...t.frames }, { first: 0, last: FRAMES - 1, detections: FRAMES });
      assert.equal(t.firstSeen, 0);
      assert.equal(t.lastSeen, 0.6); // end of frame 5 at 10 fps
      // The box timeline is in frame order: x grows by 4 px a frame.
      assert.deepEqual(
        t.timeline.map((p) => p.box?.x),
        [100, 104, 108, 112, 116, 120],
      );
      assert.equal(embed.length, 1);
      assert.equal(describe.length, 1);
      assert.deepEqual(
        embed[0]!.selected.map((s) => s.frameIndex),
        describe[0]!.selected.map((s) => s.frameIndex),
      );
      assert.ok(embed[0]!.selected.length >= 1);
      // The metrics hooks saw each frame (and the end mark) once and the one track once.
      assert.deepEqual(counted, { frames: FRAMES + 1, faces: FRAMES, tracks: 1 });
      // Nothing is left waiting in the faces queue.
      assert.equal((await b.streamState('PMR_FACES')).messages, 0);
    } finally {
      await worker.stop();
      for (const c of collectors) await c.stop();
    }
  },
);
