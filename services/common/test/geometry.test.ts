import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iou, clipBox } from '../src/geometry.ts';

test('iou: table of hand-checked cases', () => {
  const cases = [
    { a: { x: 0, y: 0, width: 10, height: 10 }, b: { x: 0, y: 0, width: 10, height: 10 }, want: 1 },
    { a: { x: 0, y: 0, width: 10, height: 10 }, b: { x: 10, y: 0, width: 10, height: 10 }, want: 0 },
    // overlap 5x10 = 50; union 100 + 100 - 50 = 150
    { a: { x: 0, y: 0, width: 10, height: 10 }, b: { x: 5, y: 0, width: 10, height: 10 }, want: 1 / 3 },
    // b inside a: 4 / 100
    { a: { x: 0, y: 0, width: 10, height: 10 }, b: { x: 2, y: 2, width: 2, height: 2 }, want: 0.04 },
    { a: { x: 0, y: 0, width: 0, height: 0 }, b: { x: 0, y: 0, width: 0, height: 0 }, want: 0 },
  ];
  for (const { a, b, want } of cases) {
    assert.ok(Math.abs(iou(a, b) - want) < 1e-12, `iou(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
    assert.ok(Math.abs(iou(b, a) - want) < 1e-12, 'iou is symmetric');
  }
});

test('clipBox keeps boxes inside the image', () => {
  assert.deepEqual(clipBox({ x: -5, y: -5, width: 20, height: 20 }, 10, 8), { x: 0, y: 0, width: 10, height: 8 });
  assert.deepEqual(clipBox({ x: 2, y: 3, width: 4, height: 4 }, 10, 10), { x: 2, y: 3, width: 4, height: 4 });
});
