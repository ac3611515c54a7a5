import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createImage } from '@pmr/common';
import { CHIP_SIZE, expressionInput } from '../src/expression-preprocess.ts';

test('expressionInput: RGB planes scaled by (x/255 - 0.5)/0.5', () => {
  const chip = createImage(CHIP_SIZE, CHIP_SIZE);
  const n = CHIP_SIZE * CHIP_SIZE;
  const last = n - 1;
  chip.data.set([0, 255, 51], 0); // pixel (0,0)
  chip.data.set([255, 0, 102], 3); // pixel (1,0)
  chip.data.set([204, 153, 0], last * 3); // pixel (111,111)
  const out = expressionInput(chip);
  assert.equal(out.length, 3 * n);
  // index into the NCHW tensor, expected value; 51 -> -0.6, 102 -> -0.2, 153 -> 0.2, 204 -> 0.6
  const cases: Array<[number, number]> = [
    [0, -1],
    [n, 1],
    [2 * n, -0.6],
    [1, 1],
    [n + 1, -1],
    [2 * n + 1, -0.2],
    [last, 0.6],
    [n + last, 0.2],
    [2 * n + last, -1],
    [2, -1], // an untouched (black) pixel
  ];
  for (const [i, want] of cases) assert.ok(Math.abs(out[i]! - want) < 1e-6, `out[${i}] = ${out[i]}, want ${want}`);
});

test('expressionInput: rejects chips the model cannot take', () => {
  const cases = [
    { what: 'wrong size', chip: createImage(100, 112) },
    { what: 'short data', chip: { width: CHIP_SIZE, height: CHIP_SIZE, data: new Uint8Array(CHIP_SIZE * CHIP_SIZE) } },
  ];
  for (const c of cases) assert.throws(() => expressionInput(c.chip), { code: 'INVALID_ARGUMENT' }, c.what);
});
