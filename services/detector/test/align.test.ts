import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Landmarks5, RgbImage } from '@pmr/common';
import { remapBilinear } from '@pmr/common';
import { alignFace, warpSimilarity } from '../src/align.ts';
import { applySimilarity, ARCFACE_TEMPLATE } from '../src/similarity.ts';

/** 300×300 image whose R channel is x·0.8 and G channel is y·0.8 (a linear ramp, which bilinear sampling reproduces). */
function ramp(): RgbImage {
  const w = 300;
  const h = 300;
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      data[(y * w + x) * 3] = Math.round(x * 0.8);
      data[(y * w + x) * 3 + 1] = Math.round(y * 0.8);
      data[(y * w + x) * 3 + 2] = 200;
    }
  }
  return { width: w, height: h, data };
}

test('alignFace: landmarks at 2× the template shifted by (10, 20) give a chip sampling (2x + 10, 2y + 20)', () => {
  const img = ramp();
  const lm = ARCFACE_TEMPLATE.map((p) => ({ x: 2 * p.x + 10, y: 2 * p.y + 20 })) as unknown as Landmarks5;
  const { chip, toChip } = alignFace(img, lm);
  assert.equal(chip.width, 112);
  assert.equal(chip.height, 112);
  // image → chip is x/2 − 5, y/2 − 10
  for (const [k, v] of Object.entries({ a: 0.5, b: 0, tx: -5, ty: -10 })) {
    assert.ok(Math.abs(toChip[k as 'a'] - v) < 1e-9, `toChip.${k}`);
  }
  for (const [x, y] of [
    [0, 0],
    [56, 56],
    [111, 111],
    [38, 51],
    [100, 7],
  ] as const) {
    const i = (y * 112 + x) * 3;
    // R ≈ 0.8·(2x + 10), G ≈ 0.8·(2y + 20): within 1 for the rounding of the ramp and of the sample
    assert.ok(Math.abs(chip.data[i]! - 0.8 * (2 * x + 10)) <= 1, `R at ${x},${y}: ${chip.data[i]}`);
    assert.ok(Math.abs(chip.data[i + 1]! - 0.8 * (2 * y + 20)) <= 1, `G at ${x},${y}: ${chip.data[i + 1]}`);
    assert.equal(chip.data[i + 2], 200);
  }
});

test('alignFace: parts of the chip outside the image are black', () => {
  const img = ramp();
  // template at scale 1 placed so the chip's left 20 columns fall left of the image
  const lm = ARCFACE_TEMPLATE.map((p) => ({ x: p.x - 20, y: p.y + 50 })) as unknown as Landmarks5;
  const { chip } = alignFace(img, lm);
  assert.deepEqual([...chip.data.subarray((60 * 112 + 5) * 3, (60 * 112 + 5) * 3 + 3)], [0, 0, 0]);
  assert.equal(chip.data[(60 * 112 + 60) * 3 + 2], 200);
});

test('warpSimilarity matches remapBilinear from @pmr/common to the byte', () => {
  let seed = 3;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
  const img: RgbImage = { width: 80, height: 60, data: Uint8Array.from({ length: 80 * 60 * 3 }, rnd) };
  for (const t of [
    { a: 0.7, b: 0.3, tx: 5.3, ty: -8.1 },
    { a: 1, b: 0, tx: 0, ty: 0 },
    { a: -0.2, b: 1.1, tx: 60, ty: 2 },
  ]) {
    const want = remapBilinear(img, 112, 112, (x, y) => {
      const p = applySimilarity(t, { x, y });
      return [p.x, p.y];
    });
    assert.deepEqual(warpSimilarity(img, 112, 112, t), want, JSON.stringify(t));
    // Into a reused buffer holding other bytes: the same picture, the parts outside the image black again.
    const reused = new Uint8Array(112 * 112 * 3).fill(77);
    assert.deepEqual(warpSimilarity(img, 112, 112, t, reused), want, `${JSON.stringify(t)}, reused buffer`);
  }
  assert.throws(() => warpSimilarity(img, 112, 112, { a: 1, b: 0, tx: 0, ty: 0 }, new Uint8Array(10)), RangeError);
});
