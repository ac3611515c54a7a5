import { test } from 'node:test';
import assert from 'node:assert/strict';
import { downscaleRgb, grayOf, thumbnailSize } from '../src/thumbnail.ts';

test('thumbnailSize keeps aspect, never upscales', () => {
  const cases = [
    { w: 640, h: 360, max: 128, want: { width: 128, height: 72 } },
    { w: 1920, h: 1080, max: 128, want: { width: 128, height: 72 } },
    { w: 360, h: 640, max: 128, want: { width: 72, height: 128 } },
    { w: 100, h: 50, max: 128, want: { width: 100, height: 50 } },
    { w: 1000, h: 1, max: 10, want: { width: 10, height: 1 } },
  ];
  for (const { w, h, max, want } of cases) assert.deepEqual(thumbnailSize(w, h, max), want, `${w}x${h} → ${max}`);
});

test('downscaleRgb box-averages each cell', () => {
  // 4×2 → 2×1: left cell = pixels (0,0),(1,0),(0,1),(1,1); right cell the other four
  const data = Uint8Array.from([
    0, 0, 0, 40, 40, 40, 255, 0, 0, 255, 0, 0, 80, 80, 80, 120, 120, 120, 0, 0, 255, 0, 0, 255,
  ]);
  const small = downscaleRgb({ width: 4, height: 2, data }, 2);
  assert.equal(small.width, 2);
  assert.equal(small.height, 1);
  assert.deepEqual(Array.from(small.data), [60, 60, 60, 128, 0, 128]);
  const same = { width: 2, height: 2, data: new Uint8Array(12) };
  assert.equal(downscaleRgb(same, 8), same, 'small images are returned as they are');
});

/** The definition, one source pixel at a time: each pixel's cell from the two cell-edge rules, then the means. */
function naiveDownscale(image: { width: number; height: number; data: Uint8Array }, maxSide: number): number[] {
  const { width: ow, height: oh } = thumbnailSize(image.width, image.height, maxSide);
  const sums = new Array<number>(ow * oh * 3).fill(0);
  const counts = new Array<number>(ow * oh).fill(0);
  for (let y = 0; y < image.height; y++) {
    const r = Math.min(oh - 1, Math.floor((y * oh) / image.height));
    for (let x = 0; x < image.width; x++) {
      let c = 0;
      while (Math.ceil(((c + 1) * image.width) / ow) <= x) c++;
      counts[r * ow + c]!++;
      for (let k = 0; k < 3; k++) sums[(r * ow + c) * 3 + k]! += image.data[(y * image.width + x) * 3 + k]!;
    }
  }
  return sums.map((s, i) => Math.round(s / counts[Math.floor(i / 3)]!));
}

test('downscaleRgb equals the per-pixel definition on uneven sizes', () => {
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) & 255;
  for (const [w, h, max] of [
    [640, 360, 128],
    [333, 97, 50],
    [97, 333, 41],
    [129, 3, 128],
    [1920, 1080, 128],
  ] as const) {
    const data = Uint8Array.from({ length: w * h * 3 }, next);
    const got = downscaleRgb({ width: w, height: h, data }, max);
    assert.deepEqual(Array.from(got.data), naiveDownscale({ width: w, height: h, data }, max), `${w}x${h} → ${max}`);
  }
});

test('grayOf uses BT.601 weights', () => {
  const g = grayOf({ width: 3, height: 1, data: Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255]) });
  assert.deepEqual(
    Array.from(g.data).map((v) => Math.round(v * 1000) / 1000),
    [76.245, 149.685, 29.07],
  );
});
