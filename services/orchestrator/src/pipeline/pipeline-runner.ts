// Runs jobs on the distributed pipeline. A submitted job's gallery photos are stored first (so a restart loses
// nothing), then the job is driven: enrol the gallery (Detect + Embed on the stage services), move to RUNNING,
// publish the DecodeJob once. The stages' results arrive on pmr.results.<job>; each is stored as a job part (the
// first write of a key wins, so a redelivered result changes nothing) and the message is acked only after that.
// When every piece is in, the job is decided exactly as the embedded runtime decides it (decideTrack, groupTracks),
// stored, and marked SUCCEEDED. A restarted orchestrator drives its QUEUED and RUNNING jobs again from their parts.
//
// Every job ends: at most maxRunningJobs are driven at once (job-slots.ts), the others wait QUEUED in order; a failed
// step is classified once (failures.ts) — terminal fails the job at once with its reason, retryable is tried again
// with backoff — and a running job with no progress for stallTimeoutMs fails with why.
import type { Logger } from '@pmr/common/logger';
import {
  messageCodec,
  type ConsumerHandle,
  type DeliveredMessage,
  type HandlerOutcome,
  type JetStreamBus,
} from '@pmr/common/messaging';
import {
  decodeJobMessage,
  pipelineMsgIds,
  pipelineSubjects,
  PIPELINE_CONSUMERS,
  withdrawJobWork,
} from '@pmr/common/pipeline';
import { capStatusMessage } from '@pmr/common/proto';
import type { DecodeJob } from '@pmr/common/proto/generated/pmr/v1/DecodeJob.ts';
import { SKIP_METHOD_TO_PROTO } from '@pmr/results';
import type { GroupingOptions } from '@pmr/results';
import { isFinalState, VersionConflictError, type JobRecord, type JobState, type JobStore } from '@pmr/store';
import { type CollectionStore } from '@pmr/collections';
import type { JobRunner, JobSubmission } from '../job-runner.ts';
import { classifyFailure } from './failures.ts';
import { enrolJobGallery, storeGalleryPhotos } from './job-gallery.ts';
import { collectJob, effectOf, putJobPart, readJobPart, type ResultEffect } from './job-parts.ts';
import { JobSlots } from './job-slots.ts';
import { jobResult } from './job-result.ts';
import { KeyedQueue } from './keyed-queue.ts';
import { RESULT_PREFIXES, ResultPartsIndex } from './result-parts.ts';
import type { StageClients } from './stage-clients.ts';

const decodeJobCodec = messageCodec('pmr.v1.DecodeJob');
const resultCodec = messageCodec('pmr.v1.PipelineResult');

/** Jobs driven at once unless told otherwise (the service's PMR_MAX_RUNNING_JOBS default). */
export const DEFAULT_MAX_RUNNING_JOBS = 4;
/** How long a running job may make no progress unless told otherwise (the service's PMR_JOB_STALL_TIMEOUT_S default). */
export const DEFAULT_STALL_TIMEOUT_MS = 600_000;
/** A retryable step is tried again after 1 s, then twice as long each time, at most this long. */
const MAX_RETRY_DELAY_MS = 30_000;

export interface PipelineRunnerOptions extends GroupingOptions {
  readonly bus: JetStreamBus;
  readonly store: JobStore;
  /** Where the persons of a job that names a collection are read from when it starts. */
  readonly collections?: CollectionStore;
  readonly stages: Pick<StageClients, 'detect' | 'embed' | 'embedMany'>;
  readonly logger: Logger;
  readonly matchThreshold: number;
  /** Called once per job that reaches SUCCEEDED, FAILED or CANCELLED here (metrics). */
  readonly onJobEnded?: (state: 'SUCCEEDED' | 'FAILED' | 'CANCELLED') => void;
  /** Jobs driven at once (default DEFAULT_MAX_RUNNING_JOBS); further jobs wait QUEUED in the order they came. */
  readonly maxRunningJobs?: number;
  /** A running job with no progress for this long fails (default DEFAULT_STALL_TIMEOUT_MS). */
  readonly stallTimeoutMs?: number;
}

