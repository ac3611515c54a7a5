import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Point } from '@pmr/common';
import {
  applySimilarity,
  ARCFACE_TEMPLATE,
  estimateSimilarity,
  invertSimilarity,
  type Similarity,
} from '../src/similarity.ts';

function closeT(got: Similarity, want: Similarity, eps: number, what: string): void {
  for (const k of ['a', 'b', 'tx', 'ty'] as const)
    assert.ok(Math.abs(got[k] - want[k]) < eps, `${what}: ${k} ${got[k]} vs ${want[k]}`);
}

function fromParams(scale: number, angleDeg: number, tx: number, ty: number): Similarity {
  const t = (angleDeg * Math.PI) / 180;
  return { a: scale * Math.cos(t), b: scale * Math.sin(t), tx, ty };
}

test('applySimilarity: hand-checked points', () => {
  const cases: { t: Similarity; p: Point; want: Point }[] = [
    { t: { a: 1, b: 0, tx: 0, ty: 0 }, p: { x: 3, y: 4 }, want: { x: 3, y: 4 } },
    // 90° rotation: (1, 0) → (0, 1)
    { t: { a: 0, b: 1, tx: 0, ty: 0 }, p: { x: 1, y: 0 }, want: { x: 0, y: 1 } },
    // scale 2 then shift (10, −5)
    { t: { a: 2, b: 0, tx: 10, ty: -5 }, p: { x: 3, y: 4 }, want: { x: 16, y: 3 } },
  ];
  for (const { t, p, want } of cases) assert.deepEqual(applySimilarity(t, p), want);
});

test('estimateSimilarity: the template onto itself is the identity', () => {
  closeT(estimateSimilarity(ARCFACE_TEMPLATE, ARCFACE_TEMPLATE), { a: 1, b: 0, tx: 0, ty: 0 }, 1e-12, 'identity');
});

test('estimateSimilarity recovers a known rotation/scale/translation of the template exactly', () => {
  for (const [scale, angle, tx, ty] of [
    [2.5, 30, 100, -40],
    [0.4, -75, 3, 7],
    [1, 180, 0, 0],
    [3.1, 12, -250.5, 1000],
  ] as const) {
    const t = fromParams(scale, angle, tx, ty);
    // Fit from template to moved points: recovers t itself
    const moved = ARCFACE_TEMPLATE.map((p) => applySimilarity(t, p));
    closeT(estimateSimilarity(ARCFACE_TEMPLATE, moved), t, 1e-9, `forward ${scale} ${angle}`);
    // Fit from moved points back to the template (the alignment direction): recovers the inverse
    closeT(estimateSimilarity(moved, ARCFACE_TEMPLATE), invertSimilarity(t), 1e-9, `inverse ${scale} ${angle}`);
  }
});

test('estimateSimilarity: hand-checked least-squares cases', () => {
  // (0,0),(1,0) → (0,0),(0,2): a 90° turn with scale 2, no shift
  closeT(
    estimateSimilarity(
      [
        { x: 0, y: 0 },
        { x: 1, y: 0 },
      ],
      [
        { x: 0, y: 0 },
        { x: 0, y: 2 },
      ],
    ),
    { a: 0, b: 2, tx: 0, ty: 0 },
    1e-12,
    'two points',
  );
  // A mirror image cannot be fitted by a proper similarity. Fitting (−1,0),(1,0),(0,1) onto (−1,0),(1,0),(0,−1):
  // centred p = (−1,−⅓),(1,−⅓),(0,⅔), q = (−1,⅓),(1,⅓),(0,−⅔); Σp·q = 4/3, Σp×q = 0, Σ|p|² = 8/3
  // → a = ½, b = 0 and t = (0, −⅓) − ½·(0, ⅓) = (0, −½): a shrink, never a reflection
  const mirror = estimateSimilarity(
    [
      { x: -1, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 1 },
    ],
    [
      { x: -1, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: -1 },
    ],
  );
  closeT(mirror, { a: 0.5, b: 0, tx: 0, ty: -0.5 }, 1e-12, 'mirror');
});

test('invertSimilarity: t⁻¹∘t is the identity; degenerate inputs are refused', () => {
  const t = fromParams(1.7, 41, -12, 33);
  const inv = invertSimilarity(t);
  for (const p of ARCFACE_TEMPLATE) {
    const q = applySimilarity(inv, applySimilarity(t, p));
    assert.ok(Math.abs(q.x - p.x) < 1e-9 && Math.abs(q.y - p.y) < 1e-9);
  }
  assert.throws(() => invertSimilarity({ a: 0, b: 0, tx: 1, ty: 1 }), /zero scale/);
  assert.throws(
    () =>
      estimateSimilarity(
        [
          { x: 1, y: 1 },
          { x: 1, y: 1 },
        ],
        [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
      ),
    /identical/,
  );
  assert.throws(() => estimateSimilarity([{ x: 1, y: 1 }], [{ x: 0, y: 0 }]), /≥ 2/);
});
