import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createImage, PmrError } from '@pmr/common';
import { chipToTensorData } from '../src/preprocess.ts';

const PLANE = 112 * 112;

function chipWith(pixels: ReadonlyArray<{ x: number; y: number; rgb: readonly [number, number, number] }>) {
  const chip = createImage(112, 112);
  for (const { x, y, rgb } of pixels) chip.data.set(rgb, (y * 112 + x) * 3);
  return chip;
}

test('chipToTensorData: planar RGB, x/255 then ImageNet mean/std', () => {
  const chip = chipWith([
    { x: 0, y: 0, rgb: [255, 0, 128] },
    { x: 1, y: 0, rgb: [124, 116, 104] }, // close to the ImageNet mean colour
    { x: 0, y: 1, rgb: [0, 255, 255] },
  ]);
  const t = chipToTensorData(chip);
  assert.equal(t.length, 3 * PLANE);
  // [index in tensor, expected] — expectations worked out by hand: (v/255 - mean) / std.
  const cases: Array<[string, number, number]> = [
    ['R(0,0)=255', 0, (1 - 0.485) / 0.229], // 2.2489
    ['G(0,0)=0', PLANE, -0.456 / 0.224], // -2.0357
    ['B(0,0)=128', 2 * PLANE, (128 / 255 - 0.406) / 0.225], // 0.4265
    ['R(1,0)=124', 1, (124 / 255 - 0.485) / 0.229], // 0.0056
    ['G(1,0)=116', PLANE + 1, (116 / 255 - 0.456) / 0.224], // -0.0049
    ['B(1,0)=104', 2 * PLANE + 1, (104 / 255 - 0.406) / 0.225], // 0.0082
    ['R(0,1)=0', 112, -0.485 / 0.229], // -2.1179
    ['G(0,1)=255', PLANE + 112, (1 - 0.456) / 0.224], // 2.4286
    ['B(0,1)=255', 2 * PLANE + 112, (1 - 0.406) / 0.225], // 2.64
    ['R(2,0)=0 (untouched black)', 2, -0.485 / 0.229],
  ];
  for (const [name, index, expected] of cases) {
    assert.ok(Math.abs(t[index]! - expected) < 1e-5, `${name}: got ${t[index]}, expected ${expected}`);
  }
  assert.ok(Math.abs(t[0]! - 2.2489) < 1e-4);
  assert.ok(Math.abs(t[2 * PLANE + 112]! - 2.64) < 1e-4);
});

test('chipToTensorData: rejects chips that are not 112x112', () => {
  for (const [w, h] of [
    [111, 112],
    [112, 113],
    [224, 224],
  ] as const) {
    assert.throws(
      () => chipToTensorData(createImage(w, h)),
      (err: unknown) => err instanceof PmrError && err.code === 'INVALID_ARGUMENT' && err.message.includes(`${w}x${h}`),
    );
  }
});
