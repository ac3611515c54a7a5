import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createImage, type DetectedFace } from '@pmr/common';
import { padImage, unpadFace } from '../src/pad.ts';

test('padImage adds a constant border on every side', () => {
  // 2×1 image: red, green.
  const img = { width: 2, height: 1, data: Uint8Array.from([255, 0, 0, 0, 255, 0]) };
  const cases: Array<[number, readonly [number, number, number] | undefined, number, number, number[]]> = [
    [0, undefined, 2, 1, [255, 0, 0, 0, 255, 0]],
    // border 1, fill black: 4×3, image in the middle row at x = 1, 2.
    [
      1,
      undefined,
      4,
      3,
      [...Array<number>(12).fill(0), 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 0, ...Array<number>(12).fill(0)],
    ],
    // border 0.6 rounds to 1; grey fill.
    [
      0.6,
      [9, 8, 7],
      4,
      3,
      [
        ...[9, 8, 7, 9, 8, 7, 9, 8, 7, 9, 8, 7],
        ...[9, 8, 7, 255, 0, 0, 0, 255, 0, 9, 8, 7],
        ...[9, 8, 7, 9, 8, 7, 9, 8, 7, 9, 8, 7],
      ],
    ],
  ];
  for (const [border, fill, w, h, data] of cases) {
    const out = padImage(img, border, fill);
    assert.deepEqual([out.width, out.height], [w, h], `border ${border}`);
    assert.deepEqual(Array.from(out.data), data, `border ${border}`);
  }
});

test('unpadFace shifts box and landmarks back by the border', () => {
  const p = (x: number, y: number) => ({ x, y });
  const face: DetectedFace = {
    box: { x: 50, y: 60, width: 30, height: 40 },
    landmarks: [p(55, 70), p(75, 70), p(65, 80), p(58, 90), p(72, 90)],
    score: 0.9,
    quality: { score: 1, detector: 1, size: 1, sharpness: 1, frontalness: 1 },
    chip: createImage(112, 112),
  };
  const out = unpadFace(face, 50);
  assert.deepEqual(out.box, { x: 0, y: 10, width: 30, height: 40 });
  assert.deepEqual(out.landmarks, [p(5, 20), p(25, 20), p(15, 30), p(8, 40), p(22, 40)]);
  assert.equal(out.chip, face.chip);
  assert.equal(out.score, 0.9);
});
