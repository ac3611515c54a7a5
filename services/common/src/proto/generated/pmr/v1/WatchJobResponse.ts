// Original file: pmr/v1/orchestrator_service.proto

import type { Job as _pmr_v1_Job, Job__Output as _pmr_v1_Job__Output } from '../../pmr/v1/Job.ts';
import type { TrackResult as _pmr_v1_TrackResult, TrackResult__Output as _pmr_v1_TrackResult__Output } from '../../pmr/v1/TrackResult.ts';

/**
 * A message of the OrchestratorService.WatchJob stream.
 */
export interface WatchJobResponse {
  /**
   * The job as it stands (state and progress).
   */
  'job'?: (_pmr_v1_Job | null);
  /**
   * Tracks finished since the previous message. Labels of unknown persons ("unknown-N") are provisional until
   * the job ends: GetJobResult has the final ones.
   */
  'finishedTracks'?: (_pmr_v1_TrackResult)[];
}

/**
 * A message of the OrchestratorService.WatchJob stream.
 */
export interface WatchJobResponse__Output {
  /**
   * The job as it stands (state and progress).
   */
  'job': (_pmr_v1_Job__Output | null);
  /**
   * Tracks finished since the previous message. Labels of unknown persons ("unknown-N") are provisional until
   * the job ends: GetJobResult has the final ones.
   */
  'finishedTracks': (_pmr_v1_TrackResult__Output)[];
}
