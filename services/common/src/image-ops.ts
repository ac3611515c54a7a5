import type { Box, RgbImage } from './types.ts';

export function createImage(width: number, height: number, fill = 0): RgbImage {
  const data = new Uint8Array(width * height * 3);
  if (fill !== 0) data.fill(fill);
  return { width, height, data };
}

export function flipHorizontal(image: RgbImage): RgbImage {
  const { width, height, data } = image;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    const row = y * width * 3;
    for (let x = 0; x < width; x++) {
      const s = row + x * 3;
      const d = row + (width - 1 - x) * 3;
      out[d] = data[s]!;
      out[d + 1] = data[s + 1]!;
      out[d + 2] = data[s + 2]!;
    }
  }
  return { width, height, data: out };
}

/** Copy a rectangle (clipped to the image, integer pixels) out of an image. */
export function crop(image: RgbImage, box: Box): RgbImage {
  const x1 = Math.max(0, Math.floor(box.x));
  const y1 = Math.max(0, Math.floor(box.y));
  const x2 = Math.min(image.width, Math.ceil(box.x + box.width));
  const y2 = Math.min(image.height, Math.ceil(box.y + box.height));
  const w = Math.max(0, x2 - x1);
  const h = Math.max(0, y2 - y1);
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    const src = ((y1 + y) * image.width + x1) * 3;
    out.set(image.data.subarray(src, src + w * 3), y * w * 3);
  }
  return { width: w, height: h, data: out };
}

/** Luma (BT.601) of every pixel, as floats 0..255. */
export function toGray(image: RgbImage): Float32Array {
  const n = image.width * image.height;
  const out = new Float32Array(n);
  const d = image.data;
  for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = 0.299 * d[j]! + 0.587 * d[j + 1]! + 0.114 * d[j + 2]!;
  return out;
}

/**
 * Sample `image` at fractional pixel centres with bilinear interpolation.
 * `map(x, y)` gives the source coordinate for output pixel (x, y); outside the source reads as `border`.
 */
export function remapBilinear(
  image: RgbImage,
  width: number,
  height: number,
  map: (x: number, y: number) => readonly [number, number],
  border = 0,
): RgbImage {
  const out = new Uint8Array(width * height * 3);
  const { width: sw, height: sh, data } = image;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = map(x, y);
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const p00 = x0 >= 0 && y0 >= 0 && x0 < sw && y0 < sh ? data[(y0 * sw + x0) * 3 + c]! : border;
        const p10 = x0 + 1 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 < sh ? data[(y0 * sw + x0 + 1) * 3 + c]! : border;
        const p01 = x0 >= 0 && y0 + 1 >= 0 && x0 < sw && y0 + 1 < sh ? data[((y0 + 1) * sw + x0) * 3 + c]! : border;
        const p11 =
          x0 + 1 >= 0 && y0 + 1 >= 0 && x0 + 1 < sw && y0 + 1 < sh ? data[((y0 + 1) * sw + x0 + 1) * 3 + c]! : border;
        const v = (p00 * (1 - fx) + p10 * fx) * (1 - fy) + (p01 * (1 - fx) + p11 * fx) * fy;
        out[o + c] = Math.round(v);
      }
    }
  }
  return { width, height, data: out };
}
