// The errors every JobStore adapter throws for the same situations, written once so that their codes and messages
// match whichever adapter answers.
import { failedPrecondition, notFound, PmrError } from '@pmr/common';
import type { JobState } from './job-types.ts';

/** NOT_FOUND: a method named a job that does not exist. */
export function jobNotFound(jobId: string): PmrError {
  return notFound(`no job with id ${jobId}`);
}

/** ALREADY_EXISTS: an idempotency token already stands for another request. */
export function tokenReused(token: string, jobId: string): PmrError {
  return new PmrError(
    'ALREADY_EXISTS',
    `idempotency token "${token}" was already used for job ${jobId} with a different request: use a new token`,
  );
}

/** FAILED_PRECONDITION: progress sent for a job in a final state. */
export function progressFinal(jobId: string, state: JobState): PmrError {
  return failedPrecondition(`job ${jobId} is ${state}: its progress is final`);
}

/** NOT_FOUND: no photo `index` in the gallery `digest`. */
export function photoNotFound(digest: string, index: number): PmrError {
  return notFound(`no photo ${index} in gallery ${digest}`);
}

/** FAILED_PRECONDITION: a call after close(); `name` says which store (a path, or a URL without its password). */
export function storeClosed(name: string): PmrError {
  return failedPrecondition(`job store ${name} is closed`);
}
