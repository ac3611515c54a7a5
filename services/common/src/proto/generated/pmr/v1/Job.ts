// Original file: pmr/v1/job.proto

import type { JobState as _pmr_v1_JobState, JobState__Output as _pmr_v1_JobState__Output } from '../../pmr/v1/JobState.ts';
import type { JobProgress as _pmr_v1_JobProgress, JobProgress__Output as _pmr_v1_JobProgress__Output } from '../../pmr/v1/JobProgress.ts';
import type { JobError as _pmr_v1_JobError, JobError__Output as _pmr_v1_JobError__Output } from '../../pmr/v1/JobError.ts';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp.ts';
import type { VideoSource as _pmr_v1_VideoSource, VideoSource__Output as _pmr_v1_VideoSource__Output } from '../../pmr/v1/VideoSource.ts';
import type { VideoJobOptions as _pmr_v1_VideoJobOptions, VideoJobOptions__Output as _pmr_v1_VideoJobOptions__Output } from '../../pmr/v1/VideoJobOptions.ts';

/**
 * A video analysis job.
 */
export interface Job {
  /**
   * Job id, assigned by the orchestrator.
   */
  'id'?: (string);
  /**
   * Current state.
   */
  'state'?: (_pmr_v1_JobState);
  /**
   * Progress so far.
   */
  'progress'?: (_pmr_v1_JobProgress | null);
  /**
   * Set when state is JOB_STATE_FAILED.
   */
  'error'?: (_pmr_v1_JobError | null);
  /**
   * Problems that did not stop the job (e.g. a message terminated after too many deliveries).
   */
  'warnings'?: (_pmr_v1_JobError)[];
  /**
   * When the job was created.
   */
  'createTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When the job last changed state or progress.
   */
  'updateTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Tags given when the job was started.
   */
  'tags'?: ({[key: string]: string});
  /**
   * The video the job analyses, as StartVideoJob named it.
   */
  'video'?: (_pmr_v1_VideoSource | null);
  /**
   * The analysis settings StartVideoJob gave (unset fields took the orchestrator's defaults).
   */
  'options'?: (_pmr_v1_VideoJobOptions | null);
  /**
   * The collection whose persons the job recognises; empty when it recognises a gallery sent with it, or nobody.
   */
  'collectionId'?: (string);
}

/**
 * A video analysis job.
 */
export interface Job__Output {
  /**
   * Job id, assigned by the orchestrator.
   */
  'id': (string);
  /**
   * Current state.
   */
  'state': (_pmr_v1_JobState__Output);
  /**
   * Progress so far.
   */
  'progress': (_pmr_v1_JobProgress__Output | null);
  /**
   * Set when state is JOB_STATE_FAILED.
   */
  'error': (_pmr_v1_JobError__Output | null);
  /**
   * Problems that did not stop the job (e.g. a message terminated after too many deliveries).
   */
  'warnings': (_pmr_v1_JobError__Output)[];
  /**
   * When the job was created.
   */
  'createTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When the job last changed state or progress.
   */
  'updateTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Tags given when the job was started.
   */
  'tags': ({[key: string]: string});
  /**
   * The video the job analyses, as StartVideoJob named it.
   */
  'video': (_pmr_v1_VideoSource__Output | null);
  /**
   * The analysis settings StartVideoJob gave (unset fields took the orchestrator's defaults).
   */
  'options': (_pmr_v1_VideoJobOptions__Output | null);
  /**
   * The collection whose persons the job recognises; empty when it recognises a gallery sent with it, or nobody.
   */
  'collectionId': (string);
}
