// Bounded, time-spaced choice of the best faces of one track, made online as faces arrive in time order.

/** A face offered for selection: the item, when it was seen, and how good it is (higher is better). */
export interface Candidate<T> {
  readonly item: T;
  readonly pts: number;
  readonly score: number;
}

/** A {@link FaceSelector}'s whole state as plain data (as long as its items are). */
export interface FaceSelectorSnapshot<T> {
  readonly capacity: number;
  readonly minGapSeconds: number;
  readonly kept: readonly Candidate<T>[];
}

/**
 * Keeps at most `capacity` candidates, pairwise at least `minGapSeconds` apart in time, preferring high scores.
 * Memory is O(capacity) however many candidates are offered.
 *
 * Rule for each new candidate (candidates must come in non-decreasing `pts`):
 * 1. If it is closer than `minGapSeconds` to the latest kept one (the only kept one it can be close to, since
 *    kept ones are spaced and all earlier), it replaces that one when its score is strictly higher, else it is
 *    dropped. Replacing with a later candidate keeps every spacing (it only moves away from the earlier ones).
 * 2. Otherwise it is appended while there is room; when full it replaces the lowest-scored kept candidate
 *    (the earliest of equals) if its score is strictly higher, else it is dropped.
 * Ties therefore keep the earlier face. This greedy rule is not a global optimum over the whole track,
 * but it is deterministic, O(capacity) per offer, and never holds more than `capacity` faces.
 */
export class FaceSelector<T> {
  private readonly capacity: number;
  private readonly minGap: number;
  private kept: Candidate<T>[] = [];

  constructor(capacity: number, minGapSeconds: number) {
    this.capacity = capacity;
    this.minGap = minGapSeconds;
  }

  /** A selector in exactly the state of `snapshot`; the items are taken as they are, not copied. */
  static restore<T>(snapshot: FaceSelectorSnapshot<T>): FaceSelector<T> {
    const s = new FaceSelector<T>(snapshot.capacity, snapshot.minGapSeconds);
    s.kept = snapshot.kept.slice();
    return s;
  }

  /** The state as plain data (see {@link FaceSelector.restore}); the items are shared, not copied. */
  snapshot(): FaceSelectorSnapshot<T> {
    return { capacity: this.capacity, minGapSeconds: this.minGap, kept: this.kept.slice() };
  }

  /** Offer a candidate; returns whether it is now kept. */
  offer(c: Candidate<T>): boolean {
    const last = this.kept[this.kept.length - 1];
    if (last !== undefined && c.pts - last.pts < this.minGap) {
      if (c.score <= last.score) return false;
      this.kept[this.kept.length - 1] = c;
      return true;
    }
    if (this.kept.length < this.capacity) {
      this.kept.push(c);
      return true;
    }
    let worst = 0;
    this.kept.forEach((k, i) => {
      if (k.score < (this.kept[worst]?.score ?? Infinity)) worst = i;
    });
    if (c.score <= (this.kept[worst]?.score ?? Infinity)) return false;
    this.kept.splice(worst, 1);
    this.kept.push(c);
    return true;
  }

  /** The kept candidates, in time order. */
  selected(): readonly Candidate<T>[] {
    return this.kept.slice();
  }

  /** Number of kept candidates (never above the capacity). */
  get size(): number {
    return this.kept.length;
  }
}

/** The face of highest quality (the first of equals): a track's best shot. */
export function bestFace<T extends { readonly quality: { readonly score: number } }>(faces: readonly T[]): T {
  return faces.reduce((a, b) => (b.quality.score > a.quality.score ? b : a));
}
