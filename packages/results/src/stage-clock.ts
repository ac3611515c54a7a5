// Adds up the time spent in each stage. Stages that run concurrently (embedding and attributes overlap detection)
// are summed per call, so the totals say how busy each stage was, not how they split the wall clock.
export const STAGES = ['decode', 'detect', 'track', 'embed', 'attributes'] as const;
export type Stage = (typeof STAGES)[number];

export class StageClock {
  readonly #ms: Record<Stage, number> = { decode: 0, detect: 0, track: 0, embed: 0, attributes: 0 };

  add(stage: Stage, ms: number): void {
    this.#ms[stage] += ms;
  }

  async time<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - start);
    }
  }

  /** Milliseconds per stage, rounded to 0.1 ms. */
  totals(): Record<Stage, number> {
    return Object.fromEntries(STAGES.map((s) => [s, Math.round(this.#ms[s] * 10) / 10])) as Record<Stage, number>;
  }
}
