import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbImage } from '@pmr/common';
import {
  adjustBrightness,
  adjustContrast,
  adjustGamma,
  applyAugmentation,
  augmentChip,
  DEFAULT_AUGMENTATIONS,
  type ChipAugmentation,
} from '../src/augment.ts';

/** A 2×1 image: pixel 0 = (0, 64, 255), pixel 1 = (100, 128, 200). */
const img: RgbImage = { width: 2, height: 1, data: Uint8Array.from([0, 64, 255, 100, 128, 200]) };

test('photometric changes map every channel value as hand-computed', () => {
  const cases: Array<[string, RgbImage, number[]]> = [
    // +0.1*255 = +25.5: 0->25.5->26 (round half up), 64->89.5->90, 255 clamps, 100->125.5->126, 128->153.5->154, 200->225.5->226
    ['brightness +0.1', adjustBrightness(img, 0.1), [26, 90, 255, 126, 154, 226]],
    // -0.2*255 = -51: 0 clamps to 0, 64->13, 255->204, 100->49, 128->77, 200->149
    ['brightness -0.2', adjustBrightness(img, -0.2), [0, 13, 204, 49, 77, 149]],
    // 127.5 + (v-127.5)*2: 0->-127.5->0, 64->0.5->1, 255->382.5->255, 100->72.5->73, 128->128.5->129, 200->272.5->255
    ['contrast x2', adjustContrast(img, 2), [0, 1, 255, 73, 129, 255]],
    // 127.5 + (v-127.5)*0.5: 0->63.75->64, 64->95.75->96, 255->191.25->191, 100->113.75->114, 128->127.75->128, 200->163.75->164
    ['contrast x0.5', adjustContrast(img, 0.5), [64, 96, 191, 114, 128, 164]],
    // 255*(v/255)^2: 0->0, 64->16.06->16, 255->255, 100->39.2->39, 128->64.25->64, 200->156.86->157
    ['gamma 2', adjustGamma(img, 2), [0, 16, 255, 39, 64, 157]],
    // 255*(v/255)^0.5: 64->127.75->128, 100->159.69->160, 128->180.67->181, 200->225.83->226
    ['gamma 0.5', adjustGamma(img, 0.5), [0, 128, 255, 160, 181, 226]],
    ['contrast x1 is identity', adjustContrast(img, 1), [0, 64, 255, 100, 128, 200]],
    ['gamma 1 is identity', adjustGamma(img, 1), [0, 64, 255, 100, 128, 200]],
  ];
  for (const [name, out, expected] of cases) {
    assert.deepEqual(Array.from(out.data), expected, name);
    assert.equal(out.width, 2, name);
    assert.equal(out.height, 1, name);
  }
  assert.deepEqual(Array.from(img.data), [0, 64, 255, 100, 128, 200], 'input untouched');
});

test('applyAugmentation dispatches each kind', () => {
  const cases: Array<[ChipAugmentation, number[]]> = [
    [{ kind: 'flip' }, [100, 128, 200, 0, 64, 255]],
    [{ kind: 'brightness', delta: 0.1 }, [26, 90, 255, 126, 154, 226]],
    [{ kind: 'contrast', factor: 0.5 }, [64, 96, 191, 114, 128, 164]],
    [{ kind: 'gamma', gamma: 2 }, [0, 16, 255, 39, 64, 157]],
  ];
  for (const [aug, expected] of cases)
    assert.deepEqual(Array.from(applyAugmentation(img, aug).data), expected, aug.kind);
});

test('augmentChip returns the original first, then one variant per augmentation', () => {
  const out = augmentChip(img);
  assert.equal(out.length, 1 + DEFAULT_AUGMENTATIONS.length);
  assert.equal(out[0], img);
  assert.ok(DEFAULT_AUGMENTATIONS.some((a) => a.kind === 'flip'));
  assert.ok(DEFAULT_AUGMENTATIONS.some((a) => a.kind === 'brightness'));
  assert.ok(DEFAULT_AUGMENTATIONS.some((a) => a.kind === 'contrast'));
  assert.ok(DEFAULT_AUGMENTATIONS.some((a) => a.kind === 'gamma'));
  assert.deepEqual(augmentChip(img, []), [img]);
  assert.deepEqual(Array.from(augmentChip(img, [{ kind: 'flip' }])[1]!.data), [100, 128, 200, 0, 64, 255]);
});
