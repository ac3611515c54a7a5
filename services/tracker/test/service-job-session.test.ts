// A pipeline job's tracking state checkpointed after any frame and restored from the bytes publishes exactly what the
// uninterrupted session publishes: same subjects, same message ids, same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serialize } from 'node:v8';
import { messageCodec } from '@pmr/common/messaging';
import type { FrameFaces__Output } from '@pmr/common/proto/generated/pmr/v1/FrameFaces.ts';
import { JobSession, type Publication } from '../src/service/job-session.ts';
import { JOB_FRAMES, jobFrame } from './service-fixtures.ts';

const codec = messageCodec('pmr.v1.FrameFaces');
const JOB = 'job-1';
/** The job's messages as the worker receives them (decoded), the end mark last. */
const frames: FrameFaces__Output[] = [
  ...Array.from({ length: JOB_FRAMES }, (_, i) => codec.decode(codec.encode(jobFrame(JOB, i)))),
  codec.decode(codec.encode({ jobId: JOB, frameIndex: JOB_FRAMES, end: true })),
];

/** Track frames [from, end) as the worker does, returning each frame's publications. */
function trackFrom(session: JobSession, from: number): Publication[][] {
  const out: Publication[][] = [];
  for (let i = from; i < frames.length; i++) {
    out.push(session.track(JOB, frames[i]!));
    session.next++;
  }
  return out;
}

const start = (): JobSession => JobSession.start({}, 0.3);

test('JobSession: restored from a checkpoint taken after any frame, it publishes exactly what it would have', () => {
  const reference = trackFrom(start(), 0);
  const ids = reference.flat().map((p) => p.msgId);
  assert.ok(ids.includes(`${JOB}.embed.2`) && ids.includes(`${JOB}.result.tracked`));
  for (let k = 0; k < frames.length; k++) {
    const original = start();
    for (let i = 0; i < k; i++) {
      original.track(JOB, frames[i]!);
      original.next++;
    }
    const restored = JobSession.fromCheckpoint(original.checkpoint());
    assert.equal(restored.next, k);
    assert.deepStrictEqual(trackFrom(restored, k), reference.slice(k), `restored after frame ${k - 1}`);
  }
});

test('JobSession.fromCheckpoint refuses bytes that are not a checkpoint of its version', () => {
  assert.throws(() => JobSession.fromCheckpoint(new Uint8Array([1, 2, 3])), /checkpoint unreadable/);
  assert.throws(() => JobSession.fromCheckpoint(serialize({ version: 99 })), /checkpoint of version 99, not 1/);
  assert.throws(() => JobSession.fromCheckpoint(serialize('text')), /checkpoint of version undefined/);
});
