// Original file: pmr/v1/orchestrator_service.proto


/**
 * Request of OrchestratorService.WatchJob.
 */
export interface WatchJobRequest {
  /**
   * The job to watch.
   */
  'jobId'?: (string);
}

/**
 * Request of OrchestratorService.WatchJob.
 */
export interface WatchJobRequest__Output {
  /**
   * The job to watch.
   */
  'jobId': (string);
}
