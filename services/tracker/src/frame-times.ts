// Remembers, for recent analysed frames, which source frames and times they stand for, so tracks reported a few
// frames late (the tracker confirms tentative tracks retroactively) still get exact times. Bounded memory.
export interface FrameSpan {
  readonly sourceFirst: number;
  readonly sourceLast: number;
  readonly pts: number;
  /** Exclusive end time of the last source frame the analysed frame stands for. */
  readonly end: number;
}

export class FrameTimes {
  readonly #spans = new Map<number, FrameSpan>();
  readonly #keep: number;

  constructor(keep = 2048) {
    this.#keep = keep;
  }

  add(index: number, span: FrameSpan): void {
    this.#spans.set(index, span);
    this.#spans.delete(index - this.#keep);
  }

  /** The span of a recent frame; undefined once it is more than `keep` frames old. */
  get(index: number): FrameSpan | undefined {
    return this.#spans.get(index);
  }
}
