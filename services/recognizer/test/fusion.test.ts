import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuseScores, scoreNorm, type ScoreFusion } from '../src/fusion.ts';

const close = (a: number, b: number, what: string): void =>
  assert.ok(Math.abs(a - b) < 1e-9, `${what}: got ${a}, expected ${b}`);

test('scoreNorm: mean and population standard deviation; too few or constant scores are INVALID_ARGUMENT', () => {
  const n = scoreNorm([0, 0.2, 0.4]);
  close(n.mean, 0.2, 'mean');
  close(n.std, Math.sqrt(0.08 / 3), 'std');
  assert.throws(() => scoreNorm([0.1]), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => scoreNorm([0.3, 0.3]), { code: 'INVALID_ARGUMENT' });
});

const norms = { mobilefacenet: { mean: 0, std: 0.1 }, faceres: { mean: 0.4, std: 0.05 } };
const fusion = (weight: number): ScoreFusion => ({ ...norms, weight });

test('fuseScores: in MobileFaceNet units; weight 1 is MobileFaceNet, weight 0 maps FaceRes onto its impostor scale', () => {
  for (const [m, f, w, expected] of [
    [0.5, 0.9, 1, 0.5], // MobileFaceNet alone, unchanged
    [0.5, 0.9, 0, 1.0], // FaceRes z = (0.9 - 0.4) / 0.05 = 10 → 0 + 0.1 × 10
    [0.3, 0.5, 0.5, 0.25], // z = 0.5 × (0.3 / 0.1) + 0.5 × (0.1 / 0.05) = 2.5 → 0.1 × 2.5
    [0, 0.4, 0.75, 0], // both at their impostor means
  ] as const) {
    close(fuseScores(m, f, fusion(w)), expected, `m=${m} f=${f} w=${w}`);
  }
});

test('fuseScores: a face without a FaceRes descriptor (NaN) is scored by MobileFaceNet alone', () => {
  close(fuseScores(0.37, Number.NaN, fusion(0.6)), 0.37, 'NaN FaceRes');
});
