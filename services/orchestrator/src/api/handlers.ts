// pmr.v1.OrchestratorService over gRPC: uploads into the UploadSink, jobs into the JobStore and on to the
// JobRunner, progress and finished tracks by polling the store, results page by page. StartVideoJob checks its whole
// request before it creates anything (source, token, options, gallery), with the statuses the proto promises.
// Domain errors (PmrError, the store's included) keep their status and message, a source the media roots refuse is
// PERMISSION_DENIED; anything else is logged and answered INTERNAL. Messages quote the caller's values through
// quote(), never whole.
import { createHash } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { invalidArgument, notFound, PmrError, quote } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import { checkSourcePath } from '@pmr/decoder/source-policy';
import type { GalleryPhoto__Output } from '@pmr/common/proto/generated/pmr/v1/GalleryPhoto.ts';
import type { GetJobResultRequest__Output } from '@pmr/common/proto/generated/pmr/v1/GetJobResultRequest.ts';
import type { GetJobResultResponse } from '@pmr/common/proto/generated/pmr/v1/GetJobResultResponse.ts';
import type { OrchestratorServiceHandlers } from '@pmr/common/proto/generated/pmr/v1/OrchestratorService.ts';
import type { StartVideoJobRequest__Output } from '@pmr/common/proto/generated/pmr/v1/StartVideoJobRequest.ts';
import type { StartVideoJobResponse } from '@pmr/common/proto/generated/pmr/v1/StartVideoJobResponse.ts';
import type { VideoJobOptions__Output } from '@pmr/common/proto/generated/pmr/v1/VideoJobOptions.ts';
import type { VideoSource__Output } from '@pmr/common/proto/generated/pmr/v1/VideoSource.ts';
import type { WatchJobRequest__Output } from '@pmr/common/proto/generated/pmr/v1/WatchJobRequest.ts';
import type { WatchJobResponse } from '@pmr/common/proto/generated/pmr/v1/WatchJobResponse.ts';
import type { GalleryPhotoInput, JobRunner, UploadSink } from '../job-runner.ts';
import {
  isFinalState,
  JOB_STATES,
  type JobOptions,
  type JobRecord,
  type JobSource,
  type JobState,
  type JobStore,
} from '@pmr/store';
import { type CollectionStore } from '@pmr/collections';
import { collectionGalleryRef } from '../pipeline/gallery-ref.ts';
import { resultToProto, trackToProto } from '@pmr/results';
import { jobStateFromProto, jobToProto, SKIP_METHODS } from './job-proto.ts';
import type { JobState__Output } from '@pmr/common/proto/generated/pmr/v1/JobState.ts';
import { answerer } from './answer.ts';
import { jobChanges, type JobChanges } from '../job-changes.ts';
import { orderedTrackPage } from './track-order.ts';
import { receiveUpload } from './upload-media.ts';
import { readUploadedFile, uploadedObject } from './upload-refs.ts';

/** How long a WatchJob call waits for an announcement of its job before it reads the job anyway. */
export const DEFAULT_WATCH_FALLBACK_MS = 2000;

export interface OrchestratorHandlerDeps {
  readonly store: JobStore;
  /** The face collections StartVideoJob.collection_id names; undefined: such a job is FAILED_PRECONDITION. */
  readonly collections?: CollectionStore;
  readonly runner: JobRunner;
  readonly uploads: UploadSink;
  readonly logger: Logger;
  /** Largest file UploadMedia accepts, in bytes. */
  readonly maxUploadBytes: number;
  /**
   * The decoders' media roots: a video path outside them is refused PERMISSION_DENIED in the call. Undefined: paths
   * are checked for their form only (absolute, no URL, no `..`), and the decoder alone checks the roots.
   */
  readonly mediaRoots?: readonly string[];
  /** Announcements of job changes, which wake WatchJob calls (default: this process's only). */
  readonly changes?: JobChanges;
  /** How long WatchJob waits for an announcement before it reads the job anyway (default DEFAULT_WATCH_FALLBACK_MS). */
  readonly watchFallbackMs?: number;
}

/** Longest client_token (pmr.v1.StartVideoJobRequest: 1 to 64 characters). */
const MAX_CLIENT_TOKEN_CHARS = 64;
/** Lowest analysis rate, as the decoder accepts it (services/decoder/src/decode-options.ts). */
const MIN_FPS = 0.001;

