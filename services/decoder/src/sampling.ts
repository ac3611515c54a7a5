// Frame-number and time bookkeeping under a constant-frame-rate assumption. Pure maths, no I/O.

/**
 * With `-vf fps=N`, ffmpeg puts source frame i (at time t = start + i/F on the timeline ffmpeg filters on, which
 * begins at the container's start) in output slot round(t·N), halves rounding up, and outputs one frame per slot
 * from the first frame's slot on: the LAST source frame of that slot. So the k-th output frame (slot j = j0 + k,
 * j0 = round(start·N)) covers source frames [ceil(((j − ½)/N − start)·F), ceil(((j + ½)/N − start)·F) − 1]
 * (the first output from frame 0) and shows the last of them. Checked against ffmpeg 5.1 frame by frame on a clip
 * whose frames encode their own index and on short_hamilton_clip.mp4 (start 0.844 s; see the tests).
 */
export function slotRange(k: number, sourceFps: number, sampleFps: number, start = 0): { first: number; shown: number } {
  const j = Math.floor(start * sampleFps + 0.5) + k;
  const at = (edge: number): number => Math.ceil((edge / sampleFps - start) * sourceFps - 1e-9);
  const first = k === 0 ? 0 : Math.max(0, at(j - 0.5));
  const shown = Math.max(first, at(j + 0.5) - 1);
  return { first, shown };
}

/** Seconds on the container's timeline of source frame `index` at a constant `fps`, the first frame being at `start`. */
export function frameTime(index: number, fps: number, start = 0): number {
  return start + index / fps;
}

/** Whether an analysis rate actually thins the source: only rates strictly below the source rate resample. */
export function resamples(sampleFps: number | undefined, sourceFps: number): sampleFps is number {
  return sampleFps !== undefined && sampleFps < sourceFps;
}
