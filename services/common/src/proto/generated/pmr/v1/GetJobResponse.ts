// Original file: pmr/v1/orchestrator_service.proto

import type { Job as _pmr_v1_Job, Job__Output as _pmr_v1_Job__Output } from '../../pmr/v1/Job.ts';

/**
 * Response of OrchestratorService.GetJob.
 */
export interface GetJobResponse {
  /**
   * The job.
   */
  'job'?: (_pmr_v1_Job | null);
}

/**
 * Response of OrchestratorService.GetJob.
 */
export interface GetJobResponse__Output {
  /**
   * The job.
   */
  'job': (_pmr_v1_Job__Output | null);
}
