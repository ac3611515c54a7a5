// Time at a constant frame rate (the fallback where a frame has no timestamp), whether a rate thins a video, and the
// thinning itself. Pure maths, no I/O.

/** Seconds on the container's timeline of source frame `index` at a constant `fps`, the first frame being at `start`. */
export function frameTime(index: number, fps: number, start = 0): number {
  return start + index / fps;
}

/** Whether an analysis rate actually thins the source: only rates strictly below the source rate resample. */
export function resamples(sampleFps: number | undefined, sourceFps: number): sampleFps is number {
  return sampleFps !== undefined && sampleFps < sourceFps;
}

/**
 * Thins frames to `fps` a second by their own times: time is cut into 1/fps-second slots, slot round(t · fps), and the
 * first frame of each slot past the last kept frame's is kept. A variable-rate video is thinned evenly in time, and a
 * frame is never repeated to fill an empty slot.
 */
export class SlotSampler {
  readonly #fps: number;
  #lastSlot: number | null = null;

  constructor(fps: number) {
    if (!(Number.isFinite(fps) && fps > 0)) throw new RangeError(`fps must be a positive number, got ${fps}`);
    this.#fps = fps;
  }

  /** Whether the frame shown at `time` seconds (increasing from call to call) is kept. */
  keeps(time: number): boolean {
    const slot = Math.floor(time * this.#fps + 0.5);
    if (this.#lastSlot !== null && slot - this.#lastSlot < 1) return false;
    this.#lastSlot = slot;
    return true;
  }
}
