// Original file: pmr/v1/job.proto

/**
 * Where a job is in its life. QUEUED -> RUNNING -> one of SUCCEEDED, FAILED, CANCELLED.
 */
export const JobState = {
  /**
   * Not set.
   */
  JOB_STATE_UNSPECIFIED: 'JOB_STATE_UNSPECIFIED',
  /**
   * Accepted and persisted; no work published yet. A job waits here, first come first served, while the
   * orchestrator runs as many jobs as it is configured to run at once.
   */
  JOB_STATE_QUEUED: 'JOB_STATE_QUEUED',
  /**
   * Frames are being decoded and analysed.
   */
  JOB_STATE_RUNNING: 'JOB_STATE_RUNNING',
  /**
   * Finished; results can be read with GetJobResult.
   */
  JOB_STATE_SUCCEEDED: 'JOB_STATE_SUCCEEDED',
  /**
   * Stopped by an error; see Job.error. Results of the frames analysed so far can still be read. An error that
   * cannot go away on retry (invalid or too large input) fails the job at once; a job that makes no progress for
   * the orchestrator's stall timeout fails with DEADLINE_EXCEEDED.
   */
  JOB_STATE_FAILED: 'JOB_STATE_FAILED',
  /**
   * Stopped at a client's request.
   */
  JOB_STATE_CANCELLED: 'JOB_STATE_CANCELLED',
} as const;

/**
 * Where a job is in its life. QUEUED -> RUNNING -> one of SUCCEEDED, FAILED, CANCELLED.
 */
export type JobState =
  /**
   * Not set.
   */
  | 'JOB_STATE_UNSPECIFIED'
  | 0
  /**
   * Accepted and persisted; no work published yet. A job waits here, first come first served, while the
   * orchestrator runs as many jobs as it is configured to run at once.
   */
  | 'JOB_STATE_QUEUED'
  | 1
  /**
   * Frames are being decoded and analysed.
   */
  | 'JOB_STATE_RUNNING'
  | 2
  /**
   * Finished; results can be read with GetJobResult.
   */
  | 'JOB_STATE_SUCCEEDED'
  | 3
  /**
   * Stopped by an error; see Job.error. Results of the frames analysed so far can still be read. An error that
   * cannot go away on retry (invalid or too large input) fails the job at once; a job that makes no progress for
   * the orchestrator's stall timeout fails with DEADLINE_EXCEEDED.
   */
  | 'JOB_STATE_FAILED'
  | 4
  /**
   * Stopped at a client's request.
   */
  | 'JOB_STATE_CANCELLED'
  | 5

/**
 * Where a job is in its life. QUEUED -> RUNNING -> one of SUCCEEDED, FAILED, CANCELLED.
 */
export type JobState__Output = typeof JobState[keyof typeof JobState]
