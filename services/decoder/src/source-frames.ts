// Which source frame each frame out of ffmpeg shows, and when every source frame is shown, from showinfo's reports.
import { SAMPLED_FRAMES, SOURCE_FRAMES } from './ffmpeg-args.ts';
import { SourceClock } from './source-clock.ts';

/** Time of the `n`-th frame through a showinfo instance (FfmpegProcess.frameTime). */
export type FrameTimeOf = (filter: string, n: number) => Promise<number | null | undefined>;

/** Two timestamps this close (seconds) are the same frame's: both come from the same ticks and time base. */
const SAME_TIME = 1e-9;

/**
 * Reads the source frames' times in order as output frames come. Without sampling, output frame k is source frame k.
 * With it, output frame k is the source frame whose timestamp equals the k-th kept frame's (select passes frames
 * unchanged), the ones before it having been dropped. Where ffmpeg reported no time, the clock counts frame periods.
 */
export class SourceFrames {
  readonly clock: SourceClock;
  readonly #timeOf: FrameTimeOf;
  readonly #sampled: boolean;
  /** Source frames read so far. */
  #read = 0;

  constructor(timeOf: FrameTimeOf, sampled: boolean, fps: number, start: number) {
    this.#timeOf = timeOf;
    this.#sampled = sampled;
    this.clock = new SourceClock(fps, start);
  }

  /** The source index output frame `k` (0, 1, … in order) shows; the times of the source frames up to it are recorded. */
  async shown(k: number): Promise<number> {
    const target = this.#sampled ? await this.#timeOf(SAMPLED_FRAMES, k) : undefined;
    for (;;) {
      const index = this.#read++;
      const time = await this.#timeOf(SOURCE_FRAMES, index);
      this.clock.record(index, time ?? null);
      // unsampled, or nothing to match against (no time reported): the next source frame stands in
      if (!this.#sampled || target === null || target === undefined || time === undefined) return index;
      if (time !== null && Math.abs(time - target) < SAME_TIME) return index;
    }
  }

  /** After the last output frame: the number of source frames, reading the times of the ones after it. */
  async count(): Promise<number> {
    if (this.#sampled) {
      for (;;) {
        const time = await this.#timeOf(SOURCE_FRAMES, this.#read);
        if (time === undefined) break;
        this.clock.record(this.#read++, time);
      }
    }
    return this.#read;
  }
}
