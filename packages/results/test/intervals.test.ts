import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unionLength } from '../src/intervals.ts';

test('unionLength counts overlaps once', () => {
  const cases: Array<{ in: Array<[number, number]>; want: number }> = [
    { in: [], want: 0 },
    { in: [[0, 1]], want: 1 },
    {
      in: [
        [0, 1],
        [2, 3],
      ],
      want: 2,
    },
    {
      in: [
        [0, 2],
        [1, 3],
      ],
      want: 3,
    },
    {
      in: [
        [1, 3],
        [0, 2],
      ],
      want: 3,
    },
    {
      in: [
        [0, 10],
        [2, 3],
        [4, 5],
      ],
      want: 10,
    },
    {
      in: [
        [0, 1],
        [1, 2],
      ],
      want: 2,
    },
    {
      in: [
        [5, 5],
        [3, 2],
      ],
      want: 0,
    },
  ];
  for (const c of cases) assert.equal(unionLength(c.in), c.want, JSON.stringify(c.in));
});
