// Hard-cut detection between consecutive decoded frames. Pure and stateful: holds one small histogram.
import type { RgbImage } from '@pmr/common';
import { colorHistogram, histogramDistance } from './histogram.ts';
import { HISTOGRAM_BINS, SIGNATURE_SIDE } from './frame-signature.ts';
import { downscaleRgb } from './thumbnail.ts';

/**
 * Colour-histogram distance (mean over channels of 1 − intersection) from the previous frame that marks a hard cut.
 * Measured on short_hamilton_clip.mp4 (services/decoder/bin/frame-distances.ts): its three cuts jump by 0.19–0.37,
 * while consecutive frames within a shot stay at or below 0.052. 0.15 sits between the two with room either side.
 */
export const DEFAULT_CUT_THRESHOLD = 0.15;

export class SceneCutDetector {
  readonly #threshold: number;
  #previous: Float32Array | null = null;

  /** @param threshold distance at or above which a frame starts a new shot; Infinity never reports a cut. */
  constructor(threshold = DEFAULT_CUT_THRESHOLD) {
    if (Number.isNaN(threshold) || threshold <= 0) throw new RangeError(`cut threshold must be > 0, got ${threshold}`);
    this.#threshold = threshold;
  }

  /** The histogram the detector compares, for callers that already have one. */
  static histogramOf(image: RgbImage): Float32Array {
    return colorHistogram(downscaleRgb(image, SIGNATURE_SIDE), HISTOGRAM_BINS);
  }

  /** Whether this frame (given by its histogram) is cut from the previous one; the first frame is not a cut. */
  push(histogram: Float32Array): boolean {
    const previous = this.#previous;
    this.#previous = histogram;
    return previous !== null && histogramDistance(previous, histogram) >= this.#threshold;
  }
}
