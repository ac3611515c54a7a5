// The distributed pipeline's topology: which JetStream streams exist, the subjects each stage publishes on, the
// durable consumer each stage pulls with, and the message ids that make every publish idempotent. One place, so
// the six services agree. Work-queue streams: a message is removed once its consumer acks it.
//
//   pmr.decode                 DecodeJob       orchestrator -> decoder
//   pmr.frames.<job>           Frame           decoder -> detectors
//   pmr.faces.<job>            FrameFaces      detectors (and the decoder's end mark) -> tracker
//   pmr.tracks.embed.<job>     FinishedTrack   tracker -> recognizers
//   pmr.tracks.describe.<job>  FinishedTrack   tracker -> attributes
//   pmr.results.<job>          PipelineResult  every stage -> orchestrator
import { invalidArgument } from '../errors.ts';
import type { MessageCodec } from '../messaging/codec.ts';
import type { JetStreamBus } from '../messaging/jetstream.ts';
import type { DeliveredMessage, WorkQueueSpec } from '../messaging/types.ts';

/** A repeated message id inside this window is dropped by the stream (a publisher retrying, a stage redoing work). */
export const PIPELINE_DUPLICATE_WINDOW_MS = 10 * 60_000;

/**
 * The log of withdrawn jobs (stopped-jobs.ts): the orchestrator records each stop, every service replays the log at
 * start and follows it; a stop is kept 6 hours (a job's messages are long gone by then), at most 10,000 of them.
 */
export const STOPPED_JOBS_LOG = {
  stream: 'PMR_STOPPED_JOBS',
  subjects: ['pmr.jobs.stopped'],
  maxAgeMs: 6 * 3600_000,
  maxMessages: 10_000,
  duplicateWindowMs: PIPELINE_DUPLICATE_WINDOW_MS,
} as const;

export const PIPELINE_STREAMS = {
  jobs: { stream: 'PMR_JOBS', subjects: ['pmr.decode'] },
  frames: { stream: 'PMR_FRAMES', subjects: ['pmr.frames.>'] },
  faces: { stream: 'PMR_FACES', subjects: ['pmr.faces.>'] },
  tracks: { stream: 'PMR_TRACKS', subjects: ['pmr.tracks.>'] },
  results: { stream: 'PMR_RESULTS', subjects: ['pmr.results.>'] },
} as const;

/** The durable consumer of each stage (replicas of a stage share it, and so share the work). */
export const PIPELINE_CONSUMERS = {
  decoder: { stream: PIPELINE_STREAMS.jobs.stream, durable: 'decoder', filterSubject: 'pmr.decode' },
  detector: { stream: PIPELINE_STREAMS.frames.stream, durable: 'detector', filterSubject: 'pmr.frames.>' },
  tracker: { stream: PIPELINE_STREAMS.faces.stream, durable: 'tracker', filterSubject: 'pmr.faces.>' },
  recognizer: { stream: PIPELINE_STREAMS.tracks.stream, durable: 'recognizer', filterSubject: 'pmr.tracks.embed.>' },
  attributes: { stream: PIPELINE_STREAMS.tracks.stream, durable: 'attributes', filterSubject: 'pmr.tracks.describe.>' },
  orchestrator: { stream: PIPELINE_STREAMS.results.stream, durable: 'orchestrator', filterSubject: 'pmr.results.>' },
} as const;

/**
 * Object-store buckets: frames too large for a message, files uploaded to the orchestrator, and the tracker's
 * checkpoints (one object per open job, named by its id).
 */
export const PIPELINE_BUCKETS = {
  frames: 'pmr-frames',
  uploads: 'pmr-uploads',
  trackerState: 'pmr-tracker-state',
} as const;

/** Job ids become subject tokens: letters, digits, '-' and '_' only. */
export function assertJobIdToken(jobId: string): void {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(jobId))
    throw invalidArgument(`job id ${JSON.stringify(jobId)} cannot be a subject token`);
}

