import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXPRESSIONS } from '@pmr/common';
import { expressionFromLogits } from '../src/expression-decode.ts';

test('expressionFromLogits: softmax then argmax, table of hand-checked cases', () => {
  const l = Math.log;
  const cases = [
    // exp of the logits: 1,1,1,3,2,1,1 (sum 10)
    { what: 'happy wins', logits: [0, 0, 0, l(3), l(2), 0, 0], value: 'happy', p: [0.1, 0.1, 0.1, 0.3, 0.2, 0.1, 0.1] },
    {
      what: 'shift-invariant and stable for large logits',
      logits: [1000, 1000, 1000, 1000 + l(3), 1000 + l(2), 1000, 1000],
      value: 'happy',
      p: [0.1, 0.1, 0.1, 0.3, 0.2, 0.1, 0.1],
    },
    // exp: 1,1,1,1,1,1,4 (sum 10)
    {
      what: 'last class',
      logits: [0, 0, 0, 0, 0, 0, l(4)],
      value: 'surprised',
      p: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4],
    },
    {
      what: 'tie goes to the earlier class',
      logits: [0, 0, 0, 0, 0, 0, 0],
      value: 'angry',
      p: Array<number>(7).fill(1 / 7),
    },
  ] as const;
  for (const c of cases) {
    const got = expressionFromLogits(c.logits);
    assert.equal(got.value, c.value, c.what);
    assert.ok(
      Math.abs(got.confidence - c.p[EXPRESSIONS.indexOf(c.value)]!) < 1e-6,
      `${c.what}: confidence ${got.confidence}`,
    );
    EXPRESSIONS.forEach((name, i) =>
      assert.ok(Math.abs(got.scores[name] - c.p[i]!) < 1e-6, `${c.what}: ${name} ${got.scores[name]}`),
    );
  }
});

test('expressionFromLogits: rejects malformed output', () => {
  assert.throws(() => expressionFromLogits([0, 0, 0]), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => expressionFromLogits([0, 0, 0, Number.NaN, 0, 0, 0]), { code: 'INVALID_ARGUMENT' });
});
