// Which jobs this orchestrator runs now, which wait their turn, and which have stalled. At most `maxRunning` jobs hold
// a slot (from enrolment until they end); the others wait QUEUED, first come first served, holding nothing but their
// id. A running job that has made no progress for `stallTimeoutMs` has stalled — except one whose video was handed to
// the pipeline and that no decoder has taken yet while other jobs are moving: it is waiting in the broker's line, not
// stuck. Pure bookkeeping: the runner calls it, the clock is injected.

export interface JobSlotsOptions {
  readonly maxRunning: number;
  readonly stallTimeoutMs: number;
  readonly now?: () => number;
}

/** A running job that has stalled, and the message its failure carries. */
export interface StalledJob {
  readonly jobId: string;
  readonly message: string;
}

interface Activity {
  lastProgress: number;
  /** The DecodeJob was published. */
  published: boolean;
  /** A stage has reported on the job (its video was taken). */
  reported: boolean;
  /** The last retryable problem since the last progress. */
  problem: string | undefined;
}

/** "1.5 s", "600 s". */
const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

export class JobSlots {
  readonly #maxRunning: number;
  readonly #stallMs: number;
  readonly #now: () => number;
  readonly #running = new Map<string, Activity>();
  readonly #waiting: string[] = [];
  /** When a stage last reported on any running job. */
  #pipelineMoved = 0;

  constructor(options: JobSlotsOptions) {
    if (!(Number.isInteger(options.maxRunning) && options.maxRunning >= 1))
      throw new RangeError(`maxRunning must be an integer ≥ 1, got ${options.maxRunning}`);
    if (!(options.stallTimeoutMs > 0))
      throw new RangeError(`stallTimeoutMs must be > 0, got ${options.stallTimeoutMs}`);
    this.#maxRunning = options.maxRunning;
    this.#stallMs = options.stallTimeoutMs;
    this.#now = options.now ?? Date.now;
  }

  get running(): number {
    return this.#running.size;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  isRunning(jobId: string): boolean {
    return this.#running.has(jobId);
  }

  /** Puts the job at the end of the line, unless it runs or waits already. */
  enqueue(jobId: string): void {
    if (!this.#running.has(jobId) && !this.#waiting.includes(jobId)) this.#waiting.push(jobId);
  }

  /** The jobs that take the free slots now, in line order; they count as running from here. */
  admit(): string[] {
    const admitted: string[] = [];
    while (this.#running.size < this.#maxRunning && this.#waiting.length > 0) {
      const jobId = this.#waiting.shift()!;
      this.#running.set(jobId, { lastProgress: this.#now(), published: false, reported: false, problem: undefined });
      admitted.push(jobId);
    }
    return admitted;
  }

  /** The job ended or is gone: it leaves its slot (or the line). True when it held a slot. */
  release(jobId: string): boolean {
    const at = this.#waiting.indexOf(jobId);
    if (at >= 0) this.#waiting.splice(at, 1);
    return this.#running.delete(jobId);
  }

  /** The job moved on: a step done here, or (`fromPipeline`) a stage reporting on it. */
  progressed(jobId: string, fromPipeline = false): void {
    const activity = this.#running.get(jobId);
    if (activity === undefined) return;
    activity.lastProgress = this.#now();
    activity.problem = undefined;
    if (fromPipeline) {
      activity.reported = true;
      this.#pipelineMoved = activity.lastProgress;
    }
  }

  /** The job's DecodeJob is in the broker: until a stage reports, silence may mean a decoder has not taken it yet. */
  published(jobId: string): void {
    const activity = this.#running.get(jobId);
    if (activity !== undefined) activity.published = true;
  }

  /** A step failed and will be retried: the reason, for the message if the job stalls. */
  problem(jobId: string, message: string): void {
    const activity = this.#running.get(jobId);
    if (activity !== undefined) activity.problem = message;
  }

  /** Running jobs with no progress for the stall timeout, with why. */
  stalled(): StalledJob[] {
    const now = this.#now();
    const out: StalledJob[] = [];
    for (const [jobId, a] of this.#running) {
      if (now - a.lastProgress < this.#stallMs) continue;
      const inLine = a.published && !a.reported;
      if (inLine && now - this.#pipelineMoved < this.#stallMs) continue;
      const why =
        a.problem !== undefined
          ? `last problem: ${a.problem}`
          : inLine
            ? 'no decoder has taken the video (is a decoder service running and connected to the broker?)'
            : a.published
              ? 'the pipeline stopped reporting on it (is every stage service running?)'
              : 'its gallery or its video could not be handed to the pipeline';
      out.push({ jobId, message: `no progress for ${seconds(this.#stallMs)}; ${why}` });
    }
    return out;
  }
}
