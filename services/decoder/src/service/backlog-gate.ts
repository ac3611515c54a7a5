// Backpressure for the decoder: the frames it has published that are still waiting in the broker (as frames, or as
// the faces messages the detectors make of them, one per frame) stay under a bound, so a two-hour video never floods
// the broker. No transport here: the broker is asked through `measure`.
//
// Asking the broker before every frame cost two stream-info requests per published frame. The gate asks only when it
// must: between two measurements the backlog can only have grown by the frames admitted since (consumers only take
// messages away, and a frame becomes at most one faces message), so `measured + admitted since` bounds it from above,
// and the broker is asked again only when that bound reaches the limit. The count is per decoder process: several
// decoder replicas each keep their own, so together they may fill the broker up to replicas × max (the check before
// every frame was not strict across replicas either, but overshot by at most one frame per replica).

export interface BacklogGateOptions {
  /** Most messages waiting before the gate holds the next frame back. */
  readonly max: number;
  /** The number of messages waiting now (may retry internally; rejects when `signal` aborts). */
  readonly measure: (signal: AbortSignal) => Promise<number>;
  /** Pause before measuring again while the backlog is at the bound (rejects when `signal` aborts). */
  readonly pause: (signal: AbortSignal) => Promise<void>;
}

export class BacklogGate {
  readonly #options: BacklogGateOptions;
  /** The last measurement (unknown at first) and the frames admitted since it. */
  #measured = Number.POSITIVE_INFINITY;
  #admitted = 0;
  /** Admissions run one at a time, so that two jobs never both take the last place. */
  #turn: Promise<unknown> = Promise.resolve();

  constructor(options: BacklogGateOptions) {
    if (!(Number.isInteger(options.max) && options.max >= 1))
      throw new RangeError(`backlog bound must be a whole number ≥ 1, got ${options.max}`);
    this.#options = options;
  }

  /** Resolves when one more frame may be published, counting it; rejects (admitting nothing) when `signal` aborts. */
  admit(signal: AbortSignal): Promise<void> {
    const turn = this.#turn.then(() => this.#admitOne(signal));
    this.#turn = turn.catch(() => undefined);
    return turn;
  }

  async #admitOne(signal: AbortSignal): Promise<void> {
    const { max, measure, pause } = this.#options;
    while (this.#measured + this.#admitted >= max) {
      signal.throwIfAborted();
      this.#measured = await measure(signal);
      this.#admitted = 0;
      if (this.#measured >= max) await pause(signal);
    }
    this.#admitted++;
  }
}
