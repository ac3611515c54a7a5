// Pipeline results to job parts and back to track evidence (pure): what is stored under which key, and that a job
// counts as collected only when every piece is in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messageCodec } from '@pmr/common/messaging';
import type { PipelineResult } from '@pmr/common/proto/generated/pmr/v1/PipelineResult.ts';
import { collectJob, effectOf } from '../src/pipeline/job-parts.ts';
import type { JsonValue } from '@pmr/store';

const codec = messageCodec('pmr.v1.PipelineResult');
/** Through the wire, as the orchestrator receives it. */
const received = (r: PipelineResult) => codec.decode(codec.encode(r));
const JOB = 'j1';

const chip = {
  encoding: 'IMAGE_ENCODING_RGB24' as const,
  width: 2,
  height: 1,
  data: new Uint8Array([1, 2, 3, 4, 5, 6]),
};
const trackResult = (id: number): PipelineResult => ({
  jobId: JOB,
  track: {
    trackId: id,
    firstSeen: id,
    lastSeen: id + 1.5,
    frames: { first: 10 * id, last: 10 * id + 9, detections: 7 },
    selected: 2,
    quality: 0.8,
    timeline: [{ t: id, box: { x: 1, y: 2, width: 3, height: 4 } }],
    bestChip: chip,
  },
});
const embeddings = (id: number): PipelineResult => ({
  jobId: JOB,
  embeddings: {
    trackId: id,
    faces: [
      { embedding: { values: [0.6, 0.8] }, quality: 0.8 },
      { embedding: { values: [1, 0] }, quality: 0.5 },
    ],
  },
});
const attributes = (id: number): PipelineResult => ({
  jobId: JOB,
  attributes: {
    trackId: id,
    faces: [
      {
        weight: 0.8,
        attributes: {
          expression: {
            value: 'EXPRESSION_HAPPY',
            confidence: 0.9,
            scores: [{ expression: 'EXPRESSION_HAPPY', score: 0.9 }],
          },
          age: { value: 30, low: 25, high: 35 },
          gender: { value: 'GENDER_FEMALE', confidence: 0.7 },
        },
      },
    ],
  },
});

function part(r: PipelineResult): { key: string; value: JsonValue } {
  const effect = effectOf(received(r), undefined);
  assert.equal(effect.kind, 'part');
  if (effect.kind !== 'part') throw new Error('unreachable');
  return { key: effect.key, value: effect.value };
}

test('effectOf: each result kind goes under its key; warnings, failures and progress are not parts', () => {
  assert.deepEqual(
    [trackResult(3), embeddings(3), attributes(3)].map((r) => part(r).key),
    ['track/3', 'embeddings/3', 'attributes/3'],
  );
  assert.equal(part({ jobId: JOB, trackingDone: { tracks: 2, analysedFrames: 9, detections: 20 } }).key, 'tracked');
  assert.deepEqual(
    effectOf(
      received({ jobId: JOB, warning: { code: 'INTERNAL', message: 'frame 4 dropped' } }),
      'j1.result.warning.frame.4',
    ),
    {
      kind: 'warning',
      key: 'warning/j1.result.warning.frame.4',
      code: 'INTERNAL',
      message: 'frame 4 dropped',
    },
  );
  assert.deepEqual(
    effectOf(received({ jobId: JOB, failure: { code: 'INVALID_ARGUMENT', message: 'not a video' } }), undefined),
    { kind: 'failure', code: 'INVALID_ARGUMENT', message: 'not a video' },
  );
  assert.deepEqual(effectOf(received({ jobId: JOB, progress: { framesDecoded: 50, framesTotal: 275 } }), undefined), {
    kind: 'progress',
    framesDecoded: 50,
    framesTotal: 275,
  });
  // The chip survives as base64, the attributes as the stage's own shape.
  const t = part(trackResult(1)).value as { bestChip: { base64: string } };
  assert.equal(Buffer.from(t.bestChip.base64, 'base64').toString('hex'), '010203040506');
  const a = part(attributes(1)).value as {
    faces: Array<{
      attributes: { expression: { value: string; scores: Record<string, number> }; gender: { value: string } };
    }>;
  };
  assert.equal(a.faces[0]!.attributes.expression.value, 'happy');
  assert.equal(a.faces[0]!.attributes.expression.scores['happy'], 0.9);
  assert.equal(a.faces[0]!.attributes.gender.value, 'female');
});

test('collectJob: null until the decoder, the tracker and all three parts of every track are in; evidence by track id', () => {
  const video = {
    jobId: JOB,
    decodeEnded: {
      video: {
        source: 'clip.mp4',
        width: 640,
        height: 360,
        fps: 25,
        duration: 4,
        frames: 100,
        analysedFrames: 40,
        complete: true,
      },
    },
  };
  const all = [part(video), part({ jobId: JOB, trackingDone: { tracks: 2, analysedFrames: 40, detections: 14 } })];
  for (const id of [2, 1]) all.push(part(trackResult(id)), part(embeddings(id)), part(attributes(id)));
  assert.notEqual(collectJob(all), null);
  for (let i = 0; i < all.length; i++)
    assert.equal(collectJob(all.filter((_, j) => j !== i)), null, `without ${all[i]!.key}`);
  const collected = collectJob(all)!;
  assert.deepEqual(collected.video, {
    path: 'clip.mp4',
    width: 640,
    height: 360,
    fps: 25,
    duration: 4,
    frames: 100,
    analysedFrames: 40,
    complete: true,
  });
  assert.deepEqual(
    collected.evidence.map((e) => e.trackId),
    [1, 2],
  );
  const e = collected.evidence[0]!;
  assert.deepEqual(e.record, {
    firstSeen: 1,
    lastSeen: 2.5,
    firstFrame: 10,
    lastFrame: 19,
    detections: 7,
    timeline: [{ t: 1, box: [1, 2, 3, 4] }],
  });
  assert.deepEqual(
    e.embedded.map((f) => [Array.from(f.embedding).map((v) => Math.round(v * 10) / 10), f.quality]),
    [
      [[0.6, 0.8], 0.8],
      [[1, 0], 0.5],
    ],
  );
  assert.equal(e.best.quality, 0.8);
  assert.deepEqual([...e.best.chip.data], [1, 2, 3, 4, 5, 6]);
});
