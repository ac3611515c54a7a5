// Options of decodeVideo and their checking. Pure.
import { invalidArgument } from '@pmr/common';
import { DEFAULT_SKIP, DEFAULT_THRESHOLDS, type SkipMethod, type SkipOptions } from './frame-signature.ts';
import { isHwaccelChoice, HWACCEL_CHOICES, type HwaccelChoice } from './hwaccel-choice.ts';
import { DEFAULT_CUT_THRESHOLD } from './scene-cut.ts';

export interface DecodeOptions {
  /** Analysis rate in frames per second (the first frame of each 1/N-second slot, see SlotSampler); default: every source frame. Rates ≥ the source rate decode every frame. */
  readonly fps?: number;
  /** Similar-frame skipping; default `{ method: 'histogram', threshold: 0.03 }` with maxGap ≈ DEFAULT_MAX_GAP_SECONDS of source frames. */
  readonly skip?: SkipOptions;
  /** Stop once this many frames were emitted. */
  readonly maxFrames?: number;
  /** Histogram distance from the previous decoded frame that marks a scene cut (default DEFAULT_CUT_THRESHOLD; Infinity: none). */
  readonly cutThreshold?: number;
  /** Aborting stops the decoding; iterating `frames` then throws the signal's reason. */
  readonly signal?: AbortSignal;
  /** Decode on a device: `auto` uses CUDA or VAAPI when one opens, else software; default `none` (software). */
  readonly hwaccel?: HwaccelChoice;
}

export interface DecodeSettings {
  readonly fps: number | undefined;
  readonly method: SkipMethod;
  readonly threshold: number;
  /** In source frames; resolved against the video's frame rate. */
  readonly maxGap: number;
  readonly maxFrames: number;
  readonly cutThreshold: number;
  readonly signal: AbortSignal | undefined;
  readonly hwaccel: HwaccelChoice;
}

const METHODS: readonly SkipMethod[] = ['none', 'histogram', 'ssim'];

/**
 * However still the picture, a frame is analysed at least this often. The tracker links faces by box overlap, so
 * the gap must stay short enough for a walking or gesturing person to overlap themselves between analysed frames:
 * with 1 s gaps the performer in short_hamilton_clip.mp4 split into four tracks; at 0.25 s he is one.
 */
export const DEFAULT_MAX_GAP_SECONDS = 0.25;

/** Validate options (INVALID_ARGUMENT on nonsense) and fill defaults; `sourceFps` sets the default maxGap. */
export function resolveDecodeOptions(options: DecodeOptions, sourceFps: number): DecodeSettings {
  const { fps, maxFrames } = options;
  const skip = options.skip ?? DEFAULT_SKIP;
  if (fps !== undefined && !(Number.isFinite(fps) && fps >= 0.001))
    throw invalidArgument(`fps must be a number ≥ 0.001, got ${String(fps)}`);
  if (maxFrames !== undefined && !(Number.isInteger(maxFrames) && maxFrames >= 1))
    throw invalidArgument(`maxFrames must be an integer ≥ 1, got ${String(maxFrames)}`);
  if (!METHODS.includes(skip.method))
    throw invalidArgument(`skip.method must be one of ${METHODS.join(', ')}, got ${String(skip.method)}`);
  const threshold = skip.method === 'none' ? 0 : (skip.threshold ?? DEFAULT_THRESHOLDS[skip.method]);
  if (!(Number.isFinite(threshold) && threshold >= 0))
    throw invalidArgument(`skip.threshold must be a number ≥ 0, got ${String(skip.threshold)}`);
  const cutThreshold = options.cutThreshold ?? DEFAULT_CUT_THRESHOLD;
  if (!(cutThreshold > 0))
    throw invalidArgument(`cutThreshold must be a number > 0, got ${String(options.cutThreshold)}`);
  const hwaccel = options.hwaccel ?? 'none';
  if (!isHwaccelChoice(hwaccel))
    throw invalidArgument(`hwaccel must be one of ${HWACCEL_CHOICES.join(', ')}, got ${String(options.hwaccel)}`);
  if (skip.maxGap !== undefined && !(Number.isInteger(skip.maxGap) && skip.maxGap >= 1))
    throw invalidArgument(`skip.maxGap must be an integer ≥ 1, got ${String(skip.maxGap)}`);
  return {
    fps,
    method: skip.method,
    threshold,
    maxGap: skip.maxGap ?? Math.max(1, Math.round(sourceFps * DEFAULT_MAX_GAP_SECONDS)),
    maxFrames: maxFrames ?? Number.POSITIVE_INFINITY,
    cutThreshold,
    signal: options.signal,
    hwaccel,
  };
}
