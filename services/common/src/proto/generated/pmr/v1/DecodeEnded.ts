// Original file: pmr/v1/pipeline.proto

import type { VideoSummary as _pmr_v1_VideoSummary, VideoSummary__Output as _pmr_v1_VideoSummary__Output } from '../../pmr/v1/VideoSummary.ts';

/**
 * How far the decoder has got with a job.
 */
export interface DecodeEnded {
  /**
   * The video, as decoded (frames: source frames decoded).
   */
  'video'?: (_pmr_v1_VideoSummary | null);
}

/**
 * How far the decoder has got with a job.
 */
export interface DecodeEnded__Output {
  /**
   * The video, as decoded (frames: source frames decoded).
   */
  'video': (_pmr_v1_VideoSummary__Output | null);
}
