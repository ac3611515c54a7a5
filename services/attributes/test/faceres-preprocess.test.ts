import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createImage, type RgbImage } from '@pmr/common';
import { resizeBilinear } from '@pmr/common';
import { FACERES_SIZE, faceresInput } from '../src/index.ts';

test('resizeBilinear (per-axis scale): pixel centres aligned, edges clamped (2x1 -> 4x1 hand-checked)', () => {
  // out x samples (x + 0.5) / 2 - 0.5: -0.25 -> 0 (clamped), 0.25, 0.75, 1.25 -> 1 (clamped)
  const img: RgbImage = { width: 2, height: 1, data: Uint8Array.of(0, 0, 0, 100, 200, 40) };
  const out = resizeBilinear(img, 4, 1);
  assert.deepEqual([...out.data], [0, 0, 0, 25, 50, 10, 75, 150, 30, 100, 200, 40]);
  assert.throws(() => resizeBilinear(img, 0, 1), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => resizeBilinear({ width: 2, height: 2, data: new Uint8Array(3) }, 4, 4), {
    code: 'INVALID_ARGUMENT',
  });
});

test('faceresInput: 224x224 NHWC, channels B, G, R minus (103.939, 116.779, 123.68)', () => {
  const face = createImage(FACERES_SIZE, FACERES_SIZE);
  face.data[0] = 10; // R of pixel 0
  face.data[1] = 20; // G
  face.data[2] = 30; // B
  const x = faceresInput(face);
  assert.equal(x.length, FACERES_SIZE * FACERES_SIZE * 3);
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 1e-4;
  assert.ok(
    near(x[0]!, 30 - 103.939) && near(x[1]!, 20 - 116.779) && near(x[2]!, 10 - 123.68),
    `${x.slice(0, 3).join(',')}`,
  );
  assert.ok(near(x[3]!, -103.939) && near(x[5]!, -123.68));
});

test('faceresInput: a 112x112 chip is resized to 224 first', () => {
  const chip = createImage(112, 112, 200);
  const x = faceresInput(chip);
  assert.equal(x.length, FACERES_SIZE * FACERES_SIZE * 3);
  assert.ok(Math.abs(x[x.length - 1]! - (200 - 123.68)) < 1e-4);
  assert.throws(() => faceresInput({ width: 4, height: 4, data: new Uint8Array(5) }), { code: 'INVALID_ARGUMENT' });
});
