// Original file: pmr/v1/orchestrator_service.proto

import type { Job as _pmr_v1_Job, Job__Output as _pmr_v1_Job__Output } from '../../pmr/v1/Job.ts';

/**
 * Response of OrchestratorService.ListJobs.
 */
export interface ListJobsResponse {
  /**
   * One page of jobs, oldest first.
   */
  'jobs'?: (_pmr_v1_Job)[];
  /**
   * Token of the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of OrchestratorService.ListJobs.
 */
export interface ListJobsResponse__Output {
  /**
   * One page of jobs, oldest first.
   */
  'jobs': (_pmr_v1_Job__Output)[];
  /**
   * Token of the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
