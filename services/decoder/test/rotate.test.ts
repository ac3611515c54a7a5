import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rotateRgb, turnedSize } from '../src/rotate.ts';

/** A 3×2 image whose pixel (x, y) holds the value 10·y + x in all three channels. */
const image = { width: 3, height: 2, data: Uint8Array.from([0, 1, 2, 10, 11, 12].flatMap((v) => [v, v, v])) };
const values = (data: Uint8Array): number[] => Array.from({ length: data.length / 3 }, (_, i) => data[i * 3]!);

test('rotateRgb turns clockwise by right angles', () => {
  // 0 1 2      90°:  10 0     180°: 12 11 10     270°: 2 12
  // 10 11 12         11 1            2  1  0           1 11
  //                  12 2                              0 10
  const cases = [
    [0, [0, 1, 2, 10, 11, 12], 3, 2],
    [90, [10, 0, 11, 1, 12, 2], 2, 3],
    [180, [12, 11, 10, 2, 1, 0], 3, 2],
    [270, [2, 12, 1, 11, 0, 10], 2, 3],
  ] as const;
  for (const [degrees, want, width, height] of cases) {
    const turned = rotateRgb(image, degrees);
    assert.deepEqual([turned.width, turned.height, values(turned.data)], [width, height, want], `${degrees}°`);
    assert.deepEqual(turnedSize(3, 2, degrees), { width, height });
  }
  const out = new Uint8Array(18);
  assert.equal(rotateRgb(image, 90, out).data, out, 'writes into the buffer given');
  assert.throws(() => rotateRgb(image, 90, new Uint8Array(5)), RangeError);
});
