import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPRESSIONS, type Expression, type FaceAttributes, type Gender } from '@pmr/common';
import { aggregateAttributes, type WeightedAttributes } from '../src/aggregate.ts';

function face(
  weight: number,
  scores: Partial<Record<Expression, number>>,
  extra: { age?: [number, number, number]; gender?: [Gender, number] } = {},
): WeightedAttributes {
  const full = Object.fromEntries(EXPRESSIONS.map((e) => [e, scores[e] ?? 0])) as Record<Expression, number>;
  const value = EXPRESSIONS.reduce((a, b) => (full[b] > full[a] ? b : a));
  const attributes: FaceAttributes = {
    expression: { value, confidence: full[value], scores: full },
    age: extra.age ? { value: extra.age[0], low: extra.age[1], high: extra.age[2] } : null,
    gender: extra.gender ? { value: extra.gender[0], confidence: extra.gender[1] } : null,
  };
  return { attributes, weight };
}

const close = (got: number, want: number, what: string) =>
  assert.ok(Math.abs(got - want) < 1e-9, `${what}: got ${got}, want ${want}`);

test('aggregateAttributes: expression soft vote, table of hand-checked cases', () => {
  const cases: Array<{
    what: string;
    items: WeightedAttributes[];
    value: Expression;
    shares: Partial<Record<Expression, number>>;
  }> = [
    {
      what: 'single face keeps its probabilities',
      items: [face(0.5, { happy: 0.7, neutral: 0.3 })],
      value: 'happy',
      shares: { happy: 0.7, neutral: 0.3 },
    },
    // hard majority would say neutral (2 of 3); probability mass says happy: 0.9+0.45+0.45 = 1.8 of 3
    {
      what: 'a confident face outvotes two unsure ones',
      items: [
        face(1, { happy: 0.9, neutral: 0.1 }),
        face(1, { neutral: 0.55, happy: 0.45 }),
        face(1, { neutral: 0.55, happy: 0.45 }),
      ],
      value: 'happy',
      shares: { happy: 0.6, neutral: 0.4 },
    },
    {
      what: 'quality weight decides',
      items: [face(0.2, { happy: 1 }), face(0.8, { sad: 1 })],
      value: 'sad',
      shares: { happy: 0.2, sad: 0.8 },
    },
    // happy 0.9*1, neutral 0.1*1 + 0.6*2 = 1.3, sad 0.4*2 = 0.8; total 3
    {
      what: 'weighted sums of probabilities',
      items: [face(1, { happy: 0.9, neutral: 0.1 }), face(2, { neutral: 0.6, sad: 0.4 })],
      value: 'neutral',
      shares: { happy: 0.3, neutral: 1.3 / 3, sad: 0.8 / 3 },
    },
    {
      what: 'all weights zero count equally; tie to the earlier class',
      items: [face(0, { sad: 1 }), face(0, { happy: 1 })],
      value: 'happy',
      shares: { happy: 0.5, sad: 0.5 },
    },
  ];
  for (const c of cases) {
    const got = aggregateAttributes(c.items);
    assert.equal(got.faces, c.items.length, c.what);
    assert.ok(got.expression, c.what);
    assert.equal(got.expression.value, c.value, c.what);
    close(got.expression.confidence, c.shares[c.value]!, `${c.what}: confidence`);
    for (const e of EXPRESSIONS) close(got.expression.shares[e], c.shares[e] ?? 0, `${c.what}: share of ${e}`);
  }
});

test('aggregateAttributes: age weighted median and range, table of hand-checked cases', () => {
  const cases: Array<{
    what: string;
    items: WeightedAttributes[];
    want: { value: number; low: number; high: number } | null;
  }> = [
    { what: 'no face carried an age', items: [face(1, { happy: 1 })], want: null },
    {
      what: 'single face keeps its range',
      items: [face(1, { happy: 1 }, { age: [30, 25, 35] })],
      want: { value: 30, low: 25, high: 35 },
    },
    // ages 20, 30, 40: median 30, quartiles 22.5 / 37.5 are wider than the median bounds 25 / 35
    {
      what: 'spread across faces widens the range',
      items: [
        face(1, {}, { age: [30, 25, 35] }),
        face(1, {}, { age: [40, 35, 45] }),
        face(1, {}, { age: [20, 15, 25] }),
      ],
      want: { value: 30, low: 22.5, high: 37.5 },
    },
    // centres 0.375 (age 20) and 0.875 (age 40): median 25, quartiles 20 / 35; bound medians 23 / 27
    {
      what: 'weights pull the median',
      items: [face(3, {}, { age: [20, 18, 22] }), face(1, {}, { age: [40, 38, 42] })],
      want: { value: 25, low: 20, high: 35 },
    },
    {
      what: 'faces without age are left out',
      items: [face(1, {}, { age: [30, 28, 32] }), face(5, { sad: 1 })],
      want: { value: 30, low: 28, high: 32 },
    },
  ];
  for (const c of cases) {
    const got = aggregateAttributes(c.items).age;
    if (c.want === null) {
      assert.equal(got, null, c.what);
      continue;
    }
    assert.ok(got, c.what);
    close(got.value, c.want.value, `${c.what}: value`);
    close(got.low, c.want.low, `${c.what}: low`);
    close(got.high, c.want.high, `${c.what}: high`);
  }
});

test('aggregateAttributes: gender confidence-weighted vote, table of hand-checked cases', () => {
  const cases: Array<{
    what: string;
    items: WeightedAttributes[];
    want: { value: Gender; confidence: number } | null;
  }> = [
    { what: 'no face carried a gender', items: [face(1, { happy: 1 })], want: null },
    {
      what: 'single face',
      items: [face(0.3, {}, { gender: ['male', 0.8] })],
      want: { value: 'male', confidence: 0.8 },
    },
    // female mass 0.9 + (1 - 0.6) = 1.3 of 2
    {
      what: 'confident vote wins',
      items: [face(1, {}, { gender: ['female', 0.9] }), face(1, {}, { gender: ['male', 0.6] })],
      want: { value: 'female', confidence: 0.65 },
    },
    // female mass 3 * 0.2 + 0.9 = 1.5 of 4 -> male 0.625
    {
      what: 'weights count',
      items: [face(3, {}, { gender: ['male', 0.8] }), face(1, {}, { gender: ['female', 0.9] })],
      want: { value: 'male', confidence: 0.625 },
    },
    {
      what: 'exact tie goes to female',
      items: [face(1, {}, { gender: ['female', 0.7] }), face(1, {}, { gender: ['male', 0.7] })],
      want: { value: 'female', confidence: 0.5 },
    },
    {
      what: 'faces without gender are left out',
      items: [face(9, {}), face(1, {}, { gender: ['male', 0.9] })],
      want: { value: 'male', confidence: 0.9 },
    },
  ];
  for (const c of cases) {
    const got = aggregateAttributes(c.items).gender;
    if (c.want === null) {
      assert.equal(got, null, c.what);
      continue;
    }
    assert.ok(got, c.what);
    assert.equal(got.value, c.want.value, c.what);
    close(got.confidence, c.want.confidence, `${c.what}: confidence`);
  }
});

test('aggregateAttributes: no faces gives all nulls', () => {
  assert.deepEqual(aggregateAttributes([]), { faces: 0, expression: null, age: null, gender: null });
});

test('aggregateAttributes: rejects bad weights', () => {
  for (const w of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.throws(() => aggregateAttributes([face(w, { happy: 1 })]), { code: 'INVALID_ARGUMENT' }, `weight ${w}`);
  }
});
