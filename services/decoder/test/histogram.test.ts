import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RgbImage } from '@pmr/common';
import { colorHistogram, histogramDistance } from '../src/histogram.ts';

/** An image made of the given pixels in one row. */
function row(...pixels: [number, number, number][]): RgbImage {
  return { width: pixels.length, height: 1, data: Uint8Array.from(pixels.flat()) };
}

const BLACK: [number, number, number] = [0, 0, 0];
const WHITE: [number, number, number] = [255, 255, 255];
const RED: [number, number, number] = [255, 0, 0];

test('colorHistogram: bins and normalisation by hand', () => {
  // 4 bins: 0..63 → 0, 64..127 → 1, 128..191 → 2, 192..255 → 3
  const h = colorHistogram(row([0, 64, 255], [63, 128, 192]), 4);
  assert.deepEqual(Array.from(h), [1, 0, 0, 0, /* G */ 0, 0.5, 0.5, 0, /* B */ 0, 0, 0, 1]);
  assert.deepEqual(Array.from(colorHistogram(row(), 2)), [0, 0, 0, 0, 0, 0]);
  assert.throws(() => colorHistogram(row(BLACK), 0), RangeError);
});

test('histogramDistance: table of hand-checked cases', () => {
  const cases = [
    { name: 'identical', a: row(RED, WHITE), b: row(RED, WHITE), want: 0 },
    { name: 'same colours, other order', a: row(RED, WHITE), b: row(WHITE, RED), want: 0 },
    { name: 'black vs white', a: row(BLACK), b: row(WHITE), want: 1 },
    // one of two pixels changes every channel's bin: each channel shares 1/2
    { name: 'half changed', a: row(BLACK, BLACK), b: row(BLACK, WHITE), want: 0.5 },
    // black → red moves only R: channel distances 1, 0, 0
    { name: 'one channel of three', a: row(BLACK), b: row(RED), want: 1 / 3 },
    // one of four pixels black → red: R shares 3/4, G and B share all
    {
      name: 'quarter of one channel',
      a: row(BLACK, BLACK, BLACK, BLACK),
      b: row(BLACK, BLACK, BLACK, RED),
      want: 0.25 / 3,
    },
  ];
  for (const { name, a, b, want } of cases) {
    const ha = colorHistogram(a, 16);
    const hb = colorHistogram(b, 16);
    assert.ok(
      Math.abs(histogramDistance(ha, hb) - want) < 1e-6,
      `${name}: got ${histogramDistance(ha, hb)}, want ${want}`,
    );
    assert.equal(histogramDistance(ha, hb), histogramDistance(hb, ha), `${name}: symmetric`);
  }
});

test('histogramDistance rejects mismatched histograms', () => {
  assert.throws(() => histogramDistance(new Float32Array(48), new Float32Array(24)), RangeError);
  assert.throws(() => histogramDistance(new Float32Array(4), new Float32Array(4)), RangeError);
});
