// Original file: pmr/v1/orchestrator_service.proto


/**
 * Request of OrchestratorService.GetJobResult.
 */
export interface GetJobResultRequest {
  /**
   * The job.
   */
  'jobId'?: (string);
  /**
   * Most tracks per page (1 to 1000); 0: 100.
   */
  'pageSize'?: (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken'?: (string);
}

/**
 * Request of OrchestratorService.GetJobResult.
 */
export interface GetJobResultRequest__Output {
  /**
   * The job.
   */
  'jobId': (string);
  /**
   * Most tracks per page (1 to 1000); 0: 100.
   */
  'pageSize': (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken': (string);
}
