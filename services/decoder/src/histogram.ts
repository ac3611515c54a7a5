// Per-channel colour histograms and their distance. Pure maths, no I/O.
import type { RgbImage } from '@pmr/common';

/**
 * Per-channel histogram: `bins` bins for R, then G, then B (length 3 × bins); each channel sums to 1.
 * Bin of value v is `floor(v * bins / 256)`. An empty image gives all zeros.
 */
export function colorHistogram(image: RgbImage, bins = 16): Float32Array {
  if (!Number.isInteger(bins) || bins < 1 || bins > 256)
    throw new RangeError(`bins must be an integer in 1..256, got ${bins}`);
  const counts = new Uint32Array(3 * bins);
  const d = image.data;
  const n = image.width * image.height;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    counts[(d[j]! * bins) >> 8]!++;
    counts[bins + ((d[j + 1]! * bins) >> 8)]!++;
    counts[2 * bins + ((d[j + 2]! * bins) >> 8)]!++;
  }
  const out = new Float32Array(3 * bins);
  if (n === 0) return out;
  for (let k = 0; k < out.length; k++) out[k] = counts[k]! / n;
  return out;
}

/**
 * Distance between two histograms made by `colorHistogram` with the same bin count:
 * the mean over the three channels of (1 − histogram intersection), i.e. of half the L1 distance.
 * 0 for identical colour distributions, 1 when no channel shares any bin; symmetric.
 * Chosen over chi-square and Bhattacharyya because it is bounded, linear in the share of pixels
 * that changed bin (a threshold reads as "this share of pixels moved") and hand-checkable.
 */
export function histogramDistance(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length || a.length % 3 !== 0)
    throw new RangeError(`histogram lengths differ or are not 3 × bins: ${a.length} vs ${b.length}`);
  let shared = 0;
  for (let k = 0; k < a.length; k++) shared += Math.min(a[k]!, b[k]!);
  return Math.max(0, 1 - shared / 3);
}
