import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TRACKER_OPTIONS, resolveTrackerOptions } from '../src/options.ts';

test('resolveTrackerOptions: defaults', () => {
  assert.deepEqual(resolveTrackerOptions(), {
    highScore: 0.6,
    lowScore: 0.3,
    iouGate: 0.3,
    maxAgeSeconds: 1,
    minHits: 2,
    facesPerTrack: 5,
    minSelectionGapSeconds: 0.5,
  });
  assert.deepEqual(resolveTrackerOptions({}), DEFAULT_TRACKER_OPTIONS);
  assert.equal(resolveTrackerOptions({ minHits: 1, lowScore: 0.6 }).minHits, 1);
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
