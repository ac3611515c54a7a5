// `pmr analyze --remote`: the same analysis done by an orchestrator over its public gRPC API. Uploads the video,
// sends the gallery photos inline, starts the job, watches it to its end and reads every page of its result,
// which comes back as the same JSON the embedded runtime prints.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { invalidArgument, PmrError, type ErrorCode } from '@pmr/common';
import { loadPmrProto, messageSizeOptions } from '@pmr/common/proto';
import type { GetJobResultResponse__Output } from '@pmr/common/proto/generated/pmr/v1/GetJobResultResponse.ts';
import type { Job__Output } from '@pmr/common/proto/generated/pmr/v1/Job.ts';
import type { ObjectRef__Output } from '@pmr/common/proto/generated/pmr/v1/ObjectRef.ts';
import type { OrchestratorServiceClient } from '@pmr/common/proto/generated/pmr/v1/OrchestratorService.ts';
import type { StartVideoJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/StartVideoJobResponse.ts';
import { galleryFolder } from '@pmr/recognizer/enrol';
import type { AnalysisResult } from '@pmr/results';
import { resultFromProto, SKIP_METHOD_TO_PROTO } from '@pmr/results';

/** Bytes per UploadMedia message. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;
/** How long the first contact with the orchestrator may take by default. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const RESULT_PAGE_SIZE = 1000;

export interface RemoteProgress {
  readonly framesAnalysed: number;
  readonly framesTotal: number;
  readonly fraction: number;
}

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
const FINAL_STATES: readonly string[] = ['JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED'];

function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number' && 'details' in err;
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

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
function cancelOnAbort(signal: AbortSignal | undefined, call: { cancel(): void }): () => void {
  if (signal === undefined) return () => undefined;
  const onAbort = (): void => call.cancel();
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

function connect(
  client: OrchestratorServiceClient,
  address: string,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    client.waitForReady(Date.now() + timeoutMs, (err) => {
      signal?.removeEventListener('abort', onAbort);
      if (err === undefined || err === null) resolve();
      else
        reject(
          new PmrError(
            'UNAVAILABLE',
            `cannot reach the orchestrator at ${address} within ${timeoutMs / 1000} s: is it running there? (${err.message})`,
            { cause: err },
          ),
        );
    });
  });
}

async function uploadVideo(
  client: OrchestratorServiceClient,
  path: string,
  size: number,
  signal?: AbortSignal,
): Promise<ObjectRef__Output> {
  const answer = Promise.withResolvers<ObjectRef__Output>();
  const upload = client.UploadMedia((err, response) => {
    const object = response?.object ?? null;
    if (err !== null) answer.reject(err);
    else if (object === null)
      answer.reject(new PmrError('INTERNAL', 'UploadMedia answered without an object reference'));
    else answer.resolve(object);
  });
  const stop = cancelOnAbort(signal, upload);
  let answered = false;
  const settled = answer.promise.then(
    () => (answered = true),
    () => (answered = true),
  );
  try {
    let first = true;
    for await (const chunk of createReadStream(path, { highWaterMark: UPLOAD_CHUNK_BYTES })) {
      if (answered) break; // the orchestrator refused the upload: its answer says why
      const data = chunk as Buffer;
      if (!upload.write(first ? { fileName: basename(path), size: String(size), chunk: data } : { chunk: data })) {
        await Promise.race([once(upload, 'drain'), settled]);
      }
      first = false;
    }
    upload.end();
  } catch (err) {
    upload.cancel();
    throw err;
  } finally {
    stop();
  }
  return answer.promise;
}

function unary<T>(
  signal: AbortSignal | undefined,
  start: (done: (err: ServiceError | null, value?: T) => void) => { cancel(): void },
): Promise<T> {
  return new Promise((resolve, reject) => {
    let stop = (): void => undefined;
    const call = start((err, value) => {
      stop();
      if (err !== null) reject(err);
      else if (value === undefined) reject(new PmrError('INTERNAL', 'the orchestrator answered without a message'));
      else resolve(value);
    });
    stop = cancelOnAbort(signal, call);
  });
}

/** Follows the job until the message that shows it final, reporting progress; resolves with that job. */
function watchUntilFinal(
  client: OrchestratorServiceClient,
  jobId: string,
  options: RemoteAnalysisOptions,
): Promise<Job__Output> {
  return new Promise((resolve, reject) => {
    const stream = client.WatchJob({ jobId });
    const stop = cancelOnAbort(options.signal, stream);
    let last: Job__Output | null = null;
    stream.on('data', (message: { job: Job__Output | null }) => {
      if (message.job === null) return;
      last = message.job;
      const p = last.progress;
      if (p !== null)
        options.onProgress?.({ framesAnalysed: p.framesAnalysed, framesTotal: p.framesTotal, fraction: p.fraction });
    });
    stream.on('error', (err: Error) => {
      stop();
      reject(err);
    });
    stream.on('end', () => {
      stop();
      if (last !== null && FINAL_STATES.includes(last.state)) resolve(last);
      else reject(new PmrError('UNAVAILABLE', `the orchestrator stopped reporting job ${jobId} before it finished`));
    });
  });
}

/** How long the client keeps re-watching a job whose orchestrator went away (it resumes its jobs when restarted). */
export const DEFAULT_RECONNECT_WINDOW_MS = 120_000;

/** True for a watch that broke because the orchestrator went away, not because of the request. */
function orchestratorWentAway(err: unknown): boolean {
  if (err instanceof PmrError) return err.code === 'UNAVAILABLE';
  return isServiceError(err) && err.code === status.UNAVAILABLE;
}

/** watchUntilFinal, watching again after the orchestrator went away (restarted, or a dropped connection). */
async function followJob(
  client: OrchestratorServiceClient,
  jobId: string,
  options: RemoteAnalysisOptions,
): Promise<Job__Output> {
  const deadline = Date.now() + (options.reconnectWindowMs ?? DEFAULT_RECONNECT_WINDOW_MS);
  for (;;) {
    try {
      return await watchUntilFinal(client, jobId, options);
    } catch (err) {
      if (!orchestratorWentAway(err) || Date.now() > deadline || options.signal?.aborted === true) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

/** Throws the PmrError a job that did not succeed stands for. */
function assertSucceeded(job: Job__Output): void {
  if (job.state === 'JOB_STATE_SUCCEEDED') return;
  if (job.state === 'JOB_STATE_CANCELLED')
    throw new PmrError('FAILED_PRECONDITION', `job ${job.id} was cancelled on the orchestrator`);
  const code = job.error !== null && ERROR_CODES.includes(job.error.code) ? (job.error.code as ErrorCode) : 'INTERNAL';
  throw new PmrError(code, `job ${job.id} failed: ${job.error?.message ?? 'no reason given'}`);
}

async function readResult(
  client: OrchestratorServiceClient,
  jobId: string,
  signal?: AbortSignal,
): Promise<GetJobResultResponse__Output[]> {
  const pages: GetJobResultResponse__Output[] = [];
  let pageToken = '';
  do {
    const page = await unary<GetJobResultResponse__Output>(signal, (done) =>
      client.GetJobResult({ jobId, pageSize: RESULT_PAGE_SIZE, pageToken }, done),
    );
    pages.push(page);
    pageToken = page.nextPageToken;
  } while (pageToken !== '');
  return pages;
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
  const OrchestratorService = loadPmrProto().pmr.v1.OrchestratorService;
  let client: OrchestratorServiceClient;
  try {
    client = new OrchestratorService(address, credentials.createInsecure(), messageSizeOptions());
  } catch (err) {
    throw invalidArgument(`orchestrator address ${address}: ${err instanceof Error ? err.message : String(err)}`, err);
  }
  try {
    signal?.throwIfAborted();
    await connect(client, address, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, signal);
    const upload = await uploadVideo(client, options.video, size, signal);
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
    const started = await unary<StartVideoJobResponse__Output>(signal, (done) => client.StartVideoJob(request, done));
    const jobId = started.job?.id ?? '';
    if (jobId === '') throw new PmrError('INTERNAL', 'StartVideoJob answered without a job id');
    assertSucceeded(await followJob(client, jobId, options));
    const result = resultFromProto(await readResult(client, jobId, signal));
    return { ...result, video: { ...result.video, path: options.video } };
  } catch (err) {
    if (signal?.aborted === true) throw abortError(signal);
    throw remoteError(err, address);
  } finally {
    client.close();
  }
}
