// Frame-number and time bookkeeping under a constant-frame-rate assumption. Pure maths, no I/O.

/**
 * With `-vf fps=N` on a source of F fps, ffmpeg gives output slot k the LAST source frame whose time rounds to
 * slot k, i.e. frames i with round(i·N/F) = k. So slot k covers source frames
 * [ceil((k − ½)·F/N), ceil((k + ½)·F/N) − 1] (clamped at 0) and shows the last of them.
 * Checked against ffmpeg 5.1 with a clip whose frames encode their own index (see test/sampling.test.ts).
 */
export function slotRange(k: number, sourceFps: number, sampleFps: number): { first: number; shown: number } {
  const ratio = sourceFps / sampleFps;
  const first = k === 0 ? 0 : Math.max(0, Math.ceil((k - 0.5) * ratio - 1e-9));
  const shown = Math.max(first, Math.ceil((k + 0.5) * ratio - 1e-9) - 1);
  return { first, shown };
}

/** Seconds from the start of the video of source frame `index` at a constant `fps`. */
export function frameTime(index: number, fps: number): number {
  return index / fps;
}

/** Whether an analysis rate actually thins the source: only rates strictly below the source rate resample. */
export function resamples(sampleFps: number | undefined, sourceFps: number): sampleFps is number {
  return sampleFps !== undefined && sampleFps < sourceFps;
}
