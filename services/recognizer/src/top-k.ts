// Bounded best-k selection for index scans. Pure; no I/O.

/**
 * The `k` best rows offered so far, kept sorted in a small insertion buffer: higher score first, equal scores by
 * face id (code-unit order), so the answer depends only on the (id, score) pairs offered, never on row positions.
 */
export class TopK {
  readonly #k: number;
  readonly #idOf: (row: number) => string;
  readonly #rows: Int32Array;
  readonly #scores: Float64Array;
  #size = 0;

  constructor(k: number, idOf: (row: number) => string) {
    this.#k = k;
    this.#idOf = idOf;
    this.#rows = new Int32Array(k);
    this.#scores = new Float64Array(k);
  }

  /** Rows scoring below this cannot enter (−Infinity until k rows are held); a scan loop tests it before offering. */
  get floor(): number {
    return this.#size < this.#k ? -Infinity : this.#scores[this.#k - 1]!;
  }

  get size(): number {
    return this.#size;
  }

  offer(row: number, score: number): void {
    if (this.#k === 0) return;
    const full = this.#size === this.#k;
    if (full && !this.#before(row, score, this.#k - 1)) return;
    let at = full ? this.#k - 1 : this.#size++;
    while (at > 0 && this.#before(row, score, at - 1)) {
      this.#rows[at] = this.#rows[at - 1]!;
      this.#scores[at] = this.#scores[at - 1]!;
      at--;
    }
    this.#rows[at] = row;
    this.#scores[at] = score;
  }

  /** The rows held, best first. */
  rows(): number[] {
    return Array.from(this.#rows.subarray(0, this.#size));
  }

  /** The scores held, best first. */
  scores(): number[] {
    return Array.from(this.#scores.subarray(0, this.#size));
  }

  /** Whether (row, score) ranks before the entry held at `at`. */
  #before(row: number, score: number, at: number): boolean {
    const held = this.#scores[at]!;
    return score > held || (score === held && this.#idOf(row) < this.#idOf(this.#rows[at]!));
  }
}
