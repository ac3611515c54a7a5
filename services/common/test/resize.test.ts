import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbImage } from '@pmr/common';
import { resizeBilinear } from '../src/resize.ts';

/** A grey image (R = G = B) from rows of values. */
function grey(rows: number[][]): RgbImage {
  const h = rows.length;
  const w = rows[0]!.length;
  const data = new Uint8Array(w * h * 3);
  rows.flat().forEach((v, i) => data.fill(v, i * 3, i * 3 + 3));
  return { width: w, height: h, data };
}

function greyRows(img: RgbImage): number[][] {
  const rows: number[][] = [];
  for (let y = 0; y < img.height; y++) {
    const row: number[] = [];
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      assert.ok(img.data[i] === img.data[i + 1] && img.data[i] === img.data[i + 2], 'channels stay equal');
      row.push(img.data[i]!);
    }
    rows.push(row);
  }
  return rows;
}

test('resizeBilinear: hand-checked small cases (pixel centres aligned, edges clamped)', () => {
  const cases = [
    // 2 → 4 wide at scale 2: source x = (o + 0.5)/2 − 0.5 = −0.25 (clamped 0), 0.25, 0.75, 1.25 (clamped 1)
    {
      src: [[0, 100]],
      w: 4,
      h: 2,
      scale: 2,
      want: [
        [0, 25, 75, 100],
        [0, 25, 75, 100],
      ],
    },
    // 4 → 2 at scale 0.5: source x = 0.5 and 2.5, i.e. the mean of each pixel pair
    {
      src: [
        [0, 100, 200, 50],
        [0, 100, 200, 50],
        [10, 10, 30, 30],
        [10, 10, 30, 30],
      ],
      w: 2,
      h: 2,
      scale: 0.5,
      want: [
        [50, 125],
        [10, 30],
      ],
    },
    // scale 1 is a copy
    {
      src: [
        [1, 2, 3],
        [4, 5, 6],
      ],
      w: 3,
      h: 2,
      scale: 1,
      want: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    },
    // 3 → 1 at scale 1/3: source x = 1.5 − 0.5 = 1, the middle pixel (no antialiasing)
    { src: [[0, 90, 255]], w: 1, h: 1, scale: 1 / 3, want: [[90]] },
    // rounding half up: 2 → 4 of [0, 1] gives 0.25 → 0 and 0.75 → 1
    { src: [[0, 1]], w: 4, h: 1, scale: 2, want: [[0, 0, 1, 1]] },
  ];
  for (const { src, w, h, scale, want } of cases) {
    assert.deepEqual(greyRows(resizeBilinear(grey(src), w, h, scale)), want, JSON.stringify({ src, w, h, scale }));
  }
});

test('resizeBilinear keeps channels apart', () => {
  const img: RgbImage = { width: 2, height: 1, data: Uint8Array.from([10, 20, 30, 50, 60, 70]) };
  const out = resizeBilinear(img, 4, 1, 2);
  assert.deepEqual([...out.data], [10, 20, 30, 20, 30, 40, 40, 50, 60, 50, 60, 70]);
});

test('resizeBilinear rejects empty targets', () => {
  assert.throws(() => resizeBilinear(grey([[1]]), 0, 1), /bad resize/);
});
