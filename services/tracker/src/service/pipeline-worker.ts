// The tracker's JetStream side: consumes pmr.faces.<job> (one FrameFaces per analysed frame, from any detector, in
// any order, plus the decoder's end mark), tracks each job's faces strictly in frame order (job-session.ts), and
// publishes each finished track: the track (with its selected faces' chips) to the recognizers and the attributes
// service, and its summary (span, box timeline, best chip) to the orchestrator.
//
// Order: a message that arrives early is held, unacked, until the frames before it are tracked (the consumer's
// heartbeat keeps it from being redelivered meanwhile). Idempotency: everything a frame produces is computed once, then
// published with message ids until the broker takes it (a broker restart only delays it).
//
// Restarts: a tracked frame is not acked at once. Every `checkpointEvery` tracked frames of a job, or once a tracked
// frame has waited `checkpointWaitMs`, the job's whole tracking state is stored in the pmr-tracker-state object store
// (one object per job, replaced each time), and only then are the frames it covers acked. A tracker that starts on a
// job it holds no state for (this one restarted after a crash, or another replica) first loads the job's checkpoint,
// acks the redelivered frames it covers and tracks on from there: what it publishes again carries the same message
// ids, so the job's results are those of a run without the crash. At the end mark the frames are acked and the
// checkpoint deleted. A job whose messages stop coming (its decoder failed, it was cancelled) is dropped after
// `sessionIdleMs`, its held messages terminated and its checkpoint deleted, so a failed job never holds the tracker's
// memory.
import { setTimeout as sleep } from 'node:timers/promises';
import { PmrError } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import {
  messageCodec,
  type ConsumerHandle,
  type DeliveredMessage,
  type HandlerOutcome,
  type JetStreamBus,
} from '@pmr/common/messaging';
import { decodeJobMessage, PIPELINE_BUCKETS, PIPELINE_CONSUMERS, type StoppedJobs } from '@pmr/common/pipeline';
import type { FrameFaces__Output } from '@pmr/common/proto/generated/pmr/v1/FrameFaces.ts';
import type { TrackerOptions } from '../options.ts';
import { failurePublication, JobSession, type Publication } from './job-session.ts';

const frameFacesCodec = messageCodec('pmr.v1.FrameFaces');
const BUCKET = PIPELINE_BUCKETS.trackerState;

export interface TrackerWorkerOptions {
  readonly bus: JetStreamBus;
  readonly logger: Logger;
  /** Seconds between box-timeline samples (the embedded runtime's default is 0.5). */
  readonly timelineInterval: number;
  readonly tracker?: TrackerOptions;
  /**
   * Most faces messages held at once over all jobs: early arrivals waiting for their turn, tracked frames waiting for
   * a checkpoint (default 512).
   */
  readonly maxHeld?: number;
  /** A job that received no faces message and tracked no frame for this long is dropped (default 15 minutes). */
  readonly sessionIdleMs?: number;
  /** How long the broker waits for an ack (or a heartbeat) before it redelivers a message (default 30 s). */
  readonly ackWaitMs?: number;
  /** A job's state is checkpointed every this many tracked frames (default 25)… */
  readonly checkpointEvery?: number;
  /** …or once a tracked frame has waited this long for a checkpoint (default 1 s). */
  readonly checkpointWaitMs?: number;
  readonly onFrame?: (faces: number) => void;
  readonly onTrack?: () => void;
  /** Told the number of jobs held open whenever it changes (a gauge). */
  readonly onOpenJobs?: (open: number) => void;
  /** Jobs whose work is withdrawn (cancelled, failed): dropped at once, their checkpoint deleted. */
  readonly stopped?: Pick<StoppedJobs, 'onStop'>;
}

/** How long a job may go without a message before the tracker drops it. */
export const DEFAULT_SESSION_IDLE_MS = 15 * 60_000;
/**
 * Tracked frames per checkpoint. The frames a checkpoint will cover stay unacked in PMR_FACES, where the decoder counts
 * them against its backlog bound (48), so this must stay well below it.
 */
export const DEFAULT_CHECKPOINT_EVERY = 25;
export const DEFAULT_CHECKPOINT_WAIT_MS = 1000;

type Settle = (outcome: HandlerOutcome) => void;

interface Waiting {
  readonly frame: FrameFaces__Output;
  readonly settle: Settle[];
}

/** A job open in this process: its tracking state and the messages it holds. */
interface OpenJob {
  readonly id: string;
  session: JobSession;
  /** Resolves once the job's checkpoint, if any, has been loaded into `session` (never rejects). */
  loaded: Promise<void>;
  /** Set when the job cannot be tracked (its checkpoint is unusable): each of its messages is terminated with it. */
  failed: string | undefined;
  /** Messages that arrived before their turn, by frame index. */
  readonly waiting: Map<number, Waiting>;
  /** Messages of tracked frames, settled with their outcome once a stored checkpoint covers them. */
  unsettled: Array<{ readonly settle: Settle; readonly outcome: HandlerOutcome }>;
  /** The first frame the stored checkpoint does not cover (0: none stored). */
  stored: number;
  /** Tracking, checkpoints and the end of the job, one after another. */
  chain: Promise<void>;
  /** When a message for the job last arrived or a frame of it was tracked (performance.now()). */
  lastActive: number;
  /** The checkpoint due when a tracked frame has waited checkpointWaitMs. */
  timer: NodeJS.Timeout | undefined;
  closed: boolean;
}

