// Domain errors to gRPC statuses, at the edge. A PmrError keeps its code and its message (written for the
// caller); any other error is a bug and leaves only a generic INTERNAL message, its details going to the log.
import { status, type StatusObject } from '@grpc/grpc-js';
import { PmrError, type ErrorCode } from '../errors.ts';

const STATUS_OF: Readonly<Record<ErrorCode, status>> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  PERMISSION_DENIED: status.PERMISSION_DENIED,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  UNAVAILABLE: status.UNAVAILABLE,
  INTERNAL: status.INTERNAL,
};

/** The gRPC status code of a domain error code. */
export function grpcStatusOf(code: ErrorCode): status {
  return STATUS_OF[code];
}

/**
 * Longest status message sent, in characters. Messages quote the caller's input (a path, a job id); a long one would
 * exceed what HTTP/2 peers accept in a trailer (grpc-js resets the stream above about 64 kB, C-core clients at about
 * 16 kB) and the caller would get a protocol error instead of the real status.
 */
export const MAX_STATUS_MESSAGE_CHARS = 1024;

/** The message cut to MAX_STATUS_MESSAGE_CHARS, marked with … when cut. */
export function capStatusMessage(message: string): string {
  return message.length <= MAX_STATUS_MESSAGE_CHARS ? message : `${message.slice(0, MAX_STATUS_MESSAGE_CHARS - 1)}…`;
}

/**
 * What a handler passes to its callback, `call.emit('error', …)` or `call.destroy(…)` for a failure: the
 * PmrError's status and message, or INTERNAL with `internalMessage` for anything else.
 */
export function toServiceError(error: unknown, internalMessage = 'internal error'): Partial<StatusObject> {
  if (error instanceof PmrError) return { code: grpcStatusOf(error.code), details: capStatusMessage(error.message) };
  return { code: status.INTERNAL, details: internalMessage };
}
