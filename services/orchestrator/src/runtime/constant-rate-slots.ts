// Frames with their own timestamps onto a constant-rate output that starts at time 0, as a player would show them:
// output slot j (at j / rate seconds) shows the last frame at or before that time, and the slots before the first
// frame show the first. Keeps a video that starts late (hamilton's first frame is at 0.84 s) or has a variable rate in
// step with its audio when it is encoded again at a constant rate. Pure.

/** Slack (in slots) for times that fall on a slot boundary up to rounding. */
const EPSILON = 1e-6;

export class ConstantRateSlots {
  readonly #rate: number;
  /** The next slot to fill. */
  #next = 0;
  #last: number | null = null;

  constructor(rate: number) {
    if (!(rate > 0)) throw new RangeError(`rate must be positive, got ${rate}`);
    this.#rate = rate;
  }

  /**
   * A frame at `pts` seconds comes: the number of slots before it still to fill, with the frame before it (or, for
   * the first frame, with itself).
   */
  arrive(pts: number): number {
    this.#last = pts;
    return this.#fillBefore(pts, 0);
  }

  /** After the last frame: the number of slots it fills, one frame period from its time (at least one). */
  finish(): number {
    return this.#last === null ? 0 : this.#fillBefore(this.#last + 1 / this.#rate, 1);
  }

  /** Take the slots from the next one up to those starting before `time` (at least `min`); how many. */
  #fillBefore(time: number, min: number): number {
    const n = Math.max(min, Math.ceil(time * this.#rate - EPSILON) - this.#next);
    this.#next += n;
    return n;
  }
}
