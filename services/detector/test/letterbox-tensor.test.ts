import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbImage } from '@pmr/common';
import { computeLetterbox } from '../src/letterbox.ts';
import { letterboxTensor } from '../src/letterbox-tensor.ts';
import { packNchw } from '../src/pack.ts';
import { resizeBilinear } from '@pmr/common';

test('letterboxTensor: a 2x1 image enlarged ×2 into a 32x32 YuNet input (hand-checked)', () => {
  const img: RgbImage = { width: 2, height: 1, data: Uint8Array.from([10, 20, 30, 50, 60, 70]) };
  const lb = computeLetterbox(2, 1, 32); // scale 16: 32x16 resized, 32x32 input
  assert.deepEqual([lb.scale, lb.resizedWidth, lb.resizedHeight, lb.inputWidth, lb.inputHeight], [16, 32, 16, 32, 32]);
  const t = letterboxTensor(img, lb, 'bgr255');
  const plane = 32 * 32;
  // column 0 samples source x = 0.5/16 − 0.5 < 0 → pixel 0; column 31 → pixel 1; column 16 → x = 16.5/16 − 0.5 = 0.53125
  assert.deepEqual([t[0], t[plane], t[2 * plane]], [30, 20, 10]);
  assert.deepEqual([t[31], t[plane + 31], t[2 * plane + 31]], [70, 60, 50]);
  assert.equal(t[16], Math.round(30 + 0.53125 * 40)); // 51.25 → 51
  // row 16 onwards is padding
  assert.deepEqual([t[16 * 32], t[plane + 31 * 32 + 31]], [0, 0]);
});

test('letterboxTensor (fused) equals packNchw(resizeBilinear(...)) exactly, both formats, down and up', () => {
  let seed = 7;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
  // [96, 60, 96] and [64, 64, 64] are at scale 1, which takes the plain copy.
  for (const [w, h, size] of [
    [97, 61, 64],
    [30, 50, 64],
    [200, 120, 96],
    [96, 60, 96],
    [64, 64, 64],
  ] as const) {
    const img: RgbImage = { width: w, height: h, data: Uint8Array.from({ length: w * h * 3 }, rnd) };
    const lb = computeLetterbox(w, h, size);
    for (const format of ['bgr255', 'rgbNorm'] as const) {
      const twoStep = packNchw(
        resizeBilinear(img, lb.resizedWidth, lb.resizedHeight, lb.scale),
        lb.inputWidth,
        lb.inputHeight,
        format,
      );
      assert.deepEqual(letterboxTensor(img, lb, format), twoStep, `${w}x${h}@${size} ${format}`);
      // A reused buffer holding an earlier frame: every value, padding included, is written again.
      const dirty = new Float32Array(twoStep.length).fill(999);
      assert.deepEqual(letterboxTensor(img, lb, format, dirty), twoStep, `${w}x${h}@${size} ${format}, reused buffer`);
    }
  }
});
