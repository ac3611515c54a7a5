// Typed domain errors. Each carries a code that the gRPC edge maps to a status and the CLI prints as one line.

export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
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

export function failedPrecondition(message: string, cause?: unknown): PmrError {
  return new PmrError('FAILED_PRECONDITION', message, cause === undefined ? undefined : { cause });
}
