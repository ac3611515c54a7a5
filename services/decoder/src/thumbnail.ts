// Small copies of a frame for the similar-frame measures. Pure maths, no I/O.
import { toGray, type RgbImage } from '@pmr/common';

/** A single-channel image of floats (0..255), row-major. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Float32Array;
}

/** Output size that fits `maxSide` while keeping the aspect ratio; never upscales, never below 1×1. */
export function thumbnailSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Box-average downscale to at most `maxSide` pixels on the longer side. Every source pixel lands in exactly
 * one output cell (cell edges are `floor(i * W / w)`), so a flat image stays flat and the mean colour is kept.
 */
export function downscaleRgb(image: RgbImage, maxSide: number): RgbImage {
  const { width: ow, height: oh } = thumbnailSize(image.width, image.height, maxSide);
  if (ow === image.width && oh === image.height) return image;
  // Integer sums (a cell holds at most 255 × its pixel count, far below 2³²) and per-axis cell sizes instead of a
  // per-pixel count. This runs on every decoded frame, so each row's pixels are summed in locals one cell at a time
  // and the cell's sums touched once per row.
  const sums = new Uint32Array(ow * oh * 3);
  const cellStart = new Uint32Array(ow + 1);
  const cellH = new Uint32Array(oh);
  for (let c = 0; c <= ow; c++) cellStart[c] = Math.ceil((c * image.width) / ow);
  const cellW = (c: number): number => cellStart[c + 1]! - cellStart[c]!;
  const d = image.data;
  for (let y = 0; y < image.height; y++) {
    const row = Math.min(oh - 1, Math.floor((y * oh) / image.height));
    cellH[row]!++;
    const rowStart = y * image.width * 3;
    for (let c = 0, o = row * ow * 3; c < ow; c++, o += 3) {
      let r = 0;
      let g = 0;
      let b = 0;
      const end = rowStart + cellStart[c + 1]! * 3;
      for (let s = rowStart + cellStart[c]! * 3; s < end; s += 3) {
        r += d[s]!;
        g += d[s + 1]!;
        b += d[s + 2]!;
      }
      sums[o] = sums[o]! + r;
      sums[o + 1] = sums[o + 1]! + g;
      sums[o + 2] = sums[o + 2]! + b;
    }
  }
  const out = new Uint8Array(ow * oh * 3);
  for (let r = 0; r < oh; r++) {
    for (let c = 0; c < ow; c++) {
      const n = cellW(c) * cellH[r]!;
      const o = (r * ow + c) * 3;
      for (let k = 0; k < 3; k++) out[o + k] = Math.round(sums[o + k]! / n);
    }
  }
  return { width: ow, height: oh, data: out };
}

/** BT.601 luma of an RGB image as floats. */
export function grayOf(image: RgbImage): GrayImage {
  return { width: image.width, height: image.height, data: toGray(image) };
}
