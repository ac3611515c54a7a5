// When the cluster supervisor restarts a service that died, and when it gives up. Pure.
//
// A service that dies is started again after a delay that doubles with each death in a row, up to a cap; deaths count
// "in a row" while the service never ran `stableMs` between them. After `maxRestarts` restarts in a row the next death
// ends the cluster: a service that cannot stay up (a bad model file, a port taken, a crash at every start) is reported
// once, clearly, instead of being restarted for ever.

export interface RestartPolicy {
  /** Restarts in a row before the supervisor gives up; 0: a service that dies ends the cluster at once. */
  readonly maxRestarts: number;
  /** The wait before the first restart; doubled for each further one in a row. */
  readonly initialDelayMs: number;
  /** The longest wait between restarts. */
  readonly maxDelayMs: number;
  /** A service that ran this long since it last started listening has recovered: its count starts again. */
  readonly stableMs: number;
}

/** `pmr cluster`'s policy: 5 restarts in a row (0.5, 1, 2, 4, 8 s apart), counted afresh after a minute up. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  maxRestarts: 5,
  initialDelayMs: 500,
  maxDelayMs: 8000,
  stableMs: 60_000,
};

/** The wait before restarting after the `deathsInARow`-th death in a row (1 for the first), or undefined: give up. */
export function restartDelay(policy: RestartPolicy, deathsInARow: number): number | undefined {
  if (deathsInARow > policy.maxRestarts) return undefined;
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (deathsInARow - 1));
}

/** One service's deaths in a row. */
export class DeathCount {
  #inARow = 0;
  #upSince: number;

  constructor(now: number) {
    this.#upSince = now;
  }

  /** The service listens (again) from `now`. */
  listening(now: number): void {
    this.#upSince = now;
  }

  /** The service died at `now` (also: failed to start again): its deaths in a row, this one included. */
  died(now: number, policy: RestartPolicy): number {
    if (now - this.#upSince >= policy.stableMs) this.#inARow = 0;
    this.#upSince = Number.POSITIVE_INFINITY; // not up again until it listens
    this.#inARow++;
    return this.#inARow;
  }

  /** Restarts made in a row so far. */
  get restarts(): number {
    return Math.max(0, this.#inARow - 1);
  }
}
