import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SceneCutDetector } from '../src/scene-cut.ts';

// Histograms here are hand-made: 3 channels × 2 bins, each channel summing to 1.
const h = (...v: number[]): Float32Array => Float32Array.from(v);

test('SceneCutDetector: the first frame is no cut; a jump at or above the threshold is', () => {
  const d = new SceneCutDetector(0.15);
  const a = h(1, 0, 1, 0, 1, 0);
  // 0.1 of the mass moves in every channel: intersection 0.9 → distance 0.1
  const b = h(0.9, 0.1, 0.9, 0.1, 0.9, 0.1);
  // from b, 0.25 more moves: distance 0.25
  const c = h(0.65, 0.35, 0.65, 0.35, 0.65, 0.35);
  assert.deepEqual(
    [a, b, c, c].map((x) => d.push(x)),
    [false, false, true, false],
  );
});

test('SceneCutDetector: compares with the previous frame, not the first of the shot', () => {
  const d = new SceneCutDetector(0.15);
  // a slow drift of 0.1 per frame never cuts, though it ends far from where it began
  const frames = [0, 0.1, 0.2, 0.3, 0.4].map((m) => h(1 - m, m, 1 - m, m, 1 - m, m));
  assert.deepEqual(
    frames.map((x) => d.push(x)),
    [false, false, false, false, false],
  );
});

test('SceneCutDetector rejects a threshold that is not positive', () => {
  assert.throws(() => new SceneCutDetector(0), RangeError);
});
