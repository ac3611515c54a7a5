// Time at a constant frame rate (the fallback where ffmpeg reports no timestamp), and whether a rate thins a video.
// Pure maths, no I/O.

/** Seconds on the container's timeline of source frame `index` at a constant `fps`, the first frame being at `start`. */
export function frameTime(index: number, fps: number, start = 0): number {
  return start + index / fps;
}

/** Whether an analysis rate actually thins the source: only rates strictly below the source rate resample. */
export function resamples(sampleFps: number | undefined, sourceFps: number): sampleFps is number {
  return sampleFps !== undefined && sampleFps < sourceFps;
}
