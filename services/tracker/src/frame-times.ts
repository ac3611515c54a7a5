// Remembers, for recent analysed frames, which source frames and times they stand for, so tracks reported a few
// frames late (the tracker confirms tentative tracks retroactively) still get exact times. Bounded memory.
export interface FrameSpan {
  readonly sourceFirst: number;
  readonly sourceLast: number;
  readonly pts: number;
  /** Exclusive end time of the last source frame the analysed frame stands for. */
  readonly end: number;
}

/**
 * A {@link FrameTimes}'s whole state as plain data: its window and, packed five numbers a frame in insertion order,
 * each remembered frame's index, sourceFirst, sourceLast, pts and end (thousands of small objects would cost more).
 */
export interface FrameTimesSnapshot {
  readonly keep: number;
  readonly spans: Float64Array;
}

const FIELDS = 5;

export class FrameTimes {
  readonly #spans = new Map<number, FrameSpan>();
  readonly #keep: number;

  constructor(keep = 2048) {
    this.#keep = keep;
  }

  /** Remembered frames in exactly the state of `snapshot`. */
  static restore(snapshot: FrameTimesSnapshot): FrameTimes {
    const times = new FrameTimes(snapshot.keep);
    const s = snapshot.spans;
    for (let i = 0; i + FIELDS <= s.length; i += FIELDS) {
      times.#spans.set(s[i]!, { sourceFirst: s[i + 1]!, sourceLast: s[i + 2]!, pts: s[i + 3]!, end: s[i + 4]! });
    }
    return times;
  }

  /** The state as plain data (see {@link FrameTimes.restore}). */
  snapshot(): FrameTimesSnapshot {
    const spans = new Float64Array(this.#spans.size * FIELDS);
    let i = 0;
    for (const [index, span] of this.#spans) {
      spans.set([index, span.sourceFirst, span.sourceLast, span.pts, span.end], i);
      i += FIELDS;
    }
    return { keep: this.#keep, spans };
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
