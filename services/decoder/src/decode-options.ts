// Options of decodeVideo and their checking. Pure.
import { invalidArgument } from '@pmr/common';
import { DEFAULT_SKIP, type SkipMethod, type SkipOptions } from './frame-signature.ts';
import type { ToolPaths } from './tools.ts';

export interface DecodeOptions extends ToolPaths {
  /** Analysis rate in frames per second (ffmpeg `-vf fps=N`); default: every source frame. Rates ≥ the source rate decode every frame. */
  readonly fps?: number;
  /** Similar-frame skipping; default `{ method: 'histogram', threshold: 0.03 }` with maxGap ≈ 1 s of source frames. */
  readonly skip?: SkipOptions;
  /** Stop (and kill ffmpeg) once this many frames were emitted. */
  readonly maxFrames?: number;
  /** Aborting kills ffmpeg; iterating `frames` then throws the signal's reason. */
  readonly signal?: AbortSignal;
}

export interface DecodeSettings {
  readonly fps: number | undefined;
  readonly method: SkipMethod;
  readonly threshold: number;
  /** In source frames; resolved against the video's frame rate. */
  readonly maxGap: number;
  readonly maxFrames: number;
  readonly signal: AbortSignal | undefined;
}

const METHODS: readonly SkipMethod[] = ['none', 'histogram', 'ssim'];

/** Validate options (INVALID_ARGUMENT on nonsense) and fill defaults; `sourceFps` sets the default maxGap. */
export function resolveDecodeOptions(options: DecodeOptions, sourceFps: number): DecodeSettings {
  const { fps, maxFrames } = options;
  const skip = options.skip ?? DEFAULT_SKIP;
  if (fps !== undefined && !(Number.isFinite(fps) && fps > 0)) throw invalidArgument(`fps must be a positive number, got ${String(fps)}`);
  if (maxFrames !== undefined && !(Number.isInteger(maxFrames) && maxFrames >= 1)) throw invalidArgument(`maxFrames must be an integer ≥ 1, got ${String(maxFrames)}`);
  if (!METHODS.includes(skip.method)) throw invalidArgument(`skip.method must be one of ${METHODS.join(', ')}, got ${String(skip.method)}`);
  if (!(Number.isFinite(skip.threshold) && skip.threshold >= 0)) throw invalidArgument(`skip.threshold must be a number ≥ 0, got ${String(skip.threshold)}`);
  if (skip.maxGap !== undefined && !(Number.isInteger(skip.maxGap) && skip.maxGap >= 1)) throw invalidArgument(`skip.maxGap must be an integer ≥ 1, got ${String(skip.maxGap)}`);
  return {
    fps,
    method: skip.method,
    threshold: skip.method === 'none' ? 0 : skip.threshold,
    maxGap: skip.maxGap ?? Math.max(1, Math.round(sourceFps)),
    maxFrames: maxFrames ?? Number.POSITIVE_INFINITY,
    signal: options.signal,
  };
}
