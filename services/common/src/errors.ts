// Typed domain errors. Each carries a code that the gRPC edge maps to a status and the CLI prints as one line.

export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export class PmrError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PmrError';
    this.code = code;
  }
}

export function invalidArgument(message: string, cause?: unknown): PmrError {
  return new PmrError('INVALID_ARGUMENT', message, cause === undefined ? undefined : { cause });
}

export function notFound(message: string): PmrError {
  return new PmrError('NOT_FOUND', message);
}

export function permissionDenied(message: string): PmrError {
  return new PmrError('PERMISSION_DENIED', message);
}

export function failedPrecondition(message: string, cause?: unknown): PmrError {
  return new PmrError('FAILED_PRECONDITION', message, cause === undefined ? undefined : { cause });
}

/** Most characters of a caller's value that a message quotes. */
export const MAX_QUOTED_CHARS = 64;

/**
 * A caller's value as a message quotes it: in double quotes (JSON escapes, so control characters stay visible) and,
 * when longer than `max` characters, cut with … and followed by its full length. Messages quote input only through
 * this, so none echoes unbounded input back.
 */
export function quote(value: string, max = MAX_QUOTED_CHARS): string {
  if (value.length <= max) return JSON.stringify(value);
  const cut = value.slice(0, /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max);
  return `${JSON.stringify(`${cut}…`)} (${value.length} characters)`;
}
