import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageFromDistribution, genderFromMaleProbability } from '../src/index.ts';

const dist = (entries: Record<number, number>): Float32Array => {
  const p = new Float32Array(100);
  for (const [i, v] of Object.entries(entries)) p[Number(i)] = v;
  return p;
};

test('ageFromDistribution: class i is i+1 years; mean, 10th and 90th percentiles', () => {
  const cases: ReadonlyArray<readonly [string, Float32Array, { value: number; low: number; high: number }]> = [
    ['one-hot class 29', dist({ 29: 1 }), { value: 30, low: 30, high: 30 }],
    ['half 20, half 40 years', dist({ 19: 0.5, 39: 0.5 }), { value: 30, low: 20, high: 40 }],
    // mean 0.1*10 + 0.8*30 + 0.1*50 = 30; cumulative reaches 0.1 at 10 years and 0.9 at 30 years
    ['10/80/10 at 10, 30, 50 years', dist({ 9: 0.1, 29: 0.8, 49: 0.1 }), { value: 30, low: 10, high: 30 }],
    // unnormalised input is normalised: same as above
    ['scaled by 2', dist({ 9: 0.2, 29: 1.6, 49: 0.2 }), { value: 30, low: 10, high: 30 }],
    // mean 0.25*1 + 0.75*2 = 1.75 -> 1.8; low 1, high 2
    ['babies', dist({ 0: 0.25, 1: 0.75 }), { value: 1.8, low: 1, high: 2 }],
  ];
  for (const [what, p, want] of cases) {
    const got = ageFromDistribution(p);
    assert.ok(Math.abs(got.value - want.value) < 1e-6, `${what}: value ${got.value}`);
    assert.equal(got.low, want.low, `${what}: low`);
    assert.equal(got.high, want.high, `${what}: high`);
  }
});

test('ageFromDistribution: empty, negative, non-finite or all-zero input is INVALID_ARGUMENT', () => {
  assert.throws(() => ageFromDistribution([]), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => ageFromDistribution([0.5, -0.1]), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => ageFromDistribution([NaN]), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => ageFromDistribution([0, 0]), { code: 'INVALID_ARGUMENT' });
});

test('genderFromMaleProbability: male from 0.5 up, confidence is the winning side', () => {
  const cases: ReadonlyArray<readonly [number, 'female' | 'male', number]> = [
    [0.9, 'male', 0.9],
    [0.5, 'male', 0.5],
    [0.2, 'female', 0.8],
    [0, 'female', 1],
  ];
  for (const [p, value, confidence] of cases) {
    const g = genderFromMaleProbability(p);
    assert.equal(g.value, value, String(p));
    assert.ok(Math.abs(g.confidence - confidence) < 1e-12, String(p));
  }
  assert.throws(() => genderFromMaleProbability(1.2), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => genderFromMaleProbability(NaN), { code: 'INVALID_ARGUMENT' });
});
