// Original file: pmr/v1/job.proto


/**
 * Why a job failed, or a problem it met (such as a poison message) without failing.
 */
export interface JobError {
  /**
   * The gRPC status code name that fits, e.g. "INVALID_ARGUMENT", "RESOURCE_EXHAUSTED" (an input over a size
   * limit) or "DEADLINE_EXCEEDED" (no progress for the orchestrator's stall timeout).
   */
  'code'?: (string);
  /**
   * A message a person can act on.
   */
  'message'?: (string);
}

/**
 * Why a job failed, or a problem it met (such as a poison message) without failing.
 */
export interface JobError__Output {
  /**
   * The gRPC status code name that fits, e.g. "INVALID_ARGUMENT", "RESOURCE_EXHAUSTED" (an input over a size
   * limit) or "DEADLINE_EXCEEDED" (no progress for the orchestrator's stall timeout).
   */
  'code': (string);
  /**
   * A message a person can act on.
   */
  'message': (string);
}
