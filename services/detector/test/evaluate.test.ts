import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boxContains, matchBoxes, matchPoints } from '../src/evaluate.ts';

const box = (x: number, y: number, w: number, h: number): { x: number; y: number; width: number; height: number } => ({
  x,
  y,
  width: w,
  height: h,
});

test('matchBoxes: one-to-one, highest IoU first (hand-checked)', () => {
  const labels = [box(0, 0, 10, 10), box(100, 0, 10, 10), box(200, 200, 10, 10)];
  // d0 = label 0 exactly (IoU 1); d1 overlaps label 0 by half (IoU 1/3) and nothing else; d2 = label 1 shifted
  // by 1 px (IoU 90/110 = 0.818); d3 is far away
  const dets = [box(0, 0, 10, 10), box(5, 0, 10, 10), box(101, 0, 10, 10), box(500, 500, 5, 5)];
  const m = matchBoxes(labels, dets, 0.3);
  assert.deepEqual(
    m.pairs.map(([l, d]) => [l, d]),
    [
      [0, 0],
      [1, 2],
    ],
  );
  assert.ok(Math.abs(m.pairs[1]![2] - 90 / 110) < 1e-12);
  assert.deepEqual(m.missedLabels, [2]);
  assert.deepEqual(m.extraDetections, [1, 3]);
  // IoU exactly at the threshold counts
  assert.deepEqual(matchBoxes([box(0, 0, 10, 10)], [box(5, 0, 10, 10)], 1 / 3).pairs.length, 1);
});

test('matchPoints: a detection is correct when it holds exactly one point', () => {
  const points = [
    { x: 5, y: 5 },
    { x: 8, y: 8 },
    { x: 50, y: 50 },
    { x: 90, y: 90 },
  ];
  const dets = [box(0, 0, 6, 6), box(0, 0, 10, 10), box(40, 40, 20, 20), box(200, 200, 5, 5)];
  // d0 holds point 0 only; d1 holds points 0 and 1 (wrong); d2 holds point 2; d3 holds nothing (wrong)
  assert.deepEqual(matchPoints(points, dets), { correct: 2, wrong: [1, 3], missedPoints: [1, 3] });
  assert.equal(boxContains(box(0, 0, 10, 10), { x: 10, y: 10 }), true, 'edges count as inside');
});
