// Similar-frame skipping: which source frames to analyse, and which source frames each one stands for.
// Pure and stateful; holds at most one pending item and one signature (O(1 frame) memory).

/** A kept item and the inclusive range of source frame indices it stands for. */
export interface KeptRange<T> {
  readonly item: T;
  readonly first: number;
  readonly last: number;
}

export interface FrameSkipperOptions<S> {
  /** Keep a frame when `distance(lastKept, frame) >= threshold`. A threshold ≤ 0 keeps every frame. */
  readonly threshold: number;
  /** Always keep a frame once this many source frames have passed since the last kept one (≥ 1). */
  readonly maxGap: number;
  readonly distance: (lastKept: S, current: S) => number;
}

export interface PushResult<T> {
  /** Whether the pushed frame was kept (it is now pending; its range closes at the next keep or at `finish`). */
  readonly kept: boolean;
  /** The previously kept frame, now that its range is known; null when nothing closed. */
  readonly closed: KeptRange<T> | null;
}

/**
 * Compares each source frame with the last KEPT frame (not with its predecessor, so slow drift adds up and
 * is eventually kept). A kept frame stands for itself and the skipped frames after it: its range is
 * `[its index, next kept index − 1]`, so it is only released (`closed`) when the next frame is kept or the
 * stream ends — emission is delayed by one kept frame. Ranges are contiguous and cover every index from
 * the first pushed one to the end given to `finish`, each exactly once.
 */
export class FrameSkipper<S, T> {
  readonly #options: FrameSkipperOptions<S>;
  #lastSignature: S | null = null;
  #pending: { item: T; first: number } | null = null;
  #lastIndex = -1;

  constructor(options: FrameSkipperOptions<S>) {
    if (!Number.isFinite(options.threshold)) throw new RangeError(`threshold must be finite, got ${options.threshold}`);
    if (!Number.isInteger(options.maxGap) || options.maxGap < 1)
      throw new RangeError(`maxGap must be an integer ≥ 1, got ${options.maxGap}`);
    this.#options = options;
  }

  /**
   * Whether `push` would keep source frame `index` with this signature (it changes nothing): a frame's pixels need to
   * be kept only when it is.
   */
  keeps(index: number, signature: S, force = false): boolean {
    const pending = this.#pending;
    return (
      force ||
      pending === null ||
      this.#lastSignature === null ||
      index - pending.first >= this.#options.maxGap ||
      this.#options.threshold <= 0 ||
      this.#options.distance(this.#lastSignature, signature) >= this.#options.threshold
    );
  }

  /**
   * Offer source frame `index` (strictly increasing; gaps allowed when frames were sampled). `force` keeps it
   * whatever its distance (a scene cut must start a new analysed frame).
   */
  push(index: number, signature: S, item: T, force = false): PushResult<T> {
    if (!Number.isInteger(index) || index <= this.#lastIndex)
      throw new RangeError(`source indices must increase: ${index} after ${this.#lastIndex}`);
    const keep = this.keeps(index, signature, force);
    this.#lastIndex = index;
    if (!keep) return { kept: false, closed: null };
    const pending = this.#pending;
    this.#lastSignature = signature;
    this.#pending = { item, first: index };
    return {
      kept: true,
      closed: pending === null ? null : { item: pending.item, first: pending.first, last: index - 1 },
    };
  }

  /** Record source frame `index` as not kept, when `keeps` said so (its pixels were never made). */
  pass(index: number): void {
    if (!Number.isInteger(index) || index <= this.#lastIndex)
      throw new RangeError(`source indices must increase: ${index} after ${this.#lastIndex}`);
    this.#lastIndex = index;
  }

  /** End of stream: release the pending frame with its range closed at `lastIndex` (default: the last pushed index). */
  finish(lastIndex = this.#lastIndex): KeptRange<T> | null {
    const pending = this.#pending;
    this.#pending = null;
    this.#lastSignature = null;
    if (pending === null) return null;
    return { item: pending.item, first: pending.first, last: Math.max(pending.first, lastIndex) };
  }
}
