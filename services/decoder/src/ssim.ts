// Structural similarity (SSIM) of two grayscale images. Pure maths, no I/O.
import type { GrayImage } from './thumbnail.ts';

/** Stabilising constants of Wang et al. (2004) for 8-bit dynamic range: (0.01·255)² and (0.03·255)². */
const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;

/** SSIM of one pair of equally sized sample sets given their sums (population statistics). */
export function ssimFromMoments(n: number, sa: number, sb: number, saa: number, sbb: number, sab: number): number {
  const ma = sa / n;
  const mb = sb / n;
  const va = Math.max(0, saa / n - ma * ma);
  const vb = Math.max(0, sbb / n - mb * mb);
  const cov = sab / n - ma * mb;
  return ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
}

/**
 * Mean SSIM over non-overlapping `window`×`window` blocks (edge blocks are cut short to fit the image; an image
 * smaller than one window is one block). Identical images give exactly 1; the value lies in [−1, 1].
 */
export function ssim(a: GrayImage, b: GrayImage, window = 8): number {
  if (a.width !== b.width || a.height !== b.height)
    throw new RangeError(`ssim needs equal sizes: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a positive integer, got ${window}`);
  const { width, height } = a;
  if (width === 0 || height === 0) return 1;
  let total = 0;
  let blocks = 0;
  for (let y0 = 0; y0 < height; y0 += window) {
    const y1 = Math.min(height, y0 + window);
    for (let x0 = 0; x0 < width; x0 += window) {
      const x1 = Math.min(width, x0 + window);
      let sa = 0,
        sb = 0,
        saa = 0,
        sbb = 0,
        sab = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = y * width + x0, end = y * width + x1; i < end; i++) {
          const va = a.data[i]!;
          const vb = b.data[i]!;
          sa += va;
          sb += vb;
          saa += va * va;
          sbb += vb * vb;
          sab += va * vb;
        }
      }
      total += ssimFromMoments((y1 - y0) * (x1 - x0), sa, sb, saa, sbb, sab);
      blocks++;
    }
  }
  return total / blocks;
}
