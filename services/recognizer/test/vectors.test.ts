import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PmrError } from '@pmr/common';
import { cosine, dot, normalized, weightedMeanDirection } from '../src/vectors.ts';

const v = (...xs: number[]): Float32Array => Float32Array.from(xs);
const near = (a: ArrayLike<number>, b: number[], what: string): void =>
  b.forEach((x, i) => assert.ok(Math.abs(a[i]! - x) < 1e-6, `${what}[${i}]: got ${a[i]}, expected ${x}`));

test('dot, cosine and normalized (hand-computed)', () => {
  const cases: Array<[Float32Array, Float32Array, number, number]> = [
    [v(1, 2, 3), v(4, 5, 6), 32, 32 / Math.sqrt(14 * 77)], // 0.97463
    [v(3, 4), v(4, 3), 24, 24 / 25],
    [v(1, 0), v(-2, 0), -2, -1],
    [v(0, 0), v(1, 1), 0, 0], // zero vector: cosine 0
  ];
  for (const [a, b, d, c] of cases) {
    assert.equal(dot(a, b), d);
    assert.ok(Math.abs(cosine(a, b) - c) < 1e-6, `cosine ${a.join()} . ${b.join()}`);
  }
  near(normalized(v(3, 4)), [0.6, 0.8], 'normalized(3,4)');
  near(normalized(v(0, 0)), [0, 0], 'normalized(0,0)');
  const input = v(3, 4);
  normalized(input);
  assert.deepEqual(Array.from(input), [3, 4], 'input untouched');
  assert.throws(
    () => dot(v(1), v(1, 2)),
    (e: unknown) => e instanceof PmrError && e.code === 'INVALID_ARGUMENT',
  );
});

test('weightedMeanDirection', () => {
  const cases: Array<[string, Float32Array[], number[] | undefined, number[]]> = [
    ['equal weights', [v(1, 0), v(0, 1)], undefined, [Math.SQRT1_2, Math.SQRT1_2]],
    // 3*(1,0) + 1*(0,1) = (3,1) / sqrt(10)
    ['weighted 3:1', [v(1, 0), v(0, 1)], [3, 1], [3 / Math.sqrt(10), 1 / Math.sqrt(10)]],
    ['negative weight counts as 0', [v(1, 0), v(0, 1)], [1, -5], [1, 0]],
    ['all-zero weights fall back to equal', [v(1, 0), v(0, 1)], [0, 0], [Math.SQRT1_2, Math.SQRT1_2]],
    [
      'magnitudes are kept (not a mean of directions)',
      [v(2, 0), v(0, 1)],
      undefined,
      [2 / Math.sqrt(5), 1 / Math.sqrt(5)],
    ],
  ];
  for (const [name, vectors, weights, expected] of cases) near(weightedMeanDirection(vectors, weights), expected, name);
  const bad = (e: unknown) => e instanceof PmrError && e.code === 'INVALID_ARGUMENT';
  assert.throws(() => weightedMeanDirection([]), bad);
  assert.throws(() => weightedMeanDirection([v(1, 0)], [1, 2]), bad);
  assert.throws(() => weightedMeanDirection([v(1, 0), v(1, 0, 0)]), bad);
});
