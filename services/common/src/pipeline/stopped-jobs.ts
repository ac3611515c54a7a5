// Jobs whose work is withdrawn (cancelled, or failed for good): the orchestrator records each stop in a log stream
// (PMR_STOPPED_JOBS, kept 6 hours) and purges the job's queued messages; every service replays that log when it starts
// and follows it after, and its consumers ack a message of a stopped job without handling it (one already delivered,
// one published after the purge by a stage that had started on it, or a DecodeJob still queued). So a replica started
// after the stop — a decoder scaled up later, a restarted detector — skips the job's work as well as one that heard it.
import type { DeliveredMessage, HandlerOutcome } from '../messaging/types.ts';
import { messageCodec } from '../messaging/codec.ts';
import type { JetStreamBus } from '../messaging/jetstream.ts';
import { jobIdOfSubject, PIPELINE_STREAMS, pipelineSubjects, STOPPED_JOBS_LOG } from './pipeline.ts';

/** How long a stopped job is remembered (its messages are long gone by then), and at most how many. */
const REMEMBER_MS = STOPPED_JOBS_LOG.maxAgeMs;
const MAX_REMEMBERED = STOPPED_JOBS_LOG.maxMessages;
const SUBJECT = STOPPED_JOBS_LOG.subjects[0];

export interface StoppedJobs {
  has(jobId: string): boolean;
  /** Call `listener` with each job stopped from now on; returns the function that stops calling it. */
  onStop(listener: (jobId: string) => void): () => void;
  close(): void;
}

/**
 * Every stop the log keeps, then each new one as it is recorded; resolves once the kept ones are known. Remembered for
 * REMEMBER_MS, at most MAX_REMEMBERED.
 */
export async function followStoppedJobs(bus: Pick<JetStreamBus, 'replay'>): Promise<StoppedJobs> {
  const codec = messageCodec('pmr.v1.JobChanged');
  const stopped = new Map<string, number>();
  const listeners = new Set<(jobId: string) => void>();
  const unsubscribe = await bus.replay(STOPPED_JOBS_LOG.stream, (data) => {
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

/** Record that the job's work is withdrawn, for every service running now or started later. */
export async function announceJobStopped(bus: Pick<JetStreamBus, 'publish'>, jobId: string): Promise<void> {
  await bus.publish(SUBJECT, messageCodec('pmr.v1.JobChanged').encode({ jobId }), { msgId: `${jobId}.stopped` });
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
 * Withdraw a job's work from the pipeline: record it stopped (a decoder decoding it stops, consumers skip what was
 * delivered already) and purge its queued frames, faces, tracks and results. A queued DecodeJob is skipped when a
 * decoder takes it, whenever that decoder started.
 */
export async function withdrawJobWork(bus: Pick<JetStreamBus, 'publish' | 'purge'>, jobId: string): Promise<void> {
  await announceJobStopped(bus, jobId);
  const subjects = [
    [PIPELINE_STREAMS.frames.stream, pipelineSubjects.frames(jobId)],
    [PIPELINE_STREAMS.faces.stream, pipelineSubjects.faces(jobId)],
    [PIPELINE_STREAMS.tracks.stream, pipelineSubjects.embed(jobId)],
    [PIPELINE_STREAMS.tracks.stream, pipelineSubjects.describe(jobId)],
    [PIPELINE_STREAMS.results.stream, pipelineSubjects.results(jobId)],
  ] as const;
  for (const [stream, subject] of subjects) await bus.purge(stream, subject);
}
