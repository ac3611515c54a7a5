// Original file: pmr/v1/pipeline.proto


/**
 * A job's record changed in the store (state, progress, warnings, tracks or result): WatchJob calls on it read it again.
 */
export interface JobChanged {
  /**
   * The job.
   */
  'jobId'?: (string);
}

/**
 * A job's record changed in the store (state, progress, warnings, tracks or result): WatchJob calls on it read it again.
 */
export interface JobChanged__Output {
  /**
   * The job.
   */
  'jobId': (string);
}
