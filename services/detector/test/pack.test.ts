import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbImage } from '@pmr/common';
import { normalisePixel, packNchw } from '../src/pack.ts';

const twoPixels: RgbImage = { width: 2, height: 1, data: Uint8Array.from([10, 20, 30, 40, 50, 60]) };

test('packNchw bgr255 (YuNet): B, G, R planes of raw values, top-left, padded with 0', () => {
  const t = packNchw(twoPixels, 4, 2, 'bgr255');
  assert.deepEqual(
    [...t],
    [
      30,
      60,
      0,
      0,
      0,
      0,
      0,
      0, // B
      20,
      50,
      0,
      0,
      0,
      0,
      0,
      0, // G
      10,
      40,
      0,
      0,
      0,
      0,
      0,
      0, // R
    ],
  );
});

test('packNchw rgbNorm (SCRFD): R, G, B planes as (x − 127.5)/128, padded as pixel 0', () => {
  const t = packNchw(twoPixels, 3, 1, 'rgbNorm');
  const n = (v: number): number => (v - 127.5) / 128;
  const want = [n(10), n(40), n(0), n(20), n(50), n(0), n(30), n(60), n(0)];
  assert.equal(t.length, want.length);
  want.forEach((v, i) => assert.ok(Math.abs(t[i]! - v) < 1e-6, `value ${i}: ${t[i]} vs ${v}`));
});

test('normalisePixel table', () => {
  const cases: [number, 'bgr255' | 'rgbNorm', number][] = [
    [0, 'bgr255', 0],
    [255, 'bgr255', 255],
    [0, 'rgbNorm', -0.99609375],
    [127.5, 'rgbNorm', 0],
    [255, 'rgbNorm', 0.99609375],
  ];
  for (const [v, f, want] of cases) assert.equal(normalisePixel(v, f), want, `${v} ${f}`);
});

test('packNchw refuses an image larger than the input', () => {
  assert.throws(() => packNchw(twoPixels, 1, 1, 'bgr255'), /does not fit/);
});
