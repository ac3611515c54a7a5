import { readImage } from '@pmr/common';
import { computeLetterbox } from './src/letterbox.ts';
import { axisTaps } from './src/resize.ts';
import { letterboxTensor } from './src/letterbox-tensor.ts';
const img = await readImage('/tmp/frames/crowd_01.png');
const lb = computeLetterbox(img.width, img.height, 640);
function fixed(image: typeof img, l: typeof lb): Float32Array {
  const { inputWidth: iw, inputHeight: ih, resizedWidth: w, resizedHeight: h, scale } = l;
  const plane = iw * ih;
  const out = new Float32Array(plane * 3);
  const src = image.data;
  const rowLen = image.width * 3;
  const xs = axisTaps(w, image.width, scale);
  const ys = axisTaps(h, image.height, scale);
  const a3 = new Int32Array(w), b3 = new Int32Array(w), wx = new Int32Array(w);
  for (let x = 0; x < w; x++) { a3[x] = xs.i0[x]! * 3; b3[x] = xs.i1[x]! * 3; wx[x] = Math.round(xs.w1[x]! * 2048); }
  const tmp = new Int32Array(w * 3);
  for (let y = 0; y < h; y++) {
    const r0 = ys.i0[y]! * rowLen, r1 = ys.i1[y]! * rowLen;
    const fy = Math.round(ys.w1[y]! * 2048), gy = 2048 - fy;
    const row = y * iw;
    for (let x = 0; x < w; x++) {
      const fx = wx[x]!, gx = 2048 - fx;
      const p00 = r0 + a3[x]!, p01 = r0 + b3[x]!, p10 = r1 + a3[x]!, p11 = r1 + b3[x]!;
      const o = row + x;
      out[2 * plane + o] = ((src[p00]! * gx + src[p01]! * fx) * gy + (src[p10]! * gx + src[p11]! * fx) * fy + 2097152) >> 22;
      out[plane + o] = ((src[p00 + 1]! * gx + src[p01 + 1]! * fx) * gy + (src[p10 + 1]! * gx + src[p11 + 1]! * fx) * fy + 2097152) >> 22;
      out[o] = ((src[p00 + 2]! * gx + src[p01 + 2]! * fx) * gy + (src[p10 + 2]! * gx + src[p11 + 2]! * fx) * fy + 2097152) >> 22;
    }
  }
  void tmp;
  return out;
}
function t(name: string, f: () => void, n = 40) { for (let i = 0; i < 5; i++) f(); const c = process.cpuUsage(); const s = performance.now(); for (let i = 0; i < n; i++) f(); const u = process.cpuUsage(c); console.log(name, "wall", ((performance.now() - s) / n).toFixed(2), "cpu", ((u.user + u.system) / 1000 / n).toFixed(2), "ms"); }
for (let k = 0; k < 2; k++) {
t('fused', () => letterboxTensor(img, lb, 'bgr255'));
t('fixed', () => fixed(img, lb));
t('alloc only', () => new Float32Array(640 * 384 * 3));
}
const a = letterboxTensor(img, lb, 'bgr255'), b = fixed(img, lb);
let d = 0; for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!)); console.log('maxdiff', d);
