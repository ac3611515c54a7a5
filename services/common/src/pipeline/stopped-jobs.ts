// Jobs whose work is withdrawn (cancelled, or failed for good): the orchestrator announces each on plain NATS
// (pmr.jobs.stopped) and purges its queued messages; every service follows the announcements, and its consumers ack a
// message of a stopped job without handling it (one already delivered, or published after the purge by a stage that
// had started on it). A service started later does not hear of earlier stops: their messages were purged, and what
// little a running stage publishes afterwards is handled for nothing and ignored by the orchestrator.
import type { DeliveredMessage, HandlerOutcome } from '../messaging/types.ts';
import { messageCodec } from '../messaging/codec.ts';
import type { JetStreamBus } from '../messaging/jetstream.ts';
import { jobIdOfSubject, PIPELINE_STREAMS, pipelineSubjects } from './pipeline.ts';

const SUBJECT = 'pmr.jobs.stopped';
/** How long a stopped job is remembered; its messages are long gone by then. */
const REMEMBER_MS = 6 * 3600_000;
/** At most this many stopped jobs are remembered (the oldest go first). */
const MAX_REMEMBERED = 10_000;

export interface StoppedJobs {
  has(jobId: string): boolean;
  /** Call `listener` with each job stopped from now on; returns the function that stops calling it. */
  onStop(listener: (jobId: string) => void): () => void;
  close(): void;
}

/** The stops announced from now on, remembered for REMEMBER_MS. */
export function followStoppedJobs(bus: Pick<JetStreamBus, 'subscribe'>): StoppedJobs {
  const codec = messageCodec('pmr.v1.JobChanged');
  const stopped = new Map<string, number>();
  const listeners = new Set<(jobId: string) => void>();
  const unsubscribe = bus.subscribe(SUBJECT, (data) => {
    let jobId: string;
    try {
      jobId = codec.decode(data).jobId;
    } catch {
      return;
    }
    const now = Date.now();
    stopped.delete(jobId);
    stopped.set(jobId, now);
    for (const [id, at] of stopped) {
      if (stopped.size <= MAX_REMEMBERED && now - at < REMEMBER_MS) break;
      stopped.delete(id);
    }
    for (const listener of listeners) listener(jobId);
  });
  return {
    has: (jobId) => stopped.has(jobId),
    onStop(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: unsubscribe,
  };
}

/** Tell every service that the job's work is withdrawn. */
export function announceJobStopped(bus: Pick<JetStreamBus, 'broadcast'>, jobId: string): void {
  bus.broadcast(SUBJECT, messageCodec('pmr.v1.JobChanged').encode({ jobId }));
}

/** `handler`, acking without handling every message whose subject names a stopped job. */
export function skippingStoppedJobs(
  stopped: Pick<StoppedJobs, 'has'>,
  handler: (message: DeliveredMessage) => Promise<HandlerOutcome>,
): (message: DeliveredMessage) => Promise<HandlerOutcome> {
  return (message) => {
    const jobId = jobIdOfSubject(message.subject);
    return jobId !== undefined && stopped.has(jobId) ? Promise.resolve('ack') : handler(message);
  };
}

/**
 * Withdraw a job's work from the pipeline: announce it stopped (a decoder decoding it stops, consumers skip what was
 * delivered already) and purge its queued frames, faces, tracks and results. A queued DecodeJob is skipped when a
 * decoder takes it.
 */
export async function withdrawJobWork(bus: Pick<JetStreamBus, 'broadcast' | 'purge'>, jobId: string): Promise<void> {
  announceJobStopped(bus, jobId);
  const subjects = [
    [PIPELINE_STREAMS.frames.stream, pipelineSubjects.frames(jobId)],
    [PIPELINE_STREAMS.faces.stream, pipelineSubjects.faces(jobId)],
    [PIPELINE_STREAMS.tracks.stream, pipelineSubjects.embed(jobId)],
    [PIPELINE_STREAMS.tracks.stream, pipelineSubjects.describe(jobId)],
    [PIPELINE_STREAMS.results.stream, pipelineSubjects.results(jobId)],
  ] as const;
  for (const [stream, subject] of subjects) await bus.purge(stream, subject);
}
