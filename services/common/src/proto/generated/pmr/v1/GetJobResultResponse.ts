// Original file: pmr/v1/orchestrator_service.proto

import type { Job as _pmr_v1_Job, Job__Output as _pmr_v1_Job__Output } from '../../pmr/v1/Job.ts';
import type { VideoSummary as _pmr_v1_VideoSummary, VideoSummary__Output as _pmr_v1_VideoSummary__Output } from '../../pmr/v1/VideoSummary.ts';
import type { GallerySummary as _pmr_v1_GallerySummary, GallerySummary__Output as _pmr_v1_GallerySummary__Output } from '../../pmr/v1/GallerySummary.ts';
import type { TrackResult as _pmr_v1_TrackResult, TrackResult__Output as _pmr_v1_TrackResult__Output } from '../../pmr/v1/TrackResult.ts';
import type { PersonResult as _pmr_v1_PersonResult, PersonResult__Output as _pmr_v1_PersonResult__Output } from '../../pmr/v1/PersonResult.ts';
import type { AnalysisStats as _pmr_v1_AnalysisStats, AnalysisStats__Output as _pmr_v1_AnalysisStats__Output } from '../../pmr/v1/AnalysisStats.ts';

/**
 * Response of OrchestratorService.GetJobResult: the same content as `pmr analyze`'s JSON, tracks paginated.
 */
export interface GetJobResultResponse {
  /**
   * The job.
   */
  'job'?: (_pmr_v1_Job | null);
  /**
   * What was decoded of the video.
   */
  'video'?: (_pmr_v1_VideoSummary | null);
  /**
   * How the gallery was enrolled; unset when the job had no gallery.
   */
  'gallery'?: (_pmr_v1_GallerySummary | null);
  /**
   * One page of tracks, in the order asked (by ascending id unless told otherwise).
   */
  'tracks'?: (_pmr_v1_TrackResult)[];
  /**
   * Every person (first page only; empty on later pages).
   */
  'persons'?: (_pmr_v1_PersonResult)[];
  /**
   * Counters of the analysis.
   */
  'stats'?: (_pmr_v1_AnalysisStats | null);
  /**
   * Token of the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of OrchestratorService.GetJobResult: the same content as `pmr analyze`'s JSON, tracks paginated.
 */
export interface GetJobResultResponse__Output {
  /**
   * The job.
   */
  'job': (_pmr_v1_Job__Output | null);
  /**
   * What was decoded of the video.
   */
  'video': (_pmr_v1_VideoSummary__Output | null);
  /**
   * How the gallery was enrolled; unset when the job had no gallery.
   */
  'gallery': (_pmr_v1_GallerySummary__Output | null);
  /**
   * One page of tracks, in the order asked (by ascending id unless told otherwise).
   */
  'tracks': (_pmr_v1_TrackResult__Output)[];
  /**
   * Every person (first page only; empty on later pages).
   */
  'persons': (_pmr_v1_PersonResult__Output)[];
  /**
   * Counters of the analysis.
   */
  'stats': (_pmr_v1_AnalysisStats__Output | null);
  /**
   * Token of the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
