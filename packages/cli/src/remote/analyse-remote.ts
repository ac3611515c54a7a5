// `pmr analyze --remote`: the same analysis done by an orchestrator over its public gRPC API (through @pmr/client).
// Uploads the video, sends the gallery photos inline (or names a collection), starts the job, watches it to its end and reads every page of its result,
// which comes back as the same JSON the embedded runtime prints.
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { status } from '@grpc/grpc-js';
import {
  abortError,
  connectPmr,
  DEFAULT_CONNECT_TIMEOUT_MS,
  followJob,
  isServiceError,
  readResultPages,
  unary,
  uploadFile,
  type JobProgress,
  type PmrClient,
} from '@pmr/client';
import { invalidArgument, PmrError, type ErrorCode } from '@pmr/common';
import type { Job__Output } from '@pmr/common/proto/generated/pmr/v1/Job.ts';
import type { StartVideoJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/StartVideoJobResponse.ts';
import { galleryFolder } from '@pmr/recognizer/enrol';
import type { AnalysisResult } from '@pmr/results';
import { resultFromProto, SKIP_METHOD_TO_PROTO } from '@pmr/results';

export type RemoteProgress = JobProgress;

export interface RemoteAnalysisOptions {
  /** The orchestrator's gRPC address, `host:port`. */
  readonly address: string;
  /** Path of the local video file to upload. */
  readonly video: string;
  /** A local `<person>/<image>` folder, as for the embedded `--gallery`. */
  readonly galleryDir?: string;
  /** A face collection of the cluster whose persons to recognise (instead of galleryDir). */
  readonly collectionId?: string;
  readonly fps?: number;
  readonly skip?: 'none' | 'histogram' | 'ssim';
  readonly onProgress?: (p: RemoteProgress) => void;
  readonly signal?: AbortSignal;
  /** Deadline for reaching the orchestrator (default DEFAULT_CONNECT_TIMEOUT_MS). */
  readonly connectTimeoutMs?: number;
  /** How long to keep watching a job while its orchestrator is away (default DEFAULT_RECONNECT_WINDOW_MS). */
  readonly reconnectWindowMs?: number;
}

const ERROR_CODE_OF: Partial<Record<status, ErrorCode>> = {
  [status.INVALID_ARGUMENT]: 'INVALID_ARGUMENT',
  [status.NOT_FOUND]: 'NOT_FOUND',
  [status.ALREADY_EXISTS]: 'ALREADY_EXISTS',
  [status.PERMISSION_DENIED]: 'PERMISSION_DENIED',
  [status.RESOURCE_EXHAUSTED]: 'RESOURCE_EXHAUSTED',
  [status.FAILED_PRECONDITION]: 'FAILED_PRECONDITION',
  [status.UNAVAILABLE]: 'UNAVAILABLE',
  [status.DEADLINE_EXCEEDED]: 'UNAVAILABLE',
};
const ERROR_CODES: readonly string[] = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'UNAVAILABLE',
  'INTERNAL',
];

/** A failed call as a PmrError naming the orchestrator. */
function remoteError(err: unknown, address: string): unknown {
  if (!isServiceError(err)) return err;
  const code = ERROR_CODE_OF[err.code];
  if (code === 'UNAVAILABLE')
    return new PmrError(code, `orchestrator at ${address} is unavailable: ${err.details}`, { cause: err });
  if (code !== undefined) return new PmrError(code, `orchestrator at ${address}: ${err.details}`, { cause: err });
  return new PmrError('INTERNAL', `orchestrator at ${address} answered ${status[err.code]}: ${err.details}`, {
    cause: err,
  });
}

async function videoSize(path: string): Promise<number> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw invalidArgument(
      code === 'ENOENT' ? `video ${path}: no such file` : `video ${path}: cannot be read (${code ?? String(err)})`,
      err,
    );
  }
  if (!info.isFile()) throw invalidArgument(`video ${path}: not a file`);
  if (info.size === 0) throw invalidArgument(`video ${path}: the file is empty`);
  return info.size;
}

