import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ssim, ssimFromMoments } from '../src/ssim.ts';
import type { GrayImage } from '../src/thumbnail.ts';

function gray(width: number, height: number, values: number[] | ((x: number, y: number) => number)): GrayImage {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      data[y * width + x] = typeof values === 'function' ? values(x, y) : values[y * width + x]!;
  return { width, height, data };
}

const C1 = (0.01 * 255) ** 2; // 6.5025
const C2 = (0.03 * 255) ** 2; // 58.5225

test('ssim: identical images give 1', () => {
  const images = [
    gray(8, 8, () => 100),
    gray(16, 9, (x, y) => (x * 37 + y * 11) % 256),
    gray(3, 2, [0, 255, 0, 255, 0, 255]),
  ];
  for (const image of images) assert.ok(Math.abs(ssim(image, image) - 1) < 1e-9, `${image.width}x${image.height}`);
});

test('ssim: hand-computable cases', () => {
  const cases = [
    // flat 0 vs flat 255: means 0 and 255, no variance → (C1·C2) / ((255² + C1)·C2) = C1 / (65025 + C1)
    { name: 'flat black vs flat white', a: gray(4, 4, () => 0), b: gray(4, 4, () => 255), want: C1 / (65025 + C1) },
    // [0, 2] vs [2, 0]: means 1, variances 1, covariance −1 → (2 + C1)(−2 + C2) / ((2 + C1)(2 + C2))
    { name: 'two pixels swapped', a: gray(2, 1, [0, 2]), b: gray(2, 1, [2, 0]), want: (C2 - 2) / (C2 + 2) },
    // flat 100 vs flat 110: (2·100·110 + C1)·C2 / ((100² + 110² + C1)·C2)
    { name: 'brightness shift', a: gray(2, 2, () => 100), b: gray(2, 2, () => 110), want: (22000 + C1) / (22100 + C1) },
  ];
  for (const { name, a, b, want } of cases) {
    assert.ok(Math.abs(ssim(a, b) - want) < 1e-9, `${name}: got ${ssim(a, b)}, want ${want}`);
    assert.ok(Math.abs(ssim(b, a) - want) < 1e-9, `${name}: symmetric`);
  }
});

test('ssim: mean over 8×8 windows, edge windows cut short', () => {
  // 16×8 = two windows: left identical (1), right flat 0 vs flat 255
  const a = gray(16, 8, () => 0);
  const b = gray(16, 8, (x) => (x < 8 ? 0 : 255));
  assert.ok(Math.abs(ssim(a, b) - (1 + C1 / (65025 + C1)) / 2) < 1e-9);
  // 10×8: windows of 8×8 and 2×8; only the 2×8 one differs
  const c = gray(10, 8, () => 0);
  const d = gray(10, 8, (x) => (x < 8 ? 0 : 255));
  assert.ok(Math.abs(ssim(c, d) - (1 + C1 / (65025 + C1)) / 2) < 1e-9);
  assert.equal(ssimFromMoments(1, 5, 5, 25, 25, 25), 1);
  assert.throws(
    () =>
      ssim(
        gray(2, 2, () => 0),
        gray(2, 3, () => 0),
      ),
    RangeError,
  );
});