export const pipelineSubjects = {
  decode: (): string => 'pmr.decode',
  frames: (jobId: string): string => `pmr.frames.${jobId}`,
  faces: (jobId: string): string => `pmr.faces.${jobId}`,
  embed: (jobId: string): string => `pmr.tracks.embed.${jobId}`,
  describe: (jobId: string): string => `pmr.tracks.describe.${jobId}`,
  results: (jobId: string): string => `pmr.results.${jobId}`,
  /** Plain NATS (no stream): CollectionEvents from the orchestrators to every recognizer. */
  collections: (): string => 'pmr.collections',
};

/** Message ids: the same piece of work always gets the same id, so a redone publish is dropped as a duplicate. */
export const pipelineMsgIds = {
  decode: (jobId: string): string => `${jobId}.decode`,
  frame: (jobId: string, index: number): string => `${jobId}.frame.${index}`,
  faces: (jobId: string, index: number): string => `${jobId}.faces.${index}`,
  embed: (jobId: string, trackId: number): string => `${jobId}.embed.${trackId}`,
  describe: (jobId: string, trackId: number): string => `${jobId}.describe.${trackId}`,
  /** `what` names the result: decoded, track.<id>, tracked, embeddings.<id>, attributes.<id>, warning.<…>, … */
  result: (jobId: string, what: string): string => `${jobId}.result.${what}`,
};

/** The subject's job id (its last token), or undefined. */
export function jobIdOfSubject(subject: string): string | undefined {
  const token = subject.split('.').at(-1);
  return token === undefined || token.length === 0 ? undefined : token;
}

/**
 * A job's pipeline message (on pmr.<…>.<job>) decoded, with the job id its subject and body agree on; or, for bytes that
 * are not such a message or a body naming another job, the reason to terminate it (no redelivery would read better).
 */
export function decodeJobMessage<T extends { readonly jobId: string }>(
  codec: MessageCodec<unknown, T>,
  message: Pick<DeliveredMessage, 'subject' | 'data'>,
): { readonly jobId: string; readonly body: T } | { readonly term: string } {
  const jobId = jobIdOfSubject(message.subject);
  let body: T;
  try {
    body = codec.decode(message.data);
  } catch (err) {
    return {
      term: `not a ${codec.typeName.replace(/^pmr\.v1\./, '')} message: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  if (jobId === undefined || body.jobId !== jobId)
    return { term: `job id ${body.jobId} does not match subject ${message.subject}` };
  return { jobId, body };
}

/**
 * The orchestrator removes a job's upload once the job ends; the age limit is the backstop for jobs never started.
 * Every service creates the bucket with it (ensurePipeline); only the orchestrator sets its quota (setUploadsQuota).
 */
const UPLOADS_MAX_AGE_MS = 7 * 24 * 3600_000;

/**
 * The tracker deletes a job's checkpoint when the job ends or is dropped, and rewrites it every few frames while the
 * job runs; the age limit removes the checkpoint of a job no tracker came back to.
 */
const TRACKER_STATE_MAX_AGE_MS = 24 * 3600_000;

/** Create (or update) every pipeline stream and bucket; each service calls it at start, so start order does not matter. */
export async function ensurePipeline(bus: JetStreamBus): Promise<void> {
  for (const { stream, subjects } of Object.values(PIPELINE_STREAMS)) {
    const spec: WorkQueueSpec = { stream, subjects: [...subjects], duplicateWindowMs: PIPELINE_DUPLICATE_WINDOW_MS };
    await bus.ensureWorkQueue(spec);
  }
  await bus.ensureLog(STOPPED_JOBS_LOG);
  await bus.ensureObjectBucket(PIPELINE_BUCKETS.frames, { maxAgeMs: 24 * 3600_000 });
  await bus.ensureObjectBucket(PIPELINE_BUCKETS.uploads, { maxAgeMs: UPLOADS_MAX_AGE_MS });
  await bus.ensureObjectBucket(PIPELINE_BUCKETS.trackerState, { maxAgeMs: TRACKER_STATE_MAX_AGE_MS });
}

/** The uploads bucket's quota in bytes (0: none but the broker's own storage limit), set on an existing bucket too. */
export async function setUploadsQuota(bus: JetStreamBus, maxBytes: number): Promise<void> {
  await bus.ensureObjectBucket(PIPELINE_BUCKETS.uploads, { maxAgeMs: UPLOADS_MAX_AGE_MS, maxBytes });
}
