// Runs jobs on the distributed pipeline. A submitted job's gallery photos are stored first (so a restart loses
// nothing), then the job is driven: enrol the gallery (Detect + Embed on the stage services), move to RUNNING,
// publish the DecodeJob once. The stages' results arrive on pmr.results.<job>; each is stored as a job part (the
// first write of a key wins, so a redelivered result changes nothing) and the message is acked only after that.
// When every piece is in, the job is decided exactly as the embedded runtime decides it (decideTrack, groupTracks),
// stored, and marked SUCCEEDED. A restarted orchestrator drives its QUEUED and RUNNING jobs again from their parts.
import { basename } from 'node:path';
import type { Logger } from '@pmr/common/logger';
import { PmrError } from '@pmr/common';
import { messageCodec, type ConsumerHandle, type DeliveredMessage, type HandlerOutcome, type JetStreamBus } from '@pmr/common/messaging';
import { pipelineMsgIds, pipelineSubjects, decodeJobMessage, PIPELINE_CONSUMERS } from '@pmr/common/pipeline';
import { capStatusMessage } from '@pmr/common/proto';
import { enrolGallerySource, galleryFromPhotos } from '@pmr/recognizer/enrol';
import type { DecodeJob } from '@pmr/common/proto/generated/pmr/v1/DecodeJob.ts';
import { SKIP_METHOD_TO_PROTO } from '@pmr/results';
import type { GroupingOptions } from '@pmr/results';
import { isFinalState, VersionConflictError, type JobRecord, type JobState, type JobStore, type JsonValue } from '@pmr/store';
import type { JobRunner, JobSubmission } from '../job-runner.ts';
import { collectJob, effectOf, type GalleryPart, type TrackedPart } from './job-parts.ts';
import { jobResult } from './job-result.ts';
import type { StageClients } from './stage-clients.ts';

const decodeJobCodec = messageCodec('pmr.v1.DecodeJob');
const resultCodec = messageCodec('pmr.v1.PipelineResult');

export interface PipelineRunnerOptions extends GroupingOptions {
  readonly bus: JetStreamBus;
  readonly store: JobStore;
  readonly stages: Pick<StageClients, 'detect' | 'embed' | 'embedMany'>;
  readonly logger: Logger;
  readonly matchThreshold: number;
  /** Called once per job that reaches SUCCEEDED or FAILED here (metrics). */
  readonly onJobEnded?: (state: 'SUCCEEDED' | 'FAILED') => void;
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
    ...(source.kind === 'uri' ? { path: source.uri } : { upload: { bucket: source.bucket, name: source.name, size: String(source.size), sha256: source.sha256 } }),
    ...(options.fps !== undefined && { fps: options.fps }),
    ...(options.skipMethod !== undefined && { skipMethod: SKIP_METHOD_TO_PROTO[options.skipMethod] }),
    ...(options.maxFrames !== undefined && { maxFrames: options.maxFrames }),
  };
}

