// The job state machine (pure). QUEUED -> RUNNING -> SUCCEEDED | FAILED | CANCELLED, and RUNNING -> QUEUED when a
// restarted orchestrator puts an interrupted job back in line. A queued job may also be cancelled, or fail before
// it starts (e.g. its source cannot be opened). Final states are final.
import { failedPrecondition, PmrError } from '@pmr/common';
import type { JobState } from './job-types.ts';

const ALLOWED: Readonly<Record<JobState, readonly JobState[]>> = {
  QUEUED: ['RUNNING', 'FAILED', 'CANCELLED'],
  RUNNING: ['SUCCEEDED', 'FAILED', 'CANCELLED', 'QUEUED'],
  SUCCEEDED: [],
  FAILED: [],
  CANCELLED: [],
};

export function isFinalState(state: JobState): boolean {
  return ALLOWED[state].length === 0;
}

export function canTransition(from: JobState, to: JobState): boolean {
  return ALLOWED[from].includes(to);
}

/** Throws FAILED_PRECONDITION unless `from -> to` is allowed. */
export function assertTransition(jobId: string, from: JobState, to: JobState): void {
  if (!canTransition(from, to)) {
    const allowed = ALLOWED[from];
    const hint = allowed.length === 0 ? 'it is final' : `allowed from ${from}: ${allowed.join(', ')}`;
    throw failedPrecondition(`job ${jobId} cannot go from ${from} to ${to} (${hint})`);
  }
}

/**
 * An optimistic-concurrency failure: the record changed since the caller read it. Its code is FAILED_PRECONDITION
 * (the shared ErrorCode has no ABORTED); tell it apart from an illegal transition with `instanceof`.
 * Re-read the job and decide again.
 */
export class VersionConflictError extends PmrError {
  readonly expectedVersion: number;
  readonly actualVersion: number;
  constructor(jobId: string, expectedVersion: number, actualVersion: number) {
    super(
      'FAILED_PRECONDITION',
      `job ${jobId} is at version ${actualVersion}, not ${expectedVersion}: re-read it and retry`,
    );
    this.name = 'VersionConflictError';
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}