/** @throws PmrError INVALID_ARGUMENT, PERMISSION_DENIED */
function sourceOf(
  video: VideoSource__Output | null,
  roots: readonly string[] | undefined,
  uploadsBucket: string,
): JobSource {
  if (video?.source === 'uri' && video.uri !== undefined && video.uri !== '') {
    checkSourcePath(video.uri, roots, 'video.uri');
    return { kind: 'uri', uri: video.uri };
  }
  const ref = video?.upload;
  if (video?.source === 'upload' && ref !== null && ref !== undefined) {
    const { bucket, name } = uploadedObject(ref, 'video.upload', uploadsBucket);
    return { kind: 'upload', bucket, name, size: Number(ref.size), sha256: ref.sha256 };
  }
  throw invalidArgument('video is required: set video.uri or video.upload (an ObjectRef from UploadMedia)');
}

/** The options as the decoder will take them. @throws PmrError INVALID_ARGUMENT */
function optionsOf(options: VideoJobOptions__Output | null): JobOptions {
  if (options === null) return {};
  if (!(String(options.skipMethod) in SKIP_METHODS))
    throw invalidArgument(`options.skip_method ${quote(String(options.skipMethod))} is not a known SkipMethod`);
  const { fps, maxFrames } = options;
  if (fps !== undefined && !(Number.isFinite(fps) && fps >= MIN_FPS)) {
    throw invalidArgument(
      `options.fps must be a number from ${MIN_FPS} (frames per second), got ${fps}; leave it unset to analyse every frame`,
    );
  }
  if (maxFrames !== undefined && maxFrames < 1)
    throw invalidArgument(`options.max_frames must be at least 1, got ${maxFrames}; leave it unset for no limit`);
  const skipMethod = SKIP_METHODS[options.skipMethod];
  return {
    ...(fps !== undefined && { fps }),
    ...(skipMethod !== undefined && { skipMethod }),
    ...(maxFrames !== undefined && { maxFrames }),
  };
}

/** @throws PmrError INVALID_ARGUMENT unless 1 to 64 characters */
function checkClientToken(token: string): void {
  if (token === '')
    throw invalidArgument(
      `client_token is required: 1 to ${MAX_CLIENT_TOKEN_CHARS} characters of your choice (e.g. a UUID), the same when you retry the call`,
    );
  if (token.length > MAX_CLIENT_TOKEN_CHARS)
    throw invalidArgument(`client_token must have 1 to ${MAX_CLIENT_TOKEN_CHARS} characters, got ${token.length}`);
}

async function galleryOf(photos: readonly GalleryPhoto__Output[], uploads: UploadSink): Promise<GalleryPhotoInput[]> {
  const out: GalleryPhotoInput[] = [];
  for (const [i, photo] of photos.entries()) {
    const field = `gallery[${i}]`;
    if (photo.person === '') throw invalidArgument(`${field}.person is required: the name results will report`);
    if (photo.fileName === '')
      throw invalidArgument(`${field}.file_name is required: it names the photo in rejection reasons`);
    let data: Uint8Array;
    if (photo.content === 'data' && photo.data !== undefined && photo.data.length > 0) data = photo.data;
    else if (photo.content === 'upload' && photo.upload !== null && photo.upload !== undefined)
      data = await readUploadedFile(uploads, photo.upload, `${field}.upload`, 'a gallery photo');
    else
      throw invalidArgument(
        `${field} (${quote(photo.fileName)}) has no content: set data (the photo's bytes) or upload`,
      );
    out.push({ person: photo.person, fileName: photo.fileName, data });
  }
  return out;
}

/** sha256 (hex) over every photo's person, file name and bytes, in order, each length-prefixed. */
export function galleryDigest(gallery: readonly GalleryPhotoInput[]): string {
  const hash = createHash('sha256');
  const field = (bytes: Uint8Array): void => {
    const length = Buffer.alloc(8);
    length.writeBigUInt64BE(BigInt(bytes.length));
    hash.update(length).update(bytes);
  };
  for (const photo of gallery) {
    field(Buffer.from(photo.person));
    field(Buffer.from(photo.fileName));
    field(photo.data);
  }
  return hash.digest('hex');
}

