import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attributeFaceIndices } from '../src/track-faces.ts';

test('attributeFaceIndices: the best three by quality, in time order; ties to the earlier face', () => {
  const cases: Array<[number[], number | undefined, number[]]> = [
    [[0.5, 0.9, 0.1, 0.7, 0.8], undefined, [1, 3, 4]],
    [[0.2, 0.3], undefined, [0, 1]],
    [[], undefined, []],
    [[0.6, 0.6, 0.6, 0.6], undefined, [0, 1, 2]],
    [[0.1, 0.9, 0.5], 1, [1]],
  ];
  for (const [qualities, count, want] of cases)
    assert.deepEqual(attributeFaceIndices(qualities, count), want, JSON.stringify(qualities));
});
