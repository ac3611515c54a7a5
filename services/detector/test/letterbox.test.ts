import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boxToImage, computeLetterbox, landmarksToImage, pointToImage } from '../src/letterbox.ts';

test('computeLetterbox: longest side to the target, padded to a multiple of 32 (hand-checked table)', () => {
  const cases = [
    // 1080p: 1/3 scale, 640x360 padded to 640x384 (360 → 12·32 = 384)
    {
      w: 1920,
      h: 1080,
      size: 640,
      want: { scale: 1 / 3, resizedWidth: 640, resizedHeight: 360, inputWidth: 640, inputHeight: 384 },
    },
    {
      w: 1280,
      h: 720,
      size: 640,
      want: { scale: 0.5, resizedWidth: 640, resizedHeight: 360, inputWidth: 640, inputHeight: 384 },
    },
    // 640x360 at 640: no resize, only padding
    {
      w: 640,
      h: 360,
      size: 640,
      want: { scale: 1, resizedWidth: 640, resizedHeight: 360, inputWidth: 640, inputHeight: 384 },
    },
    // small images are enlarged: 500·1.28 = 640, 375·1.28 = 480 (already a multiple of 32)
    {
      w: 500,
      h: 375,
      size: 640,
      want: { scale: 1.28, resizedWidth: 640, resizedHeight: 480, inputWidth: 640, inputHeight: 480 },
    },
    // portrait: 480·(4/3) = 640, 360·(4/3) = 480
    {
      w: 360,
      h: 480,
      size: 640,
      want: { scale: 4 / 3, resizedWidth: 480, resizedHeight: 640, inputWidth: 480, inputHeight: 640 },
    },
    // 1920x1080 at 320: 320x180 → 320x192
    {
      w: 1920,
      h: 1080,
      size: 320,
      want: { scale: 1 / 6, resizedWidth: 320, resizedHeight: 180, inputWidth: 320, inputHeight: 192 },
    },
    // a 1-pixel-high strip still gets one row, padded to 32
    {
      w: 641,
      h: 1,
      size: 640,
      want: { scale: 640 / 641, resizedWidth: 640, resizedHeight: 1, inputWidth: 640, inputHeight: 32 },
    },
    // target not a multiple of 32: 1000x500 at 500 → 500x250 → 512x256
    {
      w: 1000,
      h: 500,
      size: 500,
      want: { scale: 0.5, resizedWidth: 500, resizedHeight: 250, inputWidth: 512, inputHeight: 256 },
    },
  ];
  for (const { w, h, size, want } of cases) {
    const got = computeLetterbox(w, h, size);
    assert.ok(Math.abs(got.scale - want.scale) < 1e-12, `${w}x${h}@${size} scale ${got.scale}`);
    assert.deepEqual({ ...got, scale: want.scale }, want, `${w}x${h}@${size}`);
  }
});

test('computeLetterbox: maxScale caps the enlargement of small images (hand-checked)', () => {
  // 150x150 crop at 640 would be 4.27×; capped at 2× → 300x300 padded to 320x320
  assert.deepEqual(computeLetterbox(150, 150, 640, 32, 2), {
    scale: 2,
    resizedWidth: 300,
    resizedHeight: 300,
    inputWidth: 320,
    inputHeight: 320,
  });
  // 500x375 at 640 is 1.28×, under the cap: unchanged
  assert.deepEqual(computeLetterbox(500, 375, 640, 32, 2), computeLetterbox(500, 375, 640));
  // shrinking is never capped
  assert.equal(computeLetterbox(1920, 1080, 640, 32, 0.1).scale, 0.1);
  assert.equal(computeLetterbox(1920, 1080, 640, 32, 2).scale, 1 / 3);
  assert.throws(() => computeLetterbox(10, 10, 64, 32, 0), /maximum scale/);
});

test('computeLetterbox rejects empty images and tiny targets', () => {
  assert.throws(() => computeLetterbox(0, 10, 640), /positive/);
  assert.throws(() => computeLetterbox(10, 10, 16), /at least 32/);
});

test('mapping back to image pixels divides by the scale', () => {
  const lb = computeLetterbox(1920, 1080, 640);
  const p = pointToImage({ x: 10, y: 20 }, lb);
  assert.ok(Math.abs(p.x - 30) < 1e-9 && Math.abs(p.y - 60) < 1e-9);
  const b = boxToImage({ x: 10, y: 20, width: 30, height: 40 }, lb);
  for (const [k, v] of Object.entries({ x: 30, y: 60, width: 90, height: 120 })) {
    assert.ok(Math.abs(b[k as keyof typeof b] - v) < 1e-9, `${k}`);
  }
  const up = computeLetterbox(500, 375, 640); // scale 1.28
  const l = landmarksToImage(
    [
      { x: 128, y: 64 },
      { x: 256, y: 0 },
      { x: 0, y: 0 },
      { x: 12.8, y: 1.28 },
      { x: 640, y: 480 },
    ],
    up,
  );
  const want = [
    [100, 50],
    [200, 0],
    [0, 0],
    [10, 1],
    [500, 375],
  ];
  l.forEach((pt, i) =>
    assert.ok(Math.abs(pt.x - want[i]![0]!) < 1e-9 && Math.abs(pt.y - want[i]![1]!) < 1e-9, `landmark ${i}`),
  );
});