async function requireJob(store: JobStore, jobId: string): Promise<JobRecord> {
  if (jobId === '') throw invalidArgument('job_id is required');
  const job = await store.getJob(jobId);
  if (job === null) throw notFound(`no job with id ${quote(jobId)}`);
  return job;
}

/**
 * What the job's record names as its gallery: the photos' digest, or the collection (which must exist); nothing for
 * neither. @throws PmrError INVALID_ARGUMENT for both, NOT_FOUND for an unknown collection
 */
async function galleryReference(
  deps: OrchestratorHandlerDeps,
  collectionId: string,
  gallery: readonly GalleryPhotoInput[],
): Promise<string | undefined> {
  if (collectionId === '') return gallery.length > 0 ? galleryDigest(gallery) : undefined;
  if (gallery.length > 0)
    throw invalidArgument('collection_id and gallery cannot be given together: recognise a collection or photos');
  if (deps.collections === undefined)
    throw new PmrError('FAILED_PRECONDITION', 'this orchestrator keeps no collections');
  if ((await deps.collections.getCollection(collectionId)) === null)
    throw notFound(`no collection ${quote(collectionId)}`);
  return collectionGalleryRef(collectionId);
}

async function startVideoJob(
  deps: OrchestratorHandlerDeps,
  request: StartVideoJobRequest__Output,
  log: Logger,
): Promise<StartVideoJobResponse> {
  const source = sourceOf(request.video, deps.mediaRoots, deps.uploads.bucket);
  checkClientToken(request.clientToken);
  const options = optionsOf(request.options);
  const gallery = await galleryOf(request.gallery, deps.uploads);
  const reference = await galleryReference(deps, request.collectionId, gallery);
  const { job, created } = await deps.store.createJob({
    idempotencyToken: request.clientToken,
    source,
    options,
    tags: request.tags,
    ...(reference !== undefined && { galleryDigest: reference }),
  });
  log.info(
    { jobId: job.id, created, photos: gallery.length },
    created ? 'job created' : 'job already exists for this client token',
  );
  if (created) {
    try {
      await deps.runner.submit({ job, gallery });
    } catch (err) {
      // A job the runner never took would sit QUEUED, and a retry with the same token would return it: fail it.
      const error =
        err instanceof PmrError
          ? { code: err.code, message: err.message }
          : { code: 'INTERNAL', message: 'the job could not be submitted; see the orchestrator log' };
      await deps.store
        .updateState(job.id, { to: 'FAILED', expectedVersion: job.version, error })
        .catch((e: unknown) => log.error({ err: e, jobId: job.id }, 'could not mark an unsubmitted job FAILED'));
      throw err;
    }
  }
  return { job: jobToProto(job), created };
}

/** A ListJobs state filter entry. @throws PmrError INVALID_ARGUMENT for JOB_STATE_UNSPECIFIED or an unknown value */
function stateOf(state: JobState__Output): JobState {
  const known = jobStateFromProto(state);
  if (known === null || !JOB_STATES.includes(known))
    throw invalidArgument(`states: ${quote(String(state))} is not a job state to list`);
  return known;
}

/** Every track of the job not in `sent`, by ascending id; adds them to `sent`. */
async function newTracks(
  store: JobStore,
  jobId: string,
  sent: Set<number>,
): Promise<WatchJobResponse['finishedTracks']> {
  const out: NonNullable<WatchJobResponse['finishedTracks']> = [];
  let pageToken = '';
  do {
    const page = await store.listTracks(jobId, { pageSize: 1000, pageToken });
    for (const track of page.items) {
      if (sent.has(track.id)) continue;
      sent.add(track.id);
      out.push(trackToProto(track));
    }
    pageToken = page.nextPageToken;
  } while (pageToken !== '');
  return out;
}

/** Resolves when the call can take more, or will take nothing more. */
function writable(call: ServerWritableStream<WatchJobRequest__Output, WatchJobResponse>): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done).off('cancelled', done).off('close', done);
      resolve();
    };
    call.on('drain', done).on('cancelled', done).on('close', done);
  });
}

