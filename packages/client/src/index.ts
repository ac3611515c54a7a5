// The typed TypeScript client of PMR's public gRPC API, on the types generated from proto/ (@pmr/common/proto): the
// three services' clients on one address, and the steps every program driving a video job takes — reach the
// orchestrator, stream a file in, follow a job to its end (watching again across an orchestrator restart), read every
// page of its result. `pmr analyze --remote` is built on it.
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { PmrError } from '@pmr/common';
import { loadPmrProto, messageSizeOptions } from '@pmr/common/proto';
import type { CollectionServiceClient } from '@pmr/common/proto/generated/pmr/v1/CollectionService.ts';
import type { GetJobResultResponse__Output } from '@pmr/common/proto/generated/pmr/v1/GetJobResultResponse.ts';
import type { ImageServiceClient } from '@pmr/common/proto/generated/pmr/v1/ImageService.ts';
import type { Job__Output } from '@pmr/common/proto/generated/pmr/v1/Job.ts';
import type { ObjectRef__Output } from '@pmr/common/proto/generated/pmr/v1/ObjectRef.ts';
import type { OrchestratorServiceClient } from '@pmr/common/proto/generated/pmr/v1/OrchestratorService.ts';

/** Bytes per UploadMedia message. */
export const UPLOAD_CHUNK_BYTES = 256 * 1024;
/** Deadline for reaching the orchestrator unless told otherwise. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** How long followJob keeps re-watching a job whose orchestrator went away (it resumes its jobs when restarted). */
export const DEFAULT_RECONNECT_WINDOW_MS = 120_000;
const RESULT_PAGE_SIZE = 1000;
const FINAL_STATES: readonly string[] = ['JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED'];

/** The public services of one orchestrator. */
export interface PmrClient {
  readonly address: string;
  readonly orchestrator: OrchestratorServiceClient;
  readonly collections: CollectionServiceClient;
  readonly images: ImageServiceClient;
  close(): void;
}

export interface JobProgress {
  readonly framesAnalysed: number;
  readonly framesTotal: number;
  readonly fraction: number;
}

export interface FollowOptions {
  readonly onProgress?: (p: JobProgress) => void;
  readonly signal?: AbortSignal;
  /** How long to keep watching a job while its orchestrator is away (default DEFAULT_RECONNECT_WINDOW_MS). */
  readonly reconnectWindowMs?: number;
}

export function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number' && 'details' in err;
}

export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Clients of the orchestrator at `address` (`host:port`), once it answers. @throws PmrError INVALID_ARGUMENT for an
 * address grpc-js cannot parse, UNAVAILABLE when nothing answers within `timeoutMs`; an aborted `signal` rejects.
 */
export async function connectPmr(
  address: string,
  options: { readonly timeoutMs?: number; readonly signal?: AbortSignal } = {},
): Promise<PmrClient> {
  const pmr = loadPmrProto().pmr.v1;
  const channel = messageSizeOptions();
  let orchestrator: OrchestratorServiceClient;
  try {
    orchestrator = new pmr.OrchestratorService(address, credentials.createInsecure(), channel);
  } catch (err) {
    throw new PmrError(
      'INVALID_ARGUMENT',
      `orchestrator address ${address}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  const collections = new pmr.CollectionService(address, credentials.createInsecure(), channel);
  const images = new pmr.ImageService(address, credentials.createInsecure(), channel);
  const client: PmrClient = {
    address,
    orchestrator,
    collections,
    images,
    close() {
      orchestrator.close();
      collections.close();
      images.close();
    },
  };
  try {
    options.signal?.throwIfAborted();
    await connect(orchestrator, address, options.timeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, options.signal);
    return client;
  } catch (err) {
    client.close();
    throw err;
  }
}

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

/** Stream the file at `path` (`size` bytes) in with UploadMedia; answers where it was stored. */
export async function uploadFile(
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

/** A unary call as a promise; an aborted `signal` cancels it. */
export function unary<T>(
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
  options: FollowOptions,
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

/** True for a watch that broke because the orchestrator went away, not because of the request. */
function orchestratorWentAway(err: unknown): boolean {
  if (err instanceof PmrError) return err.code === 'UNAVAILABLE';
  return isServiceError(err) && err.code === status.UNAVAILABLE;
}

/** watchUntilFinal, watching again after the orchestrator went away (restarted, or a dropped connection). */
export async function followJob(
  client: OrchestratorServiceClient,
  jobId: string,
  options: FollowOptions = {},
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

/** Every page of a finished job's result, in order. */
export async function readResultPages(
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