export function createPipelineRunner(options: PipelineRunnerOptions): PipelineRunner {
  const { bus, store, logger } = options;
  const locks = new Map<string, Promise<void>>();
  let consumer: ConsumerHandle | undefined;
  let stopped = false;

  /** Runs `fn` after every earlier call for the same job: one job's steps never interleave. */
  const serial = <T>(jobId: string, fn: () => Promise<T>): Promise<T> => {
    const before = locks.get(jobId) ?? Promise.resolve();
    const run = before.then(fn);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    locks.set(jobId, tail);
    void tail.then(() => {
      if (locks.get(jobId) === tail) locks.delete(jobId);
    });
    return run;
  };

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
    await bus.deleteLarge(bucket, name).catch((err: unknown) => logger.warn({ err, jobId, bucket, name }, 'uploaded video not removed'));
  };

  const fail = async (jobId: string, code: string, message: string): Promise<void> => {
    if (await moveTo(jobId, 'FAILED', { code, message: capStatusMessage(message) })) {
      logger.warn({ jobId, code, message }, 'job failed');
      options.onJobEnded?.('FAILED');
      await dropUpload(jobId);
    }
  };

  /** Enrol the job's gallery photos (once) and keep the gallery as a part. */
  const enrol = async (jobId: string): Promise<void> => {
    if ((await store.getParts(jobId, 'gallery')).length > 0) return;
    const photos = (await store.getParts(jobId, 'photos'))[0]?.value as unknown as ReadonlyArray<{ person: string; name: string; base64: string }> | undefined;
    if (photos === undefined || photos.length === 0) return;
    const source = galleryFromPhotos(
      photos.map((p) => ({ person: p.person, name: p.name, data: Buffer.from(p.base64, 'base64') })),
      "the job's gallery",
    );
    const { gallery, report } = await enrolGallerySource(source, {
      detect: (image) => options.stages.detect(image),
      embed: (chip) => options.stages.embed(chip),
      embedMany: (chips) => options.stages.embedMany(chips),
    });
    const part: GalleryPart = {
      persons: gallery.persons.map((p) => ({ name: p.name, templates: p.templates.map((t) => Array.from(t)) })),
      summary: {
        persons: gallery.persons.length,
        accepted: report.accepted.length,
        rejected: report.rejected.map((r) => ({ file: r.file, reason: `${r.reason}: ${r.detail}` })),
      },
    };
    await store.putPart(jobId, 'gallery', part as unknown as JsonValue);
    logger.info({ jobId, persons: part.summary.persons, accepted: part.summary.accepted }, 'gallery enrolled');
  };

  /**
   * Which result parts each job has, and the tracker's track count once it is in, so that a result does not make the
   * runner read parts back: filled from the store the first time a job is seen (after a restart too), then kept up to
   * date as parts are stored (first write wins, as in the store).
   */
  const seen = new Map<string, { readonly keys: Set<string>; tracks: number | null }>();
  const RESULT_PREFIXES = ['decoded', 'tracked', 'track/', 'embeddings/', 'attributes/'];
  const partsOf = async (jobId: string): Promise<{ readonly keys: Set<string>; tracks: number | null }> => {
    let parts = seen.get(jobId);
    if (parts === undefined) {
      parts = { keys: new Set(), tracks: null };
      for (const prefix of RESULT_PREFIXES) {
        for (const p of await store.getParts(jobId, prefix)) {
          parts.keys.add(p.key);
          if (p.key === 'tracked') parts.tracks = (p.value as unknown as TrackedPart).tracks;
        }
      }
      seen.set(jobId, parts);
    }
    return parts;
  };
  /** True when the decoder's summary, the tracker's count and every track's three parts are in. */
  const complete = async (jobId: string): Promise<boolean> => {
    const { keys, tracks } = await partsOf(jobId);
    if (!keys.has('decoded') || tracks === null) return false;
    const ids = [...keys].filter((k) => k.startsWith('track/')).map((k) => k.slice('track/'.length));
    return ids.length >= tracks && ids.every((id) => keys.has(`embeddings/${id}`) && keys.has(`attributes/${id}`));
  };

  /** Everything in: decide every track, group strangers, store the result, SUCCEEDED. */
  const finishIfComplete = async (jobId: string): Promise<void> => {
    const job = await store.getJob(jobId);
    if (job === null || job.state !== 'RUNNING') return;
    if (!(await complete(jobId))) return;
    const parts = (await Promise.all(RESULT_PREFIXES.map((prefix) => store.getParts(jobId, prefix)))).flat();
    const collected = collectJob(parts);
    if (collected === null) return;
    const gallery = (await store.getParts(jobId, 'gallery'))[0]?.value as unknown as GalleryPart | undefined;
    const result = await jobResult(collected, gallery, options, Math.round((Date.now() - job.createTime) / 10) / 100);
    const { tracks, persons } = result;
    for (const track of tracks) await store.putTrack(jobId, track);
    await store.putResult(jobId, result);
    await store.recordProgress(jobId, { framesAnalysed: collected.video.analysedFrames, fraction: 1, tracksFinished: tracks.length }).catch(() => undefined);
    if (await moveTo(jobId, 'SUCCEEDED')) {
      logger.info({ jobId, tracks: tracks.length, persons: persons.length }, 'job succeeded');
      options.onJobEnded?.('SUCCEEDED');
      await dropUpload(jobId);
    }
    seen.delete(jobId);
  };

  /** Take a QUEUED or RUNNING job as far as it can go now. */
  const drive = (jobId: string): Promise<void> =>
    serial(jobId, async () => {
      const job = await store.getJob(jobId);
      if (job === null || isFinalState(job.state)) return;
      try {
        await enrol(jobId);
      } catch (err) {
        if (err instanceof PmrError && err.code === 'INVALID_ARGUMENT') return fail(jobId, err.code, err.message);
        throw err;
      }
      await moveTo(jobId, 'RUNNING');
      const requested = await store.getParts(jobId, 'decode-requested');
      if (requested.length === 0) {
        await bus.publish(pipelineSubjects.decode(), decodeJobCodec.encode(decodeJobOf(job)), { msgId: pipelineMsgIds.decode(jobId), attempts: 20 });
        await store.putPart(jobId, 'decode-requested', true);
        logger.info({ jobId }, 'decode requested');
      }
      await finishIfComplete(jobId);
    });

  const driveInBackground = (jobId: string): void => {
    void drive(jobId).catch(async (err: unknown) => {
      if (stopped) return;
      logger.error({ err, jobId }, 'job could not be driven; retrying in 2 s');
      await new Promise((r) => setTimeout(r, 2000));
      if (!stopped) driveInBackground(jobId);
    });
  };

  const onResult = async (message: DeliveredMessage): Promise<HandlerOutcome> => {
    const decoded = decodeJobMessage(resultCodec, message);
    if ('term' in decoded) return decoded;
    const { jobId, body: result } = decoded;
    return serial(jobId, async (): Promise<HandlerOutcome> => {
      const job = await store.getJob(jobId);
      if (job === null) return { term: `no job ${jobId}` };
      if (isFinalState(job.state)) return 'ack'; // a late or repeated result of a finished job
      let effect;
      try {
        effect = effectOf(result, message.msgId);
      } catch (err) {
        return { term: `unreadable result: ${err instanceof Error ? err.message : String(err)}` };
      }
      switch (effect.kind) {
        case 'part': {
          const stored = await store.putPart(jobId, effect.key, effect.value);
          const parts = await partsOf(jobId);
          parts.keys.add(effect.key);
          if (stored && effect.key === 'tracked') parts.tracks = (effect.value as unknown as TrackedPart).tracks;
          break;
        }
        case 'warning':
          if (await store.putPart(jobId, effect.key, true)) await store.addWarning(jobId, { code: effect.code, message: effect.message });
          break;
        case 'failure':
          await fail(jobId, effect.code, effect.message);
          seen.delete(jobId);
          return 'ack';
        case 'progress': {
          const { kind: _kind, ...counters } = effect;
          void _kind;
          const total = counters.framesTotal ?? job.progress.framesTotal;
          const decoded = counters.framesDecoded ?? job.progress.framesDecoded;
          await store.recordProgress(jobId, { ...counters, ...(total > 0 && { fraction: Math.min(1, decoded / total) }) });
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
      if (gallery.length > 0) {
        // Clients name a photo "<person>/<image>" (the folder layout) or just "<image>": the report names it <person>/<image>.
        const photos = gallery.map((p) => ({ person: p.person, name: basename(p.fileName), base64: Buffer.from(p.data).toString('base64') }));
        await store.putPart(job.id, 'photos', photos);
      }
      driveInBackground(job.id);
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
      const resumable = await store.jobsToResume();
      for (const job of resumable) driveInBackground(job.id);
      if (resumable.length > 0) logger.info({ jobs: resumable.map((j) => j.id) }, 'resuming jobs');
    },

    async stop(): Promise<void> {
      stopped = true;
      await consumer?.stop();
      await Promise.allSettled([...locks.values()]);
    },
  };
}
