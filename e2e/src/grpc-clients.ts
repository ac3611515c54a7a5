// gRPC clients for end-to-end tests against a running deployment: the six services' typed clients (from the PMR
// contracts), calls as promises that settle with the response or the status the call ended with, and raw calls
// that send bytes which are not protobuf at all (no typed client can send those).
import {
  Client,
  credentials,
  status,
  type CallOptions,
  type ChannelOptions,
  type ClientReadableStream,
  type ClientWritableStream,
  type requestCallback,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadPmrProto } from '@pmr/common/proto';
import type { AttributesServiceClient } from '@pmr/common/proto/generated/pmr/v1/AttributesService.ts';
import type { DecoderServiceClient } from '@pmr/common/proto/generated/pmr/v1/DecoderService.ts';
import type { DetectorServiceClient } from '@pmr/common/proto/generated/pmr/v1/DetectorService.ts';
import type { CollectionServiceClient } from '@pmr/common/proto/generated/pmr/v1/CollectionService.ts';
import type { ImageServiceClient } from '@pmr/common/proto/generated/pmr/v1/ImageService.ts';
import type { OrchestratorServiceClient } from '@pmr/common/proto/generated/pmr/v1/OrchestratorService.ts';
import type { RecognizerServiceClient } from '@pmr/common/proto/generated/pmr/v1/RecognizerService.ts';
import type { TrackerServiceClient } from '@pmr/common/proto/generated/pmr/v1/TrackerService.ts';
import type { Deployment, ServiceName } from './deployment.ts';

/** How a call ended: OK with no details when it succeeded. */
export interface CallStatus {
  readonly code: status;
  readonly details: string;
}

/** Deadline of every call made through these helpers unless told otherwise. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;

/** The name of a status code (`INVALID_ARGUMENT`), for assertion messages. */
export function statusName(code: number): string {
  return status[code] ?? String(code);
}

function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number';
}

const callOptions = (timeoutMs: number): CallOptions => ({ deadline: Date.now() + timeoutMs });

/**
 * A unary call as a promise: `start` makes it with the given options and callback, e.g.
 * `unary<R>((o, cb) => client.Detect(request, o, cb))`. Rejects with the ServiceError.
 */
export function unary<R>(
  start: (options: CallOptions, callback: requestCallback<R>) => unknown,
  timeoutMs = DEFAULT_CALL_TIMEOUT_MS,
): Promise<R> {
  return new Promise((resolve, reject) => {
    start(callOptions(timeoutMs), (err, response) => (err !== null ? reject(err) : resolve(response!)));
  });
}

/** The status a call ended with: OK when it succeeded, the ServiceError's code and details otherwise. */
export async function statusOf(call: Promise<unknown>): Promise<CallStatus> {
  try {
    await call;
    return { code: status.OK, details: '' };
  } catch (err) {
    if (!isServiceError(err)) throw err;
    return { code: err.code, details: err.details };
  }
}

/** A client-streaming call: `start` opens it; every message is written, then the stream is half-closed. */
export function clientStream<Req, R>(
  start: (options: CallOptions, callback: requestCallback<R>) => ClientWritableStream<Req>,
  messages: readonly Req[],
  timeoutMs = DEFAULT_CALL_TIMEOUT_MS,
): Promise<R> {
  return new Promise((resolve, reject) => {
    const call = start(callOptions(timeoutMs), (err, response) => (err !== null ? reject(err) : resolve(response!)));
    for (const message of messages) call.write(message);
    call.end();
  });
}

/** Every message a server stream sent, and the status it ended with. */
export function readStream<T>(
  call: ClientReadableStream<T>,
): Promise<{ readonly messages: T[]; readonly status: CallStatus }> {
  return new Promise((resolve) => {
    const messages: T[] = [];
    call.on('data', (message: T) => messages.push(message));
    call.on('error', () => undefined); // the status event carries the outcome
    call.on('status', (s: { code: status; details: string }) =>
      resolve({ messages, status: { code: s.code, details: s.details } }),
    );
  });
}

