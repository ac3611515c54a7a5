// Packing of an RGB image into a padded NCHW float32 tensor, in each detector's input convention.
import type { RgbImage } from '@pmr/common';
import { invalidArgument } from '@pmr/common';

/**
 * `bgr255`: YuNet — channels B, G, R with raw values 0..255.
 * `rgbNorm`: SCRFD — channels R, G, B as (x - 127.5) / 128.
 */
export type InputFormat = 'bgr255' | 'rgbNorm';

/** The tensor value of a pixel value `v` in the given format. */
export function normalisePixel(v: number, format: InputFormat): number {
  return format === 'bgr255' ? v : (v - 127.5) / 128;
}

/**
 * Copy `image` to the top-left of a [1, 3, inputHeight, inputWidth] tensor; the rest is the value of a black pixel
 * (0 for YuNet, -0.99609375 for SCRFD, as InsightFace pads with pixel 0 before normalising).
 */
export function packNchw(image: RgbImage, inputWidth: number, inputHeight: number, format: InputFormat): Float32Array {
  const { width, height, data } = image;
  if (width > inputWidth || height > inputHeight) {
    throw invalidArgument(`image ${width}x${height} does not fit the input ${inputWidth}x${inputHeight}`);
  }
  const plane = inputWidth * inputHeight;
  const out = new Float32Array(plane * 3);
  const pad = normalisePixel(0, format);
  if (pad !== 0) out.fill(pad);
  // Channel c of the tensor takes RGB channel order[c].
  const order = format === 'bgr255' ? [2, 1, 0] : [0, 1, 2];
  const mul = format === 'bgr255' ? 1 : 1 / 128;
  const add = format === 'bgr255' ? 0 : -127.5 / 128;
  for (let c = 0; c < 3; c++) {
    const sc = order[c]!;
    const base = c * plane;
    for (let y = 0; y < height; y++) {
      let s = y * width * 3 + sc;
      const row = base + y * inputWidth;
      for (let x = 0; x < width; x++, s += 3) out[row + x] = data[s]! * mul + add;
    }
  }
  return out;
}
