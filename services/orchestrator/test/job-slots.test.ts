// JobSlots: the running slots, the line of waiting jobs, and when a running job has stalled (an injected clock).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JobSlots } from '../src/pipeline/job-slots.ts';

function slots(maxRunning: number, stallTimeoutMs = 1000): { slots: JobSlots; advance: (ms: number) => void } {
  let now = 0;
  return { slots: new JobSlots({ maxRunning, stallTimeoutMs, now: () => now }), advance: (ms) => (now += ms) };
}

test('at most maxRunning jobs hold a slot; the others wait and are admitted first come first served', () => {
  const { slots: s } = slots(2);
  for (const id of ['a', 'b', 'c', 'd', 'a']) s.enqueue(id);
  assert.deepEqual(s.admit(), ['a', 'b']);
  assert.deepEqual([s.running, s.waiting], [2, 2]);
  assert.deepEqual(s.admit(), [], 'no free slot');
  s.enqueue('b');
  assert.equal(s.waiting, 2, 'a running job is not queued again');
  assert.equal(s.release('d'), false, 'a waiting job leaves the line without freeing a slot');
  assert.equal(s.release('a'), true);
  assert.deepEqual(s.admit(), ['c']);
  assert.equal(s.release('zzz'), false);
});

test('a running job stalls after the timeout without progress, with the last problem or what it waits for', () => {
  const { slots: s, advance } = slots(3);
  for (const id of ['enrolling', 'retrying', 'reported']) s.enqueue(id);
  s.admit();
  s.problem('retrying', 'Detect could not be reached');
  s.published('reported');
  s.progressed('reported', true);
  advance(999);
  assert.deepEqual(s.stalled(), []);
  s.progressed('enrolling');
  advance(1);
  assert.deepEqual(s.stalled(), [
    { jobId: 'retrying', message: 'no progress for 1 s; last problem: Detect could not be reached' },
    {
      jobId: 'reported',
      message: 'no progress for 1 s; the pipeline stopped reporting on it (is every stage service running?)',
    },
  ]);
  advance(999);
  assert.deepEqual(
    s.stalled().map((j) => j.jobId),
    ['enrolling', 'retrying', 'reported'],
  );
  assert.match(s.stalled()[0]!.message, /could not be handed to the pipeline/);
});

test('a job whose video waits for a decoder is not stalled while other jobs are reported on', () => {
  const { slots: s, advance } = slots(2, 1000);
  s.enqueue('busy');
  s.enqueue('in-line');
  s.admit();
  s.published('busy');
  s.published('in-line');
  for (let t = 0; t < 5; t++) {
    advance(400);
    s.progressed('busy', true);
    assert.deepEqual(s.stalled(), [], `at ${(t + 1) * 400} ms`);
  }
  advance(1000);
  assert.deepEqual(s.stalled(), [
    {
      jobId: 'busy',
      message: 'no progress for 1 s; the pipeline stopped reporting on it (is every stage service running?)',
    },
    {
      jobId: 'in-line',
      message:
        'no progress for 1 s; no decoder has taken the video (is a decoder service running and connected to the broker?)',
    },
  ]);
});
