// Original file: pmr/v1/orchestrator_service.proto

import type { JobState as _pmr_v1_JobState, JobState__Output as _pmr_v1_JobState__Output } from '../../pmr/v1/JobState.ts';

/**
 * Request of OrchestratorService.ListJobs.
 */
export interface ListJobsRequest {
  /**
   * Only jobs in one of these states; empty: every state.
   */
  'states'?: (_pmr_v1_JobState)[];
  /**
   * Only jobs carrying every one of these tags with the same value; empty: no filter.
   */
  'tags'?: ({[key: string]: string});
  /**
   * Most jobs per page (1 to 1000); 0: 100.
   */
  'pageSize'?: (number);
  /**
   * next_page_token of the previous page, with the same filters; empty for the first page.
   */
  'pageToken'?: (string);
}

/**
 * Request of OrchestratorService.ListJobs.
 */
export interface ListJobsRequest__Output {
  /**
   * Only jobs in one of these states; empty: every state.
   */
  'states': (_pmr_v1_JobState__Output)[];
  /**
   * Only jobs carrying every one of these tags with the same value; empty: no filter.
   */
  'tags': ({[key: string]: string});
  /**
   * Most jobs per page (1 to 1000); 0: 100.
   */
  'pageSize': (number);
  /**
   * next_page_token of the previous page, with the same filters; empty for the first page.
   */
  'pageToken': (string);
}
