// Original file: pmr/v1/orchestrator_service.proto

import type { Job as _pmr_v1_Job, Job__Output as _pmr_v1_Job__Output } from '../../pmr/v1/Job.ts';

/**
 * Response of OrchestratorService.CancelJob.
 */
export interface CancelJobResponse {
  /**
   * The job after the call: CANCELLED, or the final state it had already reached.
   */
  'job'?: (_pmr_v1_Job | null);
}

/**
 * Response of OrchestratorService.CancelJob.
 */
export interface CancelJobResponse__Output {
  /**
   * The job after the call: CANCELLED, or the final state it had already reached.
   */
  'job': (_pmr_v1_Job__Output | null);
}
