// What the skipper compares: a small per-frame signature and a distance in [0, 1]. Pure maths, no I/O.
import type { RgbImage } from '@pmr/common';
import { colorHistogram, histogramDistance } from './histogram.ts';
import { ssim } from './ssim.ts';
import { downscaleRgb, grayOf, type GrayImage } from './thumbnail.ts';

export type SkipMethod = 'none' | 'histogram' | 'ssim';

export interface SkipOptions {
  readonly method: SkipMethod;
  /**
   * Keep a frame when its distance to the last kept frame is ≥ this (histogram: 1 − intersection; ssim: 1 − SSIM).
   * Default: DEFAULT_THRESHOLDS[method]; ignored for 'none'.
   */
  readonly threshold?: number;
  /** Keep at least one frame every this many source frames; default DEFAULT_MAX_GAP_SECONDS (0.25 s) of video. */
  readonly maxGap?: number;
}

/** Longer side of the copy the signatures are computed on. */
export const SIGNATURE_SIDE = 128;
/** Bins per channel of the colour histogram. */
export const HISTOGRAM_BINS = 16;

/**
 * Calibrated on the shared test clips, ../shared/data/videos beside the checkout (see docs/calibration.md): the smallest jump across a hard cut in
 * short_hamilton_clip.mp4 is far above these, while most consecutive frames of one shot are below.
 */
export const DEFAULT_THRESHOLDS: Readonly<Record<Exclude<SkipMethod, 'none'>, number>> = { histogram: 0.03, ssim: 0.4 };
export const DEFAULT_SKIP: SkipOptions = { method: 'histogram', threshold: DEFAULT_THRESHOLDS.histogram };

export type FrameSignature =
  | { readonly kind: 'none' }
  | { readonly kind: 'histogram'; readonly histogram: Float32Array }
  | { readonly kind: 'ssim'; readonly gray: GrayImage };

export function frameSignature(method: SkipMethod, image: RgbImage): FrameSignature {
  switch (method) {
    case 'none':
      return { kind: 'none' };
    case 'histogram':
      return { kind: 'histogram', histogram: colorHistogram(downscaleRgb(image, SIGNATURE_SIDE), HISTOGRAM_BINS) };
    case 'ssim':
      return { kind: 'ssim', gray: grayOf(downscaleRgb(image, SIGNATURE_SIDE)) };
  }
}

/** Distance in [0, 1] (SSIM's can reach 2 for inverted structure); 1 when the kinds differ or for 'none'. */
export function signatureDistance(a: FrameSignature, b: FrameSignature): number {
  if (a.kind === 'histogram' && b.kind === 'histogram') return histogramDistance(a.histogram, b.histogram);
  if (a.kind === 'ssim' && b.kind === 'ssim') return 1 - ssim(a.gray, b.gray);
  return 1;
}
