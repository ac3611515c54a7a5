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
import { pipelineMsgIds, pipelineSubjects, decodeJobMessage, PIPELINE_CONSUMERS } from '@pmr/common/pipeline';
import { capStatusMessage } from '@pmr/common/proto';
import type { DecodeJob } from '@pmr/common/proto/generated/pmr/v1/DecodeJob.ts';
import { SKIP_METHOD_TO_PROTO } from '@pmr/results';
import type { GroupingOptions } from '@pmr/results';
import { isFinalState, VersionConflictError, type JobRecord, type JobState, type JobStore } from '@pmr/store';
import type { JobRunner, JobSubmission } from '../job-runner.ts';
import { classifyFailure } from './failures.ts';
import { enrolJobGallery, storeGalleryPhotos } from './job-gallery.ts';
import { collectJob, effectOf, putJobPart, readJobPart } from './job-parts.ts';
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
  readonly stages: Pick<StageClients, 'detect' | 'embed' | 'embedMany'>;
  readonly logger: Logger;
  readonly matchThreshold: number;
  /** Called once per job that reaches SUCCEEDED or FAILED here (metrics). */
  readonly onJobEnded?: (state: 'SUCCEEDED' | 'FAILED') => void;
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
  const { bus, store, logger } = options;
  const stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
  const slots = new JobSlots({ maxRunning: options.maxRunningJobs ?? DEFAULT_MAX_RUNNING_JOBS, stallTimeoutMs });
  /** One job's steps never interleave. */
  const queue = new KeyedQueue();
  const parts = new ResultPartsIndex(store);
  /** Pending retries of a step, by job. */
  const retries = new Map<string, { timer: NodeJS.Timeout; attempts: number }>();
  /** Gallery photos enrolled so far, by job: a retry that enrols them again is no progress. */
  const photosDone = new Map<string, number>();
  let consumer: ConsumerHandle | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  let stopped = false;

  /** Move the job to `to` (re-reading on a version conflict); false when it is already final. */
  const moveTo = async (jobId: string, to: JobState, error?: { code: string; message: string }): Promise<boolean> => {
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
  };

  /** A final job's uploaded video is not needed any more: remove it from the object store (best effort). */
  const dropUpload = async (jobId: string): Promise<void> => {
    const job = await store.getJob(jobId);
    if (job?.source.kind !== 'upload') return;
    const { bucket, name } = job.source;
    await bus
      .deleteLarge(bucket, name)
      .catch((err: unknown) => logger.warn({ err, jobId, bucket, name }, 'uploaded video not removed'));
  };

  /** The job is final or gone: its slot goes to the next job in line. */
  const ended = (jobId: string): void => {
    clearTimeout(retries.get(jobId)?.timer);
    retries.delete(jobId);
    photosDone.delete(jobId);
    parts.forget(jobId);
    if (slots.release(jobId)) startAdmitted();
  };

  const fail = async (jobId: string, code: string, message: string): Promise<void> => {
    if (await moveTo(jobId, 'FAILED', { code, message: capStatusMessage(message) })) {
      logger.warn({ jobId, code, message }, 'job failed');
      options.onJobEnded?.('FAILED');
      await dropUpload(jobId);
    }
    ended(jobId);
  };

  /** Enrol the job's gallery (once); a photo past the most enrolled so far is progress (a retry redoes photos). */
  const enrol = async (job: JobRecord): Promise<void> => {
    const jobId = job.id;
    const part = await enrolJobGallery(store, options.stages, job, (n) => {
      if (n <= (photosDone.get(jobId) ?? 0)) return;
      photosDone.set(jobId, n);
      slots.progressed(jobId);
    });
    if (part !== null)
      logger.info({ jobId, persons: part.summary.persons, accepted: part.summary.accepted }, 'gallery enrolled');
  };

  /** Everything in: decide every track, group strangers, store the result, SUCCEEDED. */
  const finishIfComplete = async (jobId: string): Promise<void> => {
    const job = await store.getJob(jobId);
    if (job === null || job.state !== 'RUNNING') return;
    if (!(await parts.complete(jobId))) return;
    const collected = collectJob(
      (await Promise.all(RESULT_PREFIXES.map((prefix) => store.getParts(jobId, prefix)))).flat(),
    );
    if (collected === null) return;
    const gallery = await readJobPart(store, jobId, 'gallery');
    const result = await jobResult(collected, gallery, options, Math.round((Date.now() - job.createTime) / 10) / 100);
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
    if (await moveTo(jobId, 'SUCCEEDED')) {
      logger.info({ jobId, tracks: tracks.length, persons: persons.length }, 'job succeeded');
      options.onJobEnded?.('SUCCEEDED');
      await dropUpload(jobId);
    }
    ended(jobId);
  };

  /** Take a QUEUED or RUNNING job that holds a slot as far as it can go now. */
  const drive = (jobId: string): Promise<void> =>
    queue.run(jobId, async () => {
      const job = await store.getJob(jobId);
      if (job === null || isFinalState(job.state)) return ended(jobId);
      await enrol(job);
      if (await moveTo(jobId, 'RUNNING')) slots.progressed(jobId);
      const now = await store.getJob(jobId);
      if (now === null || isFinalState(now.state)) return ended(jobId); // failed meanwhile (e.g. stalled)
      if ((await readJobPart(store, jobId, 'decode-requested')) === undefined) {
        await bus.publish(pipelineSubjects.decode(), decodeJobCodec.encode(decodeJobOf(job)), {
          msgId: pipelineMsgIds.decode(jobId),
          attempts: 20,
        });
        await putJobPart(store, jobId, 'decode-requested', true);
        slots.progressed(jobId);
        logger.info({ jobId }, 'decode requested');
      }
      slots.published(jobId);
      await finishIfComplete(jobId);
    });

  /**
   * Drive the job in the background: a terminal failure fails it at once; a retryable one is tried again after 1 s,
   * 2 s, 4 s … (at most MAX_RETRY_DELAY_MS), logged with its stack the first time and as one line after that, until
   * the job succeeds or stalls.
   */
  const driveInBackground = (jobId: string): void => {
    void drive(jobId).then(
      () => retries.delete(jobId),
      async (err: unknown) => {
        if (stopped || !slots.isRunning(jobId)) return;
        const failure = classifyFailure(err);
        if (!failure.retryable) {
          await fail(jobId, failure.code, failure.message).catch((e: unknown) =>
            logger.error({ err: e, jobId }, 'could not mark a job FAILED'),
          );
          return;
        }
        const attempts = (retries.get(jobId)?.attempts ?? 0) + 1;
        const delayMs = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** (attempts - 1));
        slots.problem(jobId, failure.message);
        if (attempts === 1)
          logger.warn({ err, jobId, code: failure.code }, `job step failed; retrying in ${delayMs / 1000} s`);
        else
          logger.warn(
            { jobId, code: failure.code, reason: failure.message, attempts },
            `job step failed again; retrying in ${delayMs / 1000} s`,
          );
        const timer = setTimeout(() => {
          if (!stopped && slots.isRunning(jobId)) driveInBackground(jobId);
        }, delayMs);
        retries.set(jobId, { timer, attempts });
      },
    );
  };

  /** Start the jobs that take free slots. */
  function startAdmitted(): void {
    if (stopped) return;
    for (const jobId of slots.admit()) driveInBackground(jobId);
  }

  /** Fail every running job that has stalled. */
  const failStalled = (): void => {
    for (const { jobId, message } of slots.stalled()) {
      void fail(jobId, 'DEADLINE_EXCEEDED', message).catch((err: unknown) =>
        logger.error({ err, jobId }, 'could not mark a stalled job FAILED'),
      );
    }
  };

  const onResult = async (message: DeliveredMessage): Promise<HandlerOutcome> => {
    const decoded = decodeJobMessage(resultCodec, message);
    if ('term' in decoded) return decoded;
    const { jobId, body: result } = decoded;
    return queue.run(jobId, async (): Promise<HandlerOutcome> => {
      const job = await store.getJob(jobId);
      if (job === null) return { term: `no job ${jobId}` };
      if (isFinalState(job.state)) {
        ended(jobId);
        return 'ack'; // a late or repeated result of a finished job
      }
      slots.progressed(jobId, true);
      let effect;
      try {
        effect = effectOf(result, message.msgId);
      } catch (err) {
        return { term: `unreadable result: ${err instanceof Error ? err.message : String(err)}` };
      }
      switch (effect.kind) {
        case 'part': {
          await parts.added(jobId, effect.key, effect.value, await store.putPart(jobId, effect.key, effect.value));
          break;
        }
        case 'warning':
          if (await store.putPart(jobId, effect.key, true))
            await store.addWarning(jobId, { code: effect.code, message: effect.message });
          break;
        case 'failure':
          await fail(jobId, effect.code, effect.message);
          return 'ack';
        case 'progress': {
          const { kind: _kind, ...counters } = effect;
          void _kind;
          const total = counters.framesTotal ?? job.progress.framesTotal;
          const decoded = counters.framesDecoded ?? job.progress.framesDecoded;
          await store.recordProgress(jobId, {
            ...counters,
            ...(total > 0 && { fraction: Math.min(1, decoded / total) }),
          });
          break;
        }
        case 'none':
          break;
      }
      await finishIfComplete(jobId);
      return 'ack';
    });
  };

  return {
    async submit(submission: JobSubmission): Promise<void> {
      const { job, gallery } = submission;
      await storeGalleryPhotos(store, job, gallery);
      slots.enqueue(job.id);
      startAdmitted();
    },

    async start(): Promise<void> {
      consumer = await bus.consume({
        ...PIPELINE_CONSUMERS.orchestrator,
        maxAckPending: 64,
        ackWaitMs: 30_000,
        maxDeliver: 10,
        errorNakDelayMs: 1000,
        pullExpiresMs: 5000,
        handler: onResult,
      });
      // Jobs that were running first, then the queued ones, each in the order they came.
      const rank = (job: JobRecord): number => (job.state === 'RUNNING' ? 0 : 1);
      const resumable = (await store.jobsToResume()).toSorted(
        (a, b) => rank(a) - rank(b) || a.createTime - b.createTime,
      );
      for (const job of resumable) slots.enqueue(job.id);
      startAdmitted();
      if (resumable.length > 0)
        logger.info(
          { jobs: resumable.map((j) => j.id), running: slots.running, waiting: slots.waiting },
          'resuming jobs',
        );
      watchdog = setInterval(failStalled, Math.min(5000, Math.max(100, stallTimeoutMs / 4)));
      watchdog.unref();
    },

    async stop(): Promise<void> {
      stopped = true;
      clearInterval(watchdog);
      for (const { timer } of retries.values()) clearTimeout(timer);
      retries.clear();
      await consumer?.stop();
      await queue.idle();
    },
  };
}
