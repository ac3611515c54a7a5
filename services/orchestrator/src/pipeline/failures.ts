// What a failed step of a job means for the job, decided in one place: retryable (the stage or the broker is down,
// slow or restarting — the same step may succeed later) or terminal (the input is invalid, too large or unsupported —
// it never will, so the job fails at once). The message is one line a user can act on: no stack, no server address.
// Pure.
import { status } from '@grpc/grpc-js';
import { PmrError } from '@pmr/common';

/** A failed gRPC call to a stage service: which call, on what, and how it ended. */
export class StageCallError extends Error {
  readonly method: string;
  readonly address: string;
  readonly grpcCode: status;
  readonly details: string;
  /** What the call carried, for messages (e.g. "a 2048×2048 image"). */
  readonly subject: string;
  constructor(method: string, address: string, grpcCode: status, details: string, subject: string) {
    super(`${method} at ${address} failed: ${status[grpcCode] ?? grpcCode} ${details}`);
    this.name = 'StageCallError';
    this.method = method;
    this.address = address;
    this.grpcCode = grpcCode;
    this.details = details;
    this.subject = subject;
  }
}

/** A failure with the step it happened in (e.g. `gallery photo "ann/1.jpg"`), which prefixes its message. */
export class StepError extends Error {
  readonly step: string;
  constructor(step: string, cause: unknown) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StepError';
    this.step = step;
  }
}

export interface JobFailure {
  /** The gRPC status code name that fits, as JobError.code carries it. */
  readonly code: string;
  /** One line a user can act on. */
  readonly message: string;
  /** Whether the same step may succeed when tried again. */
  readonly retryable: boolean;
}

/**
 * Codes of a stage call that may succeed when made again: the service is down or restarting (UNAVAILABLE, and
 * CANCELLED, UNKNOWN or INTERNAL when its process died mid-call), slow (DEADLINE_EXCEEDED) or aborted the call.
 * Every other code says the request itself is wrong (INVALID_ARGUMENT, RESOURCE_EXHAUSTED for a message over the
 * limit, UNIMPLEMENTED, FAILED_PRECONDITION, …): the same request will fail the same way.
 */
export const RETRYABLE_STAGE_CODES: ReadonlySet<status> = new Set([
  status.UNAVAILABLE,
  status.DEADLINE_EXCEEDED,
  status.ABORTED,
  status.CANCELLED,
  status.UNKNOWN,
  status.INTERNAL,
]);

/** The first line of `text`, at most 300 characters (stage details can quote anything). */
function oneLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length <= 300 ? line : `${line.slice(0, 299)}…`;
}

function stageFailure(err: StageCallError): JobFailure {
  const code = status[err.grpcCode] ?? 'UNKNOWN';
  const details = oneLine(err.details);
  if (RETRYABLE_STAGE_CODES.has(err.grpcCode))
    return {
      code,
      message: `${err.method} could not be reached or did not answer (${code}: ${details})`,
      retryable: true,
    };
  if (err.grpcCode === status.RESOURCE_EXHAUSTED) {
    return {
      code,
      message: `${err.method} cannot take ${err.subject}: it is over the gRPC message limit (${details}); send a smaller one`,
      retryable: false,
    };
  }
  return { code, message: `${err.method} refused ${err.subject} (${code}: ${details})`, retryable: false };
}

/** How a failed step of a job is to be handled. */
export function classifyFailure(err: unknown): JobFailure {
  if (err instanceof StepError) {
    const inner = classifyFailure(err.cause);
    return { ...inner, message: `${err.step}: ${inner.message}` };
  }
  if (err instanceof StageCallError) return stageFailure(err);
  if (err instanceof PmrError)
    return { code: err.code, message: oneLine(err.message), retryable: err.code === 'UNAVAILABLE' };
  // Anything else comes from the broker or the store (a connection lost, a write refused): retried. Its own text
  // stays in the log, where it may name hosts and files.
  return {
    code: 'UNAVAILABLE',
    message: 'the message broker or the job store failed (the orchestrator log has the error)',
    retryable: true,
  };
}
