// Turning a packed RGB image by a right angle, clockwise (what a player does with a rotated phone video). Pure.
import type { RgbImage } from '@pmr/common';

/** Size of an image of `width`×`height` once turned by `degrees`. */
export function turnedSize(
  width: number,
  height: number,
  degrees: 0 | 90 | 180 | 270,
): { width: number; height: number } {
  return degrees === 90 || degrees === 270 ? { width: height, height: width } : { width, height };
}

/**
 * `image` turned clockwise by `degrees`, written into `out` (turnedSize bytes × 3; a new buffer by default). Output
 * pixel (x, y) reads source pixel: 90° (y, h−1−x), 180° (w−1−x, h−1−y), 270° (w−1−y, x).
 */
export function rotateRgb(
  image: RgbImage,
  degrees: 0 | 90 | 180 | 270,
  out: Uint8Array = new Uint8Array(image.width * image.height * 3),
): RgbImage {
  const { width: w, height: h, data: src } = image;
  const size = turnedSize(w, h, degrees);
  if (out.length !== w * h * 3) throw new RangeError(`rotateRgb: output holds ${out.length} bytes, need ${w * h * 3}`);
  if (degrees === 0) {
    out.set(src.subarray(0, w * h * 3));
    return { ...size, data: out };
  }
  const ow = size.width;
  for (let y = 0; y < size.height; y++) {
    for (let x = 0; x < ow; x++) {
      const sx = degrees === 90 ? y : degrees === 180 ? w - 1 - x : w - 1 - y;
      const sy = degrees === 90 ? h - 1 - x : degrees === 180 ? h - 1 - y : x;
      const s = (sy * w + sx) * 3;
      const o = (y * ow + x) * 3;
      out[o] = src[s]!;
      out[o + 1] = src[s + 1]!;
      out[o + 2] = src[s + 2]!;
    }
  }
  return { ...size, data: out };
}
