// Original file: pmr/v1/orchestrator_service.proto

import type { Job as _pmr_v1_Job, Job__Output as _pmr_v1_Job__Output } from '../../pmr/v1/Job.ts';

/**
 * Response of OrchestratorService.StartVideoJob.
 */
export interface StartVideoJobResponse {
  /**
   * The job, new or existing.
   */
  'job'?: (_pmr_v1_Job | null);
  /**
   * False when client_token matched an existing job.
   */
  'created'?: (boolean);
}

/**
 * Response of OrchestratorService.StartVideoJob.
 */
export interface StartVideoJobResponse__Output {
  /**
   * The job, new or existing.
   */
  'job': (_pmr_v1_Job__Output | null);
  /**
   * False when client_token matched an existing job.
   */
  'created': (boolean);
}
