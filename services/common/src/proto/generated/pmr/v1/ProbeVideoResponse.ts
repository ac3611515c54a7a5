// Original file: pmr/v1/decoder_service.proto

import type { VideoInfo as _pmr_v1_VideoInfo, VideoInfo__Output as _pmr_v1_VideoInfo__Output } from '../../pmr/v1/VideoInfo.ts';

/**
 * Response of DecoderService.ProbeVideo.
 */
export interface ProbeVideoResponse {
  /**
   * The video's metadata.
   */
  'info'?: (_pmr_v1_VideoInfo | null);
}

/**
 * Response of DecoderService.ProbeVideo.
 */
export interface ProbeVideoResponse__Output {
  /**
   * The video's metadata.
   */
  'info': (_pmr_v1_VideoInfo__Output | null);
}
