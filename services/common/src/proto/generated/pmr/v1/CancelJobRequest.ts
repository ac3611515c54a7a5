// Original file: pmr/v1/orchestrator_service.proto


/**
 * Request of OrchestratorService.CancelJob.
 */
export interface CancelJobRequest {
  /**
   * The job.
   */
  'jobId'?: (string);
}

/**
 * Request of OrchestratorService.CancelJob.
 */
export interface CancelJobRequest__Output {
  /**
   * The job.
   */
  'jobId': (string);
}
