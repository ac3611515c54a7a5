import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tfPadding } from '../src/convert/index.ts';

test('tfPadding: TensorFlow SAME/VALID, odd padding at the end', () => {
  // [mode, in, kernel, stride, dilation] -> [begin, end, out]
  const cases: ReadonlyArray<readonly ['SAME' | 'VALID', number, number, number, number, number, number, number]> = [
    ['SAME', 224, 3, 2, 1, 0, 1, 112], // out 112; total (111*2 + 3) - 224 = 1 -> 0 before, 1 after
    ['SAME', 224, 3, 1, 1, 1, 1, 224], // total 2
    ['SAME', 7, 3, 2, 1, 1, 1, 4], // out ceil(7/2) = 4; total 3*2 + 3 - 7 = 2
    ['SAME', 6, 2, 1, 1, 0, 1, 6], // total 1
    ['SAME', 14, 1, 1, 1, 0, 0, 14], // pointwise
    ['SAME', 10, 3, 1, 2, 2, 2, 10], // dilated: effective kernel 5, total 4
    ['SAME', 5, 1, 2, 1, 0, 0, 3], // total max(2*2 + 1 - 5, 0) = 0
    ['VALID', 224, 3, 2, 1, 0, 0, 111], // ceil((224 - 3 + 1) / 2)
    ['VALID', 7, 3, 1, 2, 0, 0, 3], // ceil((7 - 5 + 1) / 1)
  ];
  for (const [mode, size, k, s, d, begin, end, out] of cases) {
    assert.deepEqual(
      tfPadding(mode, size, k, s, d),
      { begin, end, outSize: out },
      `${mode} in=${size} k=${k} s=${s} d=${d}`,
    );
  }
});
