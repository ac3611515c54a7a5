// measureDecodeFps: decode-only throughput, for the benchmark.
import { decodeVideo } from './decode.ts';
import type { DecodeOptions } from './decode-options.ts';

export interface DecodeSpeed {
  /** Frames decoded and looked at (at the analysis rate when `fps` is set). */
  readonly decodedFrames: number;
  readonly emittedFrames: number;
  /** Wall-clock seconds from the first frame asked for to the end of the stream (opening the file excluded). */
  readonly seconds: number;
  /** decodedFrames / seconds. */
  readonly fps: number;
  readonly complete: boolean;
}

/**
 * Decode a whole video, dropping every frame, and time it. Default `skip: { method: 'none' }`, so it
 * measures decoding + conversion to RGB; pass `skip` to include the similar-frame measure.
 */
export async function measureDecodeFps(path: string, options: DecodeOptions = {}): Promise<DecodeSpeed> {
  const decoding = await decodeVideo(path, { skip: { method: 'none' }, ...options });
  const start = performance.now();
  for await (const frame of decoding.frames) void frame;
  const seconds = (performance.now() - start) / 1000;
  const outcome = await decoding.outcome;
  return {
    decodedFrames: outcome.decodedFrames,
    emittedFrames: outcome.emittedFrames,
    seconds,
    fps: seconds > 0 ? outcome.decodedFrames / seconds : 0,
    complete: outcome.complete,
  };
}
