// Seconds of source frames: their own timestamps where they have one, a constant-rate estimate elsewhere. Pure.
import { frameTime } from './sampling.ts';

interface Stamp {
  readonly index: number;
  readonly time: number;
}

/**
 * Keeps the times of the latest two source frames read (all a decode needs: the frame it has just kept and the one
 * before, which ends the range of the frame kept before that). Before any is recorded it answers
 * `frameTime(index, fps, start)`.
 */
export class SourceClock {
  readonly #fps: number;
  readonly #start: number;
  #latest: Stamp | null = null;
  #before: Stamp | null = null;

  constructor(fps: number, start: number) {
    this.#fps = fps;
    this.#start = start;
  }

  /**
   * Source frame `index` (increasing) was decoded; `time` is its timestamp, or null when it has none
   * (then one frame period after the frame before). Returns the time kept.
   */
  record(index: number, time: number | null): number {
    const kept = time ?? this.at(index);
    this.#before = this.#latest;
    this.#latest = { index, time: kept };
    return kept;
  }

  /** Time of source frame `index`: as recorded, else counted in frame periods from the nearest recorded frame. */
  at(index: number): number {
    const near = this.#before !== null && index <= this.#before.index ? this.#before : this.#latest;
    if (near === null) return frameTime(index, this.#fps, this.#start);
    return near.time + (index - near.index) / this.#fps;
  }
}
