// What the tracker's score and overlap settings change in its output, at their defaults and when set; and the
// settings it refuses. (minHits, maxAgeSeconds, facesPerTrack and minSelectionGapSeconds are exercised with their
// defaults and set values in tracker.test.ts, tracker-sequences.test.ts and tracker-selection.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTrackerOptions, type TrackerOptions } from '../src/options.ts';
import { face, runSequence, type SyntheticFrame } from './synthetic.ts';

/** One face, still at (300, 300), in `n` frames 40 ms apart, scoring `score` in every frame. */
const still = (n: number, score: number): SyntheticFrame[] =>
  Array.from({ length: n }, (_, i) => ({ pts: i * 0.04, faces: [face('a', 300, 300, { score })] }));

/** The track ids the face got. */
const ids = (frames: readonly SyntheticFrame[], options?: TrackerOptions): number[] => [
  ...(runSequence(frames, options).idsByTag.get('a') ?? []),
];

test('highScore: only detections scoring at least it start tracks (0.6 by default)', () => {
  assert.deepEqual(ids(still(5, 0.6)), [1]);
  assert.deepEqual(ids(still(5, 0.59)), [], 'below 0.6 nothing starts');
  assert.deepEqual(ids(still(5, 0.59), { highScore: 0.5 }), [1]);
  assert.deepEqual(ids(still(5, 0.9), { highScore: 0.95 }), []);
});

test('lowScore: a confirmed track is continued by detections scoring at least it (0.3 by default), not by lower ones', () => {
  // Confirmed by two high-score frames, then 40 frames (1.6 s, longer than maxAge) at a low score.
  const then = (score: number): SyntheticFrame[] => [...still(2, 0.9), ...still(42, score).slice(2)];
  const continued = runSequence(then(0.3));
  assert.equal(continued.assigned.length, 42, 'every frame continues the track');
  assert.deepEqual(continued.died, []);
  const dropped = runSequence(then(0.29));
  assert.equal(dropped.assigned.length, 2, 'the 0.29 detections are ignored');
  assert.deepEqual(
    dropped.died.map((t) => [t.trackId, t.hits]),
    [[1, 2]],
    'the track ends after maxAge',
  );
  assert.equal(runSequence(then(0.29), { lowScore: 0.25 }).assigned.length, 42);
  assert.equal(
    runSequence(then(0.5), { lowScore: 0.6 }).assigned.length,
    2,
    'lowScore = highScore turns the second pass off',
  );
});

test('iouGate: a detection overlapping the predicted box less than the gate (0.3 by default) starts another track', () => {
  // Still for two frames (confirmed, no velocity), then 36 px to the right: IoU 24·60 / (2·3600 − 24·60) = 0.25.
  const jump: SyntheticFrame[] = [0, 0, 36, 36, 36].map((dx, i) => ({
    pts: i * 0.04,
    faces: [face('a', 300 + dx, 300)],
  }));
  assert.deepEqual(ids(jump), [1, 2]);
  assert.deepEqual(ids(jump, { iouGate: 0.2 }), [1], 'with a gate under 0.25 the jump continues the track');
});

test('resolveTrackerOptions: rejects out-of-range values naming the field', () => {
  const bad: [Parameters<typeof resolveTrackerOptions>[0], RegExp][] = [
    [{ highScore: 1.5 }, /highScore/],
    [{ highScore: NaN }, /highScore/],
    [{ lowScore: 0.7 }, /lowScore/], // above the default highScore 0.6
    [{ lowScore: -0.1 }, /lowScore/],
    [{ iouGate: 0 }, /iouGate/],
    [{ iouGate: 1.01 }, /iouGate/],
    [{ maxAgeSeconds: -1 }, /maxAgeSeconds/],
    [{ maxAgeSeconds: Infinity }, /maxAgeSeconds/],
    [{ minHits: 0 }, /minHits/],
    [{ minHits: 1.5 }, /minHits/],
    [{ facesPerTrack: 0 }, /facesPerTrack/],
    [{ minSelectionGapSeconds: -0.5 }, /minSelectionGapSeconds/],
  ];
  for (const [options, field] of bad) {
    const isFieldError = (e: unknown): boolean =>
      e instanceof Error && field.test(e.message) && (e as { code?: string }).code === 'INVALID_ARGUMENT';
    assert.throws(() => resolveTrackerOptions(options), isFieldError, JSON.stringify(options));
  }
});
