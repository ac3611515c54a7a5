// Original file: pmr/v1/pipeline.proto

import type { DecodeEnded as _pmr_v1_DecodeEnded, DecodeEnded__Output as _pmr_v1_DecodeEnded__Output } from '../../pmr/v1/DecodeEnded.ts';
import type { TrackSummary as _pmr_v1_TrackSummary, TrackSummary__Output as _pmr_v1_TrackSummary__Output } from '../../pmr/v1/TrackSummary.ts';
import type { TrackingDone as _pmr_v1_TrackingDone, TrackingDone__Output as _pmr_v1_TrackingDone__Output } from '../../pmr/v1/TrackingDone.ts';
import type { TrackEmbeddings as _pmr_v1_TrackEmbeddings, TrackEmbeddings__Output as _pmr_v1_TrackEmbeddings__Output } from '../../pmr/v1/TrackEmbeddings.ts';
import type { TrackFaceAttributes as _pmr_v1_TrackFaceAttributes, TrackFaceAttributes__Output as _pmr_v1_TrackFaceAttributes__Output } from '../../pmr/v1/TrackFaceAttributes.ts';
import type { JobError as _pmr_v1_JobError, JobError__Output as _pmr_v1_JobError__Output } from '../../pmr/v1/JobError.ts';
import type { JobProgress as _pmr_v1_JobProgress, JobProgress__Output as _pmr_v1_JobProgress__Output } from '../../pmr/v1/JobProgress.ts';

/**
 * A message to the orchestrator about one job, from any stage.
 */
export interface PipelineResult {
  /**
   * The job it concerns.
   */
  'jobId'?: (string);
  /**
   * The decoder finished (or stopped at a broken frame).
   */
  'decodeEnded'?: (_pmr_v1_DecodeEnded | null);
  /**
   * A finished track's summary (tracker).
   */
  'track'?: (_pmr_v1_TrackSummary | null);
  /**
   * The tracker finished the job.
   */
  'trackingDone'?: (_pmr_v1_TrackingDone | null);
  /**
   * A track's embeddings (recognizer).
   */
  'embeddings'?: (_pmr_v1_TrackEmbeddings | null);
  /**
   * A track's face attributes (attributes).
   */
  'attributes'?: (_pmr_v1_TrackFaceAttributes | null);
  /**
   * A problem that did not stop the job, e.g. a poison message dropped.
   */
  'warning'?: (_pmr_v1_JobError | null);
  /**
   * A problem that stops the job.
   */
  'failure'?: (_pmr_v1_JobError | null);
  /**
   * Progress counters (frames decoded or tracked).
   */
  'progress'?: (_pmr_v1_JobProgress | null);
  /**
   * What happened.
   */
  'result'?: "decodeEnded"|"track"|"trackingDone"|"embeddings"|"attributes"|"warning"|"failure"|"progress";
}

/**
 * A message to the orchestrator about one job, from any stage.
 */
export interface PipelineResult__Output {
  /**
   * The job it concerns.
   */
  'jobId': (string);
  /**
   * The decoder finished (or stopped at a broken frame).
   */
  'decodeEnded'?: (_pmr_v1_DecodeEnded__Output | null);
  /**
   * A finished track's summary (tracker).
   */
  'track'?: (_pmr_v1_TrackSummary__Output | null);
  /**
   * The tracker finished the job.
   */
  'trackingDone'?: (_pmr_v1_TrackingDone__Output | null);
  /**
   * A track's embeddings (recognizer).
   */
  'embeddings'?: (_pmr_v1_TrackEmbeddings__Output | null);
  /**
   * A track's face attributes (attributes).
   */
  'attributes'?: (_pmr_v1_TrackFaceAttributes__Output | null);
  /**
   * A problem that did not stop the job, e.g. a poison message dropped.
   */
  'warning'?: (_pmr_v1_JobError__Output | null);
  /**
   * A problem that stops the job.
   */
  'failure'?: (_pmr_v1_JobError__Output | null);
  /**
   * Progress counters (frames decoded or tracked).
   */
  'progress'?: (_pmr_v1_JobProgress__Output | null);
  /**
   * What happened.
   */
  'result'?: "decodeEnded"|"track"|"trackingDone"|"embeddings"|"attributes"|"warning"|"failure"|"progress";
}
