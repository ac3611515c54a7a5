// Original file: pmr/v1/decoder_service.proto

import type { VideoInfo as _pmr_v1_VideoInfo, VideoInfo__Output as _pmr_v1_VideoInfo__Output } from '../../pmr/v1/VideoInfo.ts';
import type { Frame as _pmr_v1_Frame, Frame__Output as _pmr_v1_Frame__Output } from '../../pmr/v1/Frame.ts';
import type { DecodeOutcome as _pmr_v1_DecodeOutcome, DecodeOutcome__Output as _pmr_v1_DecodeOutcome__Output } from '../../pmr/v1/DecodeOutcome.ts';

/**
 * One message of the DecoderService.DecodeVideo stream: info first, then frames in order, then the outcome.
 */
export interface DecodeVideoResponse {
  /**
   * The video's metadata; the first message.
   */
  'info'?: (_pmr_v1_VideoInfo | null);
  /**
   * One analysed frame, pixels inline.
   */
  'frame'?: (_pmr_v1_Frame | null);
  /**
   * How the decode ended; the last message.
   */
  'outcome'?: (_pmr_v1_DecodeOutcome | null);
  /**
   * What this message carries.
   */
  'event'?: "info"|"frame"|"outcome";
}

/**
 * One message of the DecoderService.DecodeVideo stream: info first, then frames in order, then the outcome.
 */
export interface DecodeVideoResponse__Output {
  /**
   * The video's metadata; the first message.
   */
  'info'?: (_pmr_v1_VideoInfo__Output | null);
  /**
   * One analysed frame, pixels inline.
   */
  'frame'?: (_pmr_v1_Frame__Output | null);
  /**
   * How the decode ended; the last message.
   */
  'outcome'?: (_pmr_v1_DecodeOutcome__Output | null);
  /**
   * What this message carries.
   */
  'event'?: "info"|"frame"|"outcome";
}