const identity = (bytes: Buffer): Buffer => bytes;

/** Send `bytes` as the request of the unary method `path` (`/pmr.v1.DetectorService/Detect`), unencoded. */
export function rawUnary(
  address: string,
  path: string,
  bytes: Buffer,
  timeoutMs = DEFAULT_CALL_TIMEOUT_MS,
): Promise<CallStatus> {
  const client = new Client(address, credentials.createInsecure());
  return statusOf(
    new Promise<Buffer>((resolve, reject) => {
      client.makeUnaryRequest(path, identity, identity, bytes, callOptions(timeoutMs), (err, response) =>
        err !== null ? reject(err) : resolve(response!),
      );
    }),
  ).finally(() => client.close());
}

/** Send each of `messages` on the bidi-streaming method `path`, unencoded, then half-close; the stream's status. */
export function rawBidi(
  address: string,
  path: string,
  messages: readonly Buffer[],
  timeoutMs = DEFAULT_CALL_TIMEOUT_MS,
): Promise<CallStatus> {
  const client = new Client(address, credentials.createInsecure());
  const call = client.makeBidiStreamRequest(path, identity, identity, callOptions(timeoutMs));
  const done = readStream(call).then((r) => r.status);
  for (const message of messages) call.write(message);
  call.end();
  return done.finally(() => client.close());
}

/** A typed client of each PMR service. */
export interface PmrClients {
  readonly decoder: DecoderServiceClient;
  readonly detector: DetectorServiceClient;
  readonly tracker: TrackerServiceClient;
  readonly recognizer: RecognizerServiceClient;
  readonly attributes: AttributesServiceClient;
  readonly orchestrator: OrchestratorServiceClient;
  /** ImageService, served by the orchestrator. */
  readonly images: ImageServiceClient;
  /** CollectionService, served by the orchestrator. */
  readonly collections: CollectionServiceClient;
  close(): void;
}

/** Channel options that give a client connections of its own, so that a call which breaks one hurts no other client. */
export const OWN_CONNECTIONS: ChannelOptions = { 'grpc.use_local_subchannel_pool': 1 };

/**
 * Clients of the six services at `addresses`. The send limit is grpc-js's default (none), so a test can send a
 * message over a server's limit and see the server refuse it.
 */
export function pmrClients(addresses: Readonly<Record<ServiceName, string>>, options: ChannelOptions = {}): PmrClients {
  const pmr = loadPmrProto().pmr.v1;
  const insecure = credentials.createInsecure();
  const clients = {
    decoder: new pmr.DecoderService(addresses.decoder, insecure, options),
    detector: new pmr.DetectorService(addresses.detector, insecure, options),
    tracker: new pmr.TrackerService(addresses.tracker, insecure, options),
    recognizer: new pmr.RecognizerService(addresses.recognizer, insecure, options),
    attributes: new pmr.AttributesService(addresses.attributes, insecure, options),
    orchestrator: new pmr.OrchestratorService(addresses.orchestrator, insecure, options),
    images: new pmr.ImageService(addresses.orchestrator, insecure, options),
    collections: new pmr.CollectionService(addresses.orchestrator, insecure, options),
  };
  return {
    ...clients,
    close() {
      for (const client of Object.values(clients)) client.close();
    },
  };
}

/** Clients of a running deployment's services: the first process of each stage, and the orchestrator. */
export function deploymentClients(deployment: Pick<Deployment, 'services' | 'orchestratorAddress'>): PmrClients {
  const address = (name: Exclude<ServiceName, 'orchestrator'>): string => deployment.services.get(name)![0]!.address;
  return pmrClients({
    decoder: address('decoder'),
    detector: address('detector'),
    tracker: address('tracker'),
    recognizer: address('recognizer'),
    attributes: address('attributes'),
    orchestrator: deployment.orchestratorAddress(),
  });
}
