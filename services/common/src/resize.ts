// Bilinear resize of packed RGB images (the OpenCV INTER_LINEAR convention: pixel centres aligned, no antialias,
// which is how YuNet and SCRFD inputs are usually produced).
import { invalidArgument } from './errors.ts';
import type { RgbImage } from './types.ts';

/** Source taps and weights for each output index along one axis; indices are clamped to the source. */
export function axisTaps(
  outSize: number,
  srcSize: number,
  scale: number,
): { i0: Int32Array; i1: Int32Array; w1: Float32Array } {
  const i0 = new Int32Array(outSize);
  const i1 = new Int32Array(outSize);
  const w1 = new Float32Array(outSize);
  for (let o = 0; o < outSize; o++) {
    const s = Math.min(Math.max((o + 0.5) / scale - 0.5, 0), srcSize - 1);
    const f = Math.floor(s);
    i0[o] = f;
    i1[o] = Math.min(f + 1, srcSize - 1);
    w1[o] = s - f;
  }
  return { i0, i1, w1 };
}

/**
 * Resize to `width`×`height`, where output pixel centre (x + 0.5) comes from source position (x + 0.5) / scale.
 * By default each axis has its own scale (output size / source size). Passing one `scale` for both axes keeps the
 * mapping exactly invertible when the output size was rounded (the detector's letterbox does this).
 */
export function resizeBilinear(image: RgbImage, width: number, height: number, scale?: number): RgbImage {
  const scaleX = scale ?? width / image.width;
  const scaleY = scale ?? height / image.height;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && scaleX > 0 && scaleY > 0)) {
    throw invalidArgument(`bad resize target ${width}x${height} at scale ${scaleX}x${scaleY}`);
  }
  if (image.data.length !== image.width * image.height * 3) {
    throw invalidArgument(
      `resize: image data holds ${image.data.length} bytes for ${image.width}x${image.height} packed RGB`,
    );
  }
  const src = image.data;
  const sw = image.width;
  const xs = axisTaps(width, sw, scaleX);
  const ys = axisTaps(height, image.height, scaleY);
  const out = new Uint8Array(width * height * 3);
  const x0s = xs.i0.map((v) => v * 3);
  const x1s = xs.i1.map((v) => v * 3);
  let o = 0;
  for (let y = 0; y < height; y++) {
    const r0 = ys.i0[y]! * sw * 3;
    const r1 = ys.i1[y]! * sw * 3;
    const fy = ys.w1[y]!;
    const gy = 1 - fy;
    for (let x = 0; x < width; x++) {
      const a = x0s[x]!;
      const b = x1s[x]!;
      const fx = xs.w1[x]!;
      const w00 = (1 - fx) * gy;
      const w01 = fx * gy;
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      const p00 = r0 + a;
      const p01 = r0 + b;
      const p10 = r1 + a;
      const p11 = r1 + b;
      out[o] = src[p00]! * w00 + src[p01]! * w01 + src[p10]! * w10 + src[p11]! * w11 + 0.5;
      out[o + 1] = src[p00 + 1]! * w00 + src[p01 + 1]! * w01 + src[p10 + 1]! * w10 + src[p11 + 1]! * w11 + 0.5;
      out[o + 2] = src[p00 + 2]! * w00 + src[p01 + 2]! * w01 + src[p10 + 2]! * w10 + src[p11 + 2]! * w11 + 0.5;
      o += 3;
    }
  }
  return { width, height, data: out };
}