/** A gallery photo read from a folder, as StartVideoJob carries it inline. */
export interface GalleryPhotoFile {
  readonly person: string;
  readonly fileName: string;
  readonly data: Uint8Array;
}

/**
 * The files of a `<dir>/<person>/<image>` gallery exactly as enrolment lists them (galleryFolder: names sorted,
 * `_`/`.` folders, hidden and loose files skipped), named `<person>/<file>`. Files that are not images are sent too,
 * so the orchestrator rejects them in its report as the embedded run does. @throws PmrError INVALID_ARGUMENT for a
 * missing folder or one without any image.
 */
export async function readGalleryPhotos(dir: string): Promise<GalleryPhotoFile[]> {
  const source = await galleryFolder(dir);
  if (!source.persons.some((p) => p.photos.some((photo) => photo.read !== null))) {
    throw invalidArgument(`gallery folder ${dir} is empty: it has no <person>/<image> files`);
  }
  const photos: GalleryPhotoFile[] = [];
  for (const person of source.persons) {
    for (const photo of person.photos) {
      if (photo.path === undefined) continue;
      photos.push({ person: person.name, fileName: `${person.name}/${photo.name}`, data: await readFile(photo.path) });
    }
  }
  return photos;
}

/** Cancels `call` when `signal` aborts; returns the function that stops listening. */
/** Throws the PmrError a job that did not succeed stands for. */
function assertSucceeded(job: Job__Output): void {
  if (job.state === 'JOB_STATE_SUCCEEDED') return;
  if (job.state === 'JOB_STATE_CANCELLED')
    throw new PmrError('FAILED_PRECONDITION', `job ${job.id} was cancelled on the orchestrator`);
  const code = job.error !== null && ERROR_CODES.includes(job.error.code) ? (job.error.code as ErrorCode) : 'INTERNAL';
  throw new PmrError(code, `job ${job.id} failed: ${job.error?.message ?? 'no reason given'}`);
}

/**
 * Analyse a local video on the orchestrator at `options.address` and return the `pmr analyze` JSON; its
 * video.path is the local path, as the embedded runtime reports it. Bad local input is an INVALID_ARGUMENT
 * before any call; an orchestrator that cannot be reached is UNAVAILABLE naming the address; a failed job
 * throws a PmrError with the job's error code and message. An aborted `signal` rejects with its reason.
 */
export async function analyseRemote(options: RemoteAnalysisOptions): Promise<AnalysisResult> {
  const { address, signal } = options;
  const size = await videoSize(options.video);
  const gallery = options.galleryDir === undefined ? [] : await readGalleryPhotos(options.galleryDir);
  let client: PmrClient | undefined;
  try {
    client = await connectPmr(address, {
      timeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      ...(signal !== undefined && { signal }),
    });
    const { orchestrator } = client;
    const upload = await uploadFile(orchestrator, options.video, size, signal);
    const request = {
      clientToken: randomUUID(),
      video: { upload },
      gallery: gallery.map((p) => ({ person: p.person, fileName: p.fileName, data: Buffer.from(p.data) })),
      collectionId: options.collectionId ?? '',
      options: {
        ...(options.fps !== undefined && { fps: options.fps }),
        ...(options.skip !== undefined && { skipMethod: SKIP_METHOD_TO_PROTO[options.skip] }),
      },
    };
    const started = await unary<StartVideoJobResponse__Output>(signal, (done) =>
      orchestrator.StartVideoJob(request, done),
    );
    const jobId = started.job?.id ?? '';
    if (jobId === '') throw new PmrError('INTERNAL', 'StartVideoJob answered without a job id');
    assertSucceeded(await followJob(orchestrator, jobId, options));
    const result = resultFromProto(await readResultPages(orchestrator, jobId, signal));
    return { ...result, video: { ...result.video, path: options.video } };
  } catch (err) {
    if (signal?.aborted === true) throw abortError(signal);
    throw remoteError(err, address);
  } finally {
    client?.close();
  }
}
