// Pre/post-processing of InsightFace genderage.onnx only: the model file (non-commercial) is not available here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createImage, type RgbImage } from '@pmr/common';
import {
  GENDERAGE_AGE_MARGIN,
  GENDERAGE_SIZE,
  genderageCrop,
  genderageDecode,
  genderageInput,
  genderageNormalisation,
} from '../src/index.ts';

test('genderageNormalisation: built-in Sub + Mul in the first 8 nodes means raw 0..255', () => {
  const node = (name: string, opType: string) => ({ name, opType });
  const cases: ReadonlyArray<readonly [string, ReadonlyArray<{ name: string; opType: string }>, 'raw' | 'centered']> = [
    ['MXNet scalar ops', [node('_minusscalar0', 'Sub'), node('_mulscalar0', 'Mul'), node('conv_1', 'Conv')], 'raw'],
    ['by name only', [node('_minus0', 'Add'), node('_mul0', 'Identity')], 'raw'],
    ['Sub without Mul', [node('a', 'Sub'), node('b', 'Conv')], 'centered'],
    ['plain conv net', [node('conv', 'Conv'), node('bn', 'BatchNormalization')], 'centered'],
    [
      'Sub and Mul after node 8',
      [...Array.from({ length: 8 }, (_, i) => node(`c${i}`, 'Conv')), node('s', 'Sub'), node('m', 'Mul')],
      'centered',
    ],
  ];
  for (const [what, nodes, want] of cases) assert.equal(genderageNormalisation(nodes), want, what);
});

test('genderageCrop: square of 1.5 x the longer box side around the box centre, scaled to 96', () => {
  // 192x192 image whose left half is 50 and right half 150; a 128x64 box centred at (96, 96):
  // side 1.5 * 128 = 192, so the crop is the whole image scaled by 0.5: left half 50, right half 150.
  const img = createImage(192, 192, 50);
  for (let y = 0; y < 192; y++)
    for (let x = 96; x < 192; x++) img.data.fill(150, (y * 192 + x) * 3, (y * 192 + x) * 3 + 3);
  const crop = genderageCrop(img, { x: 32, y: 64, width: 128, height: 64 });
  assert.equal(crop.width, GENDERAGE_SIZE);
  const px = (c: RgbImage, x: number, y: number): number => c.data[(y * c.width + x) * 3]!;
  assert.equal(px(crop, 10, 48), 50);
  assert.equal(px(crop, 80, 48), 150);
  // A box at the image corner: the part outside the image is black.
  const corner = genderageCrop(img, { x: 0, y: 0, width: 20, height: 20 });
  assert.equal(px(corner, 0, 0), 0);
  assert.equal(px(corner, 60, 60), 50);
  assert.throws(() => genderageCrop(img, { x: 0, y: 0, width: 0, height: 0 }), { code: 'INVALID_ARGUMENT' });
});

test('genderageInput: NCHW RGB planes, raw or (x - 127.5) / 128', () => {
  const crop = createImage(GENDERAGE_SIZE, GENDERAGE_SIZE);
  crop.data[0] = 255;
  crop.data[1] = 127.5 | 0;
  crop.data[2] = 0;
  const n = GENDERAGE_SIZE * GENDERAGE_SIZE;
  const raw = genderageInput(crop, 'raw');
  assert.deepEqual([raw[0], raw[n], raw[2 * n]], [255, 127, 0]);
  const centred = genderageInput(crop, 'centered');
  assert.deepEqual([centred[0], centred[n], centred[2 * n]], [127.5 / 128, -0.5 / 128, -127.5 / 128]);
  assert.throws(() => genderageInput(createImage(112, 112), 'raw'), { code: 'INVALID_ARGUMENT' });
});

test('genderageDecode: argmax of the first two is the gender (0 female, 1 male), round(out[2] * 100) the age', () => {
  const m = GENDERAGE_AGE_MARGIN;
  const a = genderageDecode([0.2, 0.8, 0.314]);
  assert.deepEqual(a, { age: { value: 31, low: 31 - m, high: 31 + m }, gender: { value: 'male', confidence: 0.8 } });
  // Logits (not probabilities) are turned into probabilities: softmax(2, 0) -> female 0.881
  const b = genderageDecode([2, 0, 0.05]);
  assert.equal(b.gender.value, 'female');
  assert.ok(Math.abs(b.gender.confidence - Math.exp(2) / (Math.exp(2) + 1)) < 1e-6);
  assert.deepEqual(b.age, { value: 5, low: 0, high: 5 + m });
  assert.throws(() => genderageDecode([0.5, 0.5]), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => genderageDecode([0.5, NaN, 0.3]), { code: 'INVALID_ARGUMENT' });
});