export interface PipelineRunner extends JobRunner {
  /** Start consuming results and drive every QUEUED or RUNNING job in the store. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

function decodeJobOf(job: JobRecord): DecodeJob {
  const { source, options } = job;
  return {
    jobId: job.id,
    ...(source.kind === 'uri'
      ? { path: source.uri }
      : { upload: { bucket: source.bucket, name: source.name, size: String(source.size), sha256: source.sha256 } }),
    ...(options.fps !== undefined && { fps: options.fps }),
    ...(options.skipMethod !== undefined && { skipMethod: SKIP_METHOD_TO_PROTO[options.skipMethod] }),
    ...(options.maxFrames !== undefined && { maxFrames: options.maxFrames }),
  };
}

export function createPipelineRunner(options: PipelineRunnerOptions): PipelineRunner {
  return new DistributedJobs(options);
}

/** Move the job to `to` (re-reading on a version conflict); false when it is already final or there. */
async function moveJobTo(
  store: JobStore,
  jobId: string,
  to: JobState,
  error?: { code: string; message: string },
): Promise<boolean> {
  for (;;) {
    const job = await store.getJob(jobId);
    if (job === null || isFinalState(job.state) || job.state === to) return false;
    try {
      await store.updateState(jobId, { to, expectedVersion: job.version, ...(error !== undefined && { error }) });
      return true;
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err;
    }
  }
}

/** The jobs one orchestrator drives on the pipeline: admitting, driving, retrying, collecting results, ending. */
class DistributedJobs implements PipelineRunner {
  readonly #options: PipelineRunnerOptions;
  readonly #store: JobStore;
  readonly #bus: JetStreamBus;
  readonly #logger: Logger;
  readonly #stallTimeoutMs: number;
  readonly #slots: JobSlots;
  /** One job's steps never interleave. */
  readonly #queue = new KeyedQueue();
  readonly #parts: ResultPartsIndex;
  /** Pending retries of a step, by job. */
  readonly #retries = new Map<string, { timer: NodeJS.Timeout; attempts: number }>();
  /** Gallery photos enrolled so far, by job: a retry that enrols them again is no progress. */
  readonly #photosDone = new Map<string, number>();
  #consumer: ConsumerHandle | undefined;
  #watchdog: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: PipelineRunnerOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#bus = options.bus;
    this.#logger = options.logger;
    this.#stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
    this.#slots = new JobSlots({
      maxRunning: options.maxRunningJobs ?? DEFAULT_MAX_RUNNING_JOBS,
      stallTimeoutMs: this.#stallTimeoutMs,
    });
    this.#parts = new ResultPartsIndex(options.store);
  }

  async submit(submission: JobSubmission): Promise<void> {
    const { job, gallery } = submission;
    await storeGalleryPhotos(this.#store, job, gallery);
    this.#slots.enqueue(job.id);
    this.#startAdmitted();
  }

  cancel(jobId: string): Promise<void> {
    return this.#queue.run(jobId, async () => {
      if (await moveJobTo(this.#store, jobId, 'CANCELLED')) {
        this.#logger.info({ jobId }, 'job cancelled');
        this.#options.onJobEnded?.('CANCELLED');
        await this.#withdraw(jobId);
      }
      this.#ended(jobId);
    });
  }

  async start(): Promise<void> {
    this.#consumer = await this.#bus.consume({
      ...PIPELINE_CONSUMERS.orchestrator,
      maxAckPending: 64,
      ackWaitMs: 30_000,
      maxDeliver: 10,
      errorNakDelayMs: 1000,
      pullExpiresMs: 5000,
      handler: (message) => this.#onResult(message),
    });
    // Jobs that were running first, then the queued ones, each in the order they came.
    const rank = (job: JobRecord): number => (job.state === 'RUNNING' ? 0 : 1);
    const resumable = (await this.#store.jobsToResume()).toSorted(
      (a, b) => rank(a) - rank(b) || a.createTime - b.createTime,
    );
    for (const job of resumable) this.#slots.enqueue(job.id);
    this.#startAdmitted();
    if (resumable.length > 0) {
      this.#logger.info(
        { jobs: resumable.map((j) => j.id), running: this.#slots.running, waiting: this.#slots.waiting },
        'resuming jobs',
      );
    }
    this.#watchdog = setInterval(() => this.#failStalled(), Math.min(5000, Math.max(100, this.#stallTimeoutMs / 4)));
    this.#watchdog.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#watchdog);
    for (const { timer } of this.#retries.values()) clearTimeout(timer);
    this.#retries.clear();
    await this.#consumer?.stop();
    await this.#queue.idle();
  }

  /** Start the jobs that take free slots. */
  #startAdmitted(): void {
    if (this.#stopped) return;
    for (const jobId of this.#slots.admit()) this.#driveInBackground(jobId);
  }

  /**
   * Drive the job in the background: a terminal failure fails it at once; a retryable one is tried again after 1 s,
   * 2 s, 4 s … (at most MAX_RETRY_DELAY_MS), logged with its stack the first time and as one line after that, until
   * the job succeeds or stalls.
   */
  #driveInBackground(jobId: string): void {
    void this.#drive(jobId).then(
      () => this.#retries.delete(jobId),
      (err: unknown) => this.#afterFailedStep(jobId, err),
    );
  }

  async #afterFailedStep(jobId: string, err: unknown): Promise<void> {
    if (this.#stopped || !this.#slots.isRunning(jobId)) return;
    const failure = classifyFailure(err);
    if (!failure.retryable) {
      await this.#fail(jobId, failure.code, failure.message).catch((e: unknown) =>
        this.#logger.error({ err: e, jobId }, 'could not mark a job FAILED'),
      );
      return;
    }
    const attempts = (this.#retries.get(jobId)?.attempts ?? 0) + 1;
    const delayMs = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** (attempts - 1));
    this.#slots.problem(jobId, failure.message);
    if (attempts === 1)
      this.#logger.warn({ err, jobId, code: failure.code }, `job step failed; retrying in ${delayMs / 1000} s`);
    else
      this.#logger.warn(
        { jobId, code: failure.code, reason: failure.message, attempts },
        `job step failed again; retrying in ${delayMs / 1000} s`,
      );
    const timer = setTimeout(() => {
      if (!this.#stopped && this.#slots.isRunning(jobId)) this.#driveInBackground(jobId);
    }, delayMs);
    this.#retries.set(jobId, { timer, attempts });
  }

  /** Take a QUEUED or RUNNING job that holds a slot as far as it can go now. */
  #drive(jobId: string): Promise<void> {
    return this.#queue.run(jobId, async () => {
      const job = await this.#store.getJob(jobId);
      if (job === null || isFinalState(job.state)) return this.#ended(jobId);
      await this.#enrol(job);
      if (await moveJobTo(this.#store, jobId, 'RUNNING')) this.#slots.progressed(jobId);
      const now = await this.#store.getJob(jobId);
      if (now === null || isFinalState(now.state)) return this.#ended(jobId); // failed meanwhile (e.g. stalled)
      await this.#requestDecode(job);
      this.#slots.published(jobId);
      await this.#finishIfComplete(jobId);
    });
  }

  /** Enrol the job's gallery (once); a photo past the most enrolled so far is progress (a retry redoes photos). */
  async #enrol(job: JobRecord): Promise<void> {
    const jobId = job.id;
    const part = await enrolJobGallery(
      this.#store,
      this.#options.stages,
      job,
      (n) => {
        if (n <= (this.#photosDone.get(jobId) ?? 0)) return;
        this.#photosDone.set(jobId, n);
        this.#slots.progressed(jobId);
      },
      this.#options.collections,
    );
    if (part !== null)
      this.#logger.info({ jobId, persons: part.summary.persons, accepted: part.summary.accepted }, 'gallery enrolled');
  }

  /** Publish the job's DecodeJob, once. */
  async #requestDecode(job: JobRecord): Promise<void> {
    if ((await readJobPart(this.#store, job.id, 'decode-requested')) !== undefined) return;
    await this.#bus.publish(pipelineSubjects.decode(), decodeJobCodec.encode(decodeJobOf(job)), {
      msgId: pipelineMsgIds.decode(job.id),
      attempts: 20,
    });
    await putJobPart(this.#store, job.id, 'decode-requested', true);
    this.#slots.progressed(job.id);
    this.#logger.info({ jobId: job.id }, 'decode requested');
  }

  /** One result from a stage: stored as a part (or a warning, a failure, progress), then the job finished if complete. */
  #onResult(message: DeliveredMessage): Promise<HandlerOutcome> {
    const decoded = decodeJobMessage(resultCodec, message);
    if ('term' in decoded) return Promise.resolve(decoded);
    const { jobId, body: result } = decoded;
    return this.#queue.run(jobId, async (): Promise<HandlerOutcome> => {
      const job = await this.#store.getJob(jobId);
      if (job === null) return { term: `no job ${jobId}` };
      if (isFinalState(job.state)) {
        this.#ended(jobId);
        return 'ack'; // a late or repeated result of a finished job
      }
      this.#slots.progressed(jobId, true);
      let effect: ResultEffect;
      try {
        effect = effectOf(result, message.msgId);
      } catch (err) {
        return { term: `unreadable result: ${err instanceof Error ? err.message : String(err)}` };
      }
      if (effect.kind === 'failure') {
        await this.#fail(jobId, effect.code, effect.message);
        return 'ack';
      }
      await this.#apply(job, effect);
      await this.#finishIfComplete(jobId);
      return 'ack';
    });
  }

  /** What a result other than a failure changes in the store. */
  async #apply(job: JobRecord, effect: Exclude<ResultEffect, { kind: 'failure' }>): Promise<void> {
    const jobId = job.id;
    switch (effect.kind) {
      case 'part':
        await this.#parts.added(
          jobId,
          effect.key,
          effect.value,
          await this.#store.putPart(jobId, effect.key, effect.value),
        );
        return;
      case 'warning':
        if (await this.#store.putPart(jobId, effect.key, true))
          await this.#store.addWarning(jobId, { code: effect.code, message: effect.message });
        return;
      case 'progress': {
        const { kind: _kind, ...counters } = effect;
        void _kind;
        const total = counters.framesTotal ?? job.progress.framesTotal;
        const decoded = counters.framesDecoded ?? job.progress.framesDecoded;
        await this.#store.recordProgress(jobId, {
          ...counters,
          ...(total > 0 && { fraction: Math.min(1, decoded / total) }),
        });
        return;
      }
      case 'none':
        return;
    }
  }

  /** Everything in: decide every track, group strangers, store the result, SUCCEEDED. */
  async #finishIfComplete(jobId: string): Promise<void> {
    const store = this.#store;
    const job = await store.getJob(jobId);
    if (job === null || job.state !== 'RUNNING') return;
    if (!(await this.#parts.complete(jobId))) return;
    const collected = collectJob(
      (await Promise.all(RESULT_PREFIXES.map((prefix) => store.getParts(jobId, prefix)))).flat(),
    );
    if (collected === null) return;
    const gallery = await readJobPart(store, jobId, 'gallery');
    const result = await jobResult(
      collected,
      gallery,
      this.#options,
      Math.round((Date.now() - job.createTime) / 10) / 100,
    );
    const { tracks, persons } = result;
    for (const track of tracks) await store.putTrack(jobId, track);
    await store.putResult(jobId, result);
    await store
      .recordProgress(jobId, {
        framesAnalysed: collected.video.analysedFrames,
        fraction: 1,
        tracksFinished: tracks.length,
      })
      .catch(() => undefined);
    if (await moveJobTo(store, jobId, 'SUCCEEDED')) {
      this.#logger.info({ jobId, tracks: tracks.length, persons: persons.length }, 'job succeeded');
      this.#options.onJobEnded?.('SUCCEEDED');
      await this.#dropUpload(jobId);
    }
    this.#ended(jobId);
  }

  async #fail(jobId: string, code: string, message: string): Promise<void> {
    if (await moveJobTo(this.#store, jobId, 'FAILED', { code, message: capStatusMessage(message) })) {
      this.#logger.warn({ jobId, code, message }, 'job failed');
      this.#options.onJobEnded?.('FAILED');
      await this.#withdraw(jobId);
    }
    this.#ended(jobId);
  }

  /** Fail every running job that has stalled. */
  #failStalled(): void {
    for (const { jobId, message } of this.#slots.stalled()) {
      void this.#fail(jobId, 'DEADLINE_EXCEEDED', message).catch((err: unknown) =>
        this.#logger.error({ err, jobId }, 'could not mark a stalled job FAILED'),
      );
    }
  }

  /** The job is final or gone: its slot goes to the next job in line. */
  #ended(jobId: string): void {
    clearTimeout(this.#retries.get(jobId)?.timer);
    this.#retries.delete(jobId);
    this.#photosDone.delete(jobId);
    this.#parts.forget(jobId);
    if (this.#slots.release(jobId)) this.#startAdmitted();
  }

  /** A job that ended before its work was done: its work leaves the pipeline, its upload the object store. */
  async #withdraw(jobId: string): Promise<void> {
    await withdrawJobWork(this.#bus, jobId).catch((err: unknown) =>
      this.#logger.warn({ err, jobId }, "the job's work was not all withdrawn; what is left is skipped"),
    );
    await this.#dropUpload(jobId);
  }

  /** A final job's uploaded video is not needed any more: remove it from the object store (best effort). */
  async #dropUpload(jobId: string): Promise<void> {
    const job = await this.#store.getJob(jobId);
    if (job?.source.kind !== 'upload') return;
    const { bucket, name } = job.source;
    await this.#bus
      .deleteLarge(bucket, name)
      .catch((err: unknown) => this.#logger.warn({ err, jobId, bucket, name }, 'uploaded video not removed'));
  }
}
