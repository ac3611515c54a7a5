// Fused letterbox: bilinear resize and NCHW packing in one pass, straight into the float32 input tensor.
// Gives exactly packNchw(resizeBilinear(image, …), …) (pixels are rounded to 0..255 as the two-step path does)
// without the intermediate image.
import type { RgbImage } from '@pmr/common';
import type { Letterbox } from './letterbox.ts';
import { normalisePixel, type InputFormat } from './pack.ts';
import { axisTaps } from '@pmr/common';

/** Every value of `out` (3 × inputWidth × inputHeight, new by default) is written: a reused buffer may be passed. */
export function letterboxTensor(
  image: RgbImage,
  lb: Letterbox,
  format: InputFormat,
  out: Float32Array = new Float32Array(lb.inputWidth * lb.inputHeight * 3),
): Float32Array {
  const { inputWidth: iw, inputHeight: ih, resizedWidth: w, resizedHeight: h, scale } = lb;
  const plane = iw * ih;
  if (out.length !== plane * 3) throw new RangeError(`letterbox tensor needs ${plane * 3} values, got ${out.length}`);
  fillPadding(out, iw, ih, w, h, normalisePixel(0, format));
  const bgr = format === 'bgr255';
  const mul = bgr ? 1 : 1 / 128;
  const add = bgr ? 0 : -127.5 / 128;
  // Tensor plane offsets of the R, G and B values.
  const rOff = bgr ? 2 * plane : 0;
  const gOff = plane;
  const bOff = bgr ? 0 : 2 * plane;
  const src = image.data;
  if (w === image.width && h === image.height) {
    // Scale 1 (video already at the network's size, and the roll crops): every tap is the pixel itself.
    copyPixels(src, w, h, iw, out, rOff, gOff, bOff, mul, add);
    return out;
  }
  const rowLen = image.width * 3;
  const xs = axisTaps(w, image.width, scale);
  const ys = axisTaps(h, image.height, scale);
  const a3 = new Int32Array(w);
  const b3 = new Int32Array(w);
  for (let x = 0; x < w; x++) {
    a3[x] = xs.i0[x]! * 3;
    b3[x] = xs.i1[x]! * 3;
  }
  const fxs = xs.w1;
  for (let y = 0; y < h; y++) {
    const r0 = ys.i0[y]! * rowLen;
    const r1 = ys.i1[y]! * rowLen;
    const fy = ys.w1[y]!;
    const gy = 1 - fy;
    const row = y * iw;
    for (let x = 0; x < w; x++) {
      const fx = fxs[x]!;
      const w00 = (1 - fx) * gy;
      const w01 = fx * gy;
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      const p00 = r0 + a3[x]!;
      const p01 = r0 + b3[x]!;
      const p10 = r1 + a3[x]!;
      const p11 = r1 + b3[x]!;
      const o = row + x;
      const r = Math.trunc(src[p00]! * w00 + src[p01]! * w01 + src[p10]! * w10 + src[p11]! * w11 + 0.5);
      const g = Math.trunc(src[p00 + 1]! * w00 + src[p01 + 1]! * w01 + src[p10 + 1]! * w10 + src[p11 + 1]! * w11 + 0.5);
      const b = Math.trunc(src[p00 + 2]! * w00 + src[p01 + 2]! * w01 + src[p10 + 2]! * w10 + src[p11 + 2]! * w11 + 0.5);
      out[rOff + o] = r * mul + add;
      out[gOff + o] = g * mul + add;
      out[bOff + o] = b * mul + add;
    }
  }
  return out;
}

/** Set every tensor value outside the top-left w×h image area of each plane to `value` (the area is written anyway). */
function fillPadding(out: Float32Array, iw: number, ih: number, w: number, h: number, value: number): void {
  const plane = iw * ih;
  for (let base = 0; base < 3 * plane; base += plane) {
    if (w < iw) for (let y = 0; y < h; y++) out.fill(value, base + y * iw + w, base + (y + 1) * iw);
    out.fill(value, base + h * iw, base + plane);
  }
}

/** Pack an image unchanged into the tensor planes: what the bilinear path gives when every weight is 0 or 1. */
function copyPixels(
  src: Uint8Array,
  w: number,
  h: number,
  iw: number,
  out: Float32Array,
  rOff: number,
  gOff: number,
  bOff: number,
  mul: number,
  add: number,
): void {
  let p = 0;
  for (let y = 0; y < h; y++) {
    const row = y * iw;
    for (let x = 0; x < w; x++, p += 3) {
      const o = row + x;
      out[rOff + o] = src[p]! * mul + add;
      out[gOff + o] = src[p + 1]! * mul + add;
      out[bOff + o] = src[p + 2]! * mul + add;
    }
  }
}
