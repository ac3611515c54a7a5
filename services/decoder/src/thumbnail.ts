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
  // per-pixel count: this runs on every decoded frame, so it is kept to three adds per source pixel.
  const sums = new Uint32Array(ow * oh * 3);
  const col3 = new Uint32Array(image.width);
  const cellW = new Uint32Array(ow);
  const cellH = new Uint32Array(oh);
  for (let x = 0; x < image.width; x++) {
    const c = Math.min(ow - 1, Math.floor((x * ow) / image.width));
    col3[x] = c * 3;
    cellW[c]!++;
  }
  const d = image.data;
  for (let y = 0; y < image.height; y++) {
    const row = Math.min(oh - 1, Math.floor((y * oh) / image.height));
    cellH[row]!++;
    const base = row * ow * 3;
    let s = y * image.width * 3;
    for (let x = 0; x < image.width; x++, s += 3) {
      const c = base + col3[x]!;
      sums[c] = sums[c]! + d[s]!;
      sums[c + 1] = sums[c + 1]! + d[s + 1]!;
      sums[c + 2] = sums[c + 2]! + d[s + 2]!;
    }
  }
  const out = new Uint8Array(ow * oh * 3);
  for (let r = 0; r < oh; r++) {
    for (let c = 0; c < ow; c++) {
      const n = cellW[c]! * cellH[r]!;
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
