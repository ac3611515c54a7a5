// Original file: pmr/v1/orchestrator_service.proto


/**
 * Request of OrchestratorService.GetJob.
 */
export interface GetJobRequest {
  /**
   * The job.
   */
  'jobId'?: (string);
}

/**
 * Request of OrchestratorService.GetJob.
 */
export interface GetJobRequest__Output {
  /**
   * The job.
   */
  'jobId': (string);
}