/** Streams the job whenever its version changes, until it is final or `signal` aborts (the client cancelled). */
async function watchJob(
  deps: OrchestratorHandlerDeps,
  changes: JobChanges,
  call: ServerWritableStream<WatchJobRequest__Output, WatchJobResponse>,
  signal: AbortSignal,
): Promise<void> {
  const jobId = call.request.jobId;
  let job = await requireJob(deps.store, jobId);
  const sent = new Set<number>();
  let sentVersion = -1;
  for (;;) {
    if (job.version !== sentVersion) {
      const finishedTracks = await newTracks(deps.store, jobId, sent);
      if (signal.aborted) return;
      sentVersion = job.version;
      if (!call.write({ job: jobToProto(job), finishedTracks })) await writable(call);
      if (isFinalState(job.state)) return;
    }
    await changes.next(jobId, signal, deps.watchFallbackMs ?? DEFAULT_WATCH_FALLBACK_MS);
    if (signal.aborted) return;
    job = await requireJob(deps.store, jobId);
  }
}

async function jobResult(store: JobStore, request: GetJobResultRequest__Output): Promise<GetJobResultResponse> {
  const job = await requireJob(store, request.jobId);
  if (job.state !== 'SUCCEEDED') return { job: jobToProto(job) };
  const result = await store.getResult(job.id);
  if (result === null) throw new PmrError('INTERNAL', `job ${job.id} succeeded but has no stored result`);
  const { pageSize, pageToken, order } = request;
  const page =
    order === 'TRACK_ORDER_UNSPECIFIED'
      ? await store.listTracks(job.id, { pageSize, pageToken })
      : orderedTrackPage(result.tracks, order, { pageSize, pageToken });
  const fields = resultToProto(result);
  return {
    job: jobToProto(job),
    ...fields,
    persons: request.pageToken === '' ? fields.persons : [],
    tracks: page.items.map(trackToProto),
    nextPageToken: page.nextPageToken,
  };
}

export function createOrchestratorHandlers(deps: OrchestratorHandlerDeps): OrchestratorServiceHandlers {
  const log = deps.logger.child({ component: 'OrchestratorService' });
  const { statusOf, answer } = answerer(log);
  const changes = deps.changes ?? jobChanges();
  return {
    UploadMedia(call, callback) {
      call.on('error', () => undefined); // a broken call ends receiveUpload's reading; nothing to answer then
      receiveUpload(call, deps.uploads, deps.maxUploadBytes).then(
        (object) => {
          log.info({ bucket: object.bucket, name: object.name, size: object.size }, 'upload stored');
          callback(null, { object });
        },
        (err: unknown) => {
          if (call.cancelled) log.info({ method: 'UploadMedia' }, 'upload cancelled by the client; nothing kept');
          else callback(statusOf('UploadMedia', err));
        },
      );
    },
    GetJob(call, callback) {
      answer('GetJob', callback, async () => ({ job: jobToProto(await requireJob(deps.store, call.request.jobId)) }));
    },
    ListJobs(call, callback) {
      answer('ListJobs', callback, async () => {
        const { states, tags, pageSize, pageToken } = call.request;
        const page = await deps.store.listJobs({ states: states.map(stateOf), tags, pageSize, pageToken });
        return { jobs: page.items.map(jobToProto), nextPageToken: page.nextPageToken };
      });
    },
    CancelJob(call, callback) {
      answer('CancelJob', callback, async () => {
        const job = await requireJob(deps.store, call.request.jobId);
        if (!isFinalState(job.state)) {
          await deps.runner.cancel(job.id);
          log.info({ jobId: job.id }, 'job cancelled by a client');
        }
        return { job: jobToProto(await requireJob(deps.store, job.id)) };
      });
    },
    StartVideoJob(call, callback) {
      answer('StartVideoJob', callback, () => startVideoJob(deps, call.request, log));
    },
    WatchJob(call) {
      const controller = new AbortController();
      const onCancel = (): void => controller.abort();
      call.on('cancelled', onCancel);
      watchJob(deps, changes, call, controller.signal).then(
        () => {
          call.off('cancelled', onCancel);
          if (!controller.signal.aborted) call.end();
        },
        (err: unknown) => {
          call.off('cancelled', onCancel);
          if (!controller.signal.aborted) call.emit('error', statusOf('WatchJob', err));
        },
      );
    },
    GetJobResult(call, callback) {
      answer('GetJobResult', callback, () => jobResult(deps.store, call.request));
    },
  };
}