const isNotFound = (err: unknown): boolean => err instanceof PmrError && err.code === 'NOT_FOUND';

export async function startTrackerWorker(options: TrackerWorkerOptions): Promise<ConsumerHandle> {
  const { bus, logger } = options;
  const jobs = new Map<string, OpenJob>();
  const idleMs = options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  const every = options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY;
  const waitMs = options.checkpointWaitMs ?? DEFAULT_CHECKPOINT_WAIT_MS;
  let stopping = false;

  /** Retry until the broker takes it (a broker restart only delays it); throws only once the worker is stopping. */
  const persist = async <T>(what: string, jobId: string, attempt: () => Promise<T>): Promise<T> => {
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (err) {
        if (stopping) throw err;
        logger.warn({ err, jobId, attempt: n }, `${what} failed; retrying`);
        await sleep(Math.min(5000, 250 * n));
      }
    }
  };
  const publish = (jobId: string, p: Publication): Promise<unknown> =>
    persist(`publish on ${p.subject}`, jobId, () => bus.publish(p.subject, p.data, { msgId: p.msgId }));
  const deleteCheckpoint = (jobId: string): Promise<void> =>
    persist('checkpoint delete', jobId, () => bus.deleteLarge(BUCKET, jobId)).catch(() => undefined);

  /** A tracked frame's message: settled at the next checkpoint, at once if the job is no longer open here. */
  const hold = (job: OpenJob, settle: Settle, outcome: HandlerOutcome): void => {
    if (stopping) settle({ nak: 0 });
    else if (job.closed) settle(outcome);
    else {
      job.unsettled.push({ settle, outcome });
      job.timer ??= setTimeout(() => {
        job.timer = undefined;
        if (!job.closed) job.chain = job.chain.then(() => checkpoint(job)).catch(stopped(job));
      }, waitMs);
    }
  };
  /** Settle every message the job holds with `outcome`. */
  const release = (job: OpenJob, outcome: HandlerOutcome): void => {
    for (const w of job.waiting.values()) for (const settle of w.settle) settle(outcome);
    job.waiting.clear();
    for (const u of job.unsettled.splice(0)) u.settle(outcome);
  };
  const close = (job: OpenJob): void => {
    job.closed = true;
    clearTimeout(job.timer);
    if (jobs.get(job.id) === job) jobs.delete(job.id);
    options.onOpenJobs?.(jobs.size);
  };
  const stopped =
    (job: OpenJob) =>
    (err: unknown): void => {
      if (!stopping) logger.error({ err, jobId: job.id }, 'tracking failed');
    };

  /** Store the job's state, then settle the messages of the frames it covers. */
  const checkpoint = async (job: OpenJob): Promise<void> => {
    clearTimeout(job.timer);
    job.timer = undefined;
    if (job.closed || job.unsettled.length === 0) return;
    const next = job.session.next;
    const bytes = job.session.checkpoint();
    await persist('checkpoint', job.id, () => bus.putLarge(BUCKET, job.id, bytes));
    job.stored = next;
    for (const u of job.unsettled.splice(0)) u.settle(u.outcome);
  };

  /** Load the job's checkpoint, if it has one; an unusable one fails the job. */
  const load = async (job: OpenJob): Promise<void> => {
    let bytes: Uint8Array | null;
    try {
      bytes = await persist('checkpoint load', job.id, () =>
        bus.getLarge({ bucket: BUCKET, name: job.id }).catch((err: unknown) => {
          if (isNotFound(err)) return null;
          throw err;
        }),
      );
    } catch {
      return; // stopping: the handler gives the message back
    }
    if (bytes === null) return;
    try {
      job.session = JobSession.fromCheckpoint(bytes);
      job.stored = job.session.next;
      logger.info({ jobId: job.id, next: job.stored }, 'job resumed from its checkpoint');
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      job.failed = `the tracker's checkpoint of job ${job.id} is unusable (${why}); the frames before it are gone`;
      logger.error({ err, jobId: job.id }, 'checkpoint unusable: the job fails');
      await publish(job.id, failurePublication(job.id, job.failed)).catch(() => undefined);
    }
  };

  const open = (jobId: string): OpenJob => {
    const job: OpenJob = {
      id: jobId,
      session: JobSession.start(options.tracker ?? {}, options.timelineInterval),
      loaded: Promise.resolve(),
      failed: undefined,
      waiting: new Map(),
      unsettled: [],
      stored: 0,
      chain: Promise.resolve(),
      lastActive: performance.now(),
      timer: undefined,
      closed: false,
    };
    job.loaded = load(job);
    jobs.set(jobId, job);
    options.onOpenJobs?.(jobs.size);
    return job;
  };

  /** Drops the jobs nothing happened to for idleMs, terminating the messages they held (they can never be tracked). */
  const dropIdle = (): void => {
    const now = performance.now();
    for (const job of jobs.values()) {
      if (now - job.lastActive < idleMs) continue;
      const next = job.session.next;
      release(job, {
        term: `job ${job.id} abandoned: no faces message for ${Math.round(idleMs / 1000)} s (waiting for frame ${next})`,
      });
      close(job);
      void deleteCheckpoint(job.id);
      logger.warn({ jobId: job.id, next, tracks: job.session.tracks }, 'job dropped: no message for too long');
    }
  };
  const sweeper = setInterval(dropIdle, Math.max(10, Math.min(60_000, idleMs / 2)));
  sweeper.unref();
  const stopListening = options.stopped?.onStop((jobId) => {
    const job = jobs.get(jobId);
    if (job !== undefined) {
      release(job, 'ack');
      close(job);
      logger.info({ jobId, next: job.session.next }, 'job dropped: it was stopped');
    }
    void deleteCheckpoint(jobId);
  });

  /** Track the job's frames that are next in turn; checkpoint when due; finish at the end mark. */
  const trackReady = async (job: OpenJob): Promise<void> => {
    for (let w = job.waiting.get(job.session.next); w !== undefined; w = job.waiting.get(job.session.next)) {
      if (stopping || job.closed) return;
      job.waiting.delete(job.session.next);
      let outcome: HandlerOutcome = 'ack';
      let publications: Publication[] = [];
      const tracksBefore = job.session.tracks;
      try {
        publications = job.session.track(job.id, w.frame);
      } catch (err) {
        // A malformed face inside an otherwise valid message: the frame counts as empty, the job goes on.
        logger.warn({ err, jobId: job.id, frame: w.frame.frameIndex }, 'frame not tracked');
        outcome = { term: `frame ${w.frame.frameIndex}: ${err instanceof Error ? err.message : String(err)}` };
      }
      job.session.next++;
      job.lastActive = performance.now();
      for (const settle of w.settle) hold(job, settle, outcome);
      for (const p of publications) await publish(job.id, p);
      options.onFrame?.(w.frame.faces.length);
      for (let t = tracksBefore; t < job.session.tracks; t++) options.onTrack?.();
      if (stopping) return; // its messages went back unacked: the checkpoint must stay for whoever tracks them
      if (w.frame.end) {
        close(job);
        for (const u of job.unsettled.splice(0)) u.settle(u.outcome);
        logger.info({ jobId: job.id, tracks: job.session.tracks, frames: w.frame.frameIndex }, 'job tracked');
        await deleteCheckpoint(job.id);
        return;
      }
      if (job.session.next - job.stored >= every) await checkpoint(job);
    }
  };

  const handler = async (message: DeliveredMessage): Promise<HandlerOutcome> => {
    const decoded = decodeJobMessage(frameFacesCodec, message);
    if ('term' in decoded) return decoded;
    const { jobId, body: frame } = decoded;
    const job = jobs.get(jobId) ?? open(jobId);
    job.lastActive = performance.now();
    await job.loaded;
    if (stopping) return { nak: 0 };
    if (job.closed) return handler(message); // it ended or was dropped meanwhile: a late message opens it anew
    if (job.failed !== undefined) return { term: job.failed };
    if (frame.frameIndex < job.stored) return 'ack'; // a stored checkpoint covers it: a redelivery
    return new Promise<HandlerOutcome>((resolve) => {
      if (frame.frameIndex < job.session.next) return hold(job, resolve, 'ack'); // tracked, not yet checkpointed
      const held = job.waiting.get(frame.frameIndex);
      if (held !== undefined) held.settle.push(resolve);
      else job.waiting.set(frame.frameIndex, { frame, settle: [resolve] });
      job.chain = job.chain.then(() => trackReady(job)).catch(stopped(job));
    });
  };

  const handle = await bus.consume({
    ...PIPELINE_CONSUMERS.tracker,
    maxAckPending: options.maxHeld ?? 512,
    ackWaitMs: options.ackWaitMs ?? 30_000,
    maxDeliver: 10,
    pullExpiresMs: 5000,
    handler,
  });
  return {
    inFlight: () => handle.inFlight(),
    async stop() {
      stopping = true;
      clearInterval(sweeper);
      stopListening?.();
      // Held messages are given back (nak) so another tracker, or this one restarted, gets them: it resumes from the
      // stored checkpoint, which covers none of them.
      for (const job of jobs.values()) {
        clearTimeout(job.timer);
        release(job, { nak: 0 });
      }
      await handle.stop();
    },
  };
}
