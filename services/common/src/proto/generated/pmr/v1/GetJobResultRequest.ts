// Original file: pmr/v1/orchestrator_service.proto

import type { TrackOrder as _pmr_v1_TrackOrder, TrackOrder__Output as _pmr_v1_TrackOrder__Output } from '../../pmr/v1/TrackOrder.ts';

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
   * next_page_token of the previous page, asked with the same order; empty for the first page.
   */
  'pageToken'?: (string);
  /**
   * The order of the tracks.
   */
  'order'?: (_pmr_v1_TrackOrder);
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
   * next_page_token of the previous page, asked with the same order; empty for the first page.
   */
  'pageToken': (string);
  /**
   * The order of the tracks.
   */
  'order': (_pmr_v1_TrackOrder__Output);
}
