// Original file: pmr/v1/pipeline.proto

import type { DetectedFace as _pmr_v1_DetectedFace, DetectedFace__Output as _pmr_v1_DetectedFace__Output } from '../../pmr/v1/DetectedFace.ts';

/**
 * The faces found in one analysed frame (from a detector), or the decoder's end mark after the last frame.
 */
export interface FrameFaces {
  /**
   * The job the frame belongs to.
   */
  'jobId'?: (string);
  /**
   * Analysed-frame index (Frame.index); for the end mark, the number of analysed frames.
   */
  'frameIndex'?: (number);
  /**
   * Presentation time of the frame in seconds.
   */
  'pts'?: (number | string);
  /**
   * Presentation time of the last source frame it stands for.
   */
  'ptsLast'?: (number | string);
  /**
   * First source frame it stands for.
   */
  'sourceFirst'?: (number);
  /**
   * Last source frame it stands for.
   */
  'sourceLast'?: (number);
  /**
   * A scene cut comes before this frame.
   */
  'sceneCut'?: (boolean);
  /**
   * Frame width in pixels.
   */
  'width'?: (number);
  /**
   * Frame height in pixels.
   */
  'height'?: (number);
  /**
   * The detections, with their aligned chips.
   */
  'faces'?: (_pmr_v1_DetectedFace)[];
  /**
   * True for the end mark: no more frames follow.
   */
  'end'?: (boolean);
  /**
   * Seconds the last source frame it stands for is shown (Frame.frame_duration).
   */
  'frameDuration'?: (number | string);
}

/**
 * The faces found in one analysed frame (from a detector), or the decoder's end mark after the last frame.
 */
export interface FrameFaces__Output {
  /**
   * The job the frame belongs to.
   */
  'jobId': (string);
  /**
   * Analysed-frame index (Frame.index); for the end mark, the number of analysed frames.
   */
  'frameIndex': (number);
  /**
   * Presentation time of the frame in seconds.
   */
  'pts': (number);
  /**
   * Presentation time of the last source frame it stands for.
   */
  'ptsLast': (number);
  /**
   * First source frame it stands for.
   */
  'sourceFirst': (number);
  /**
   * Last source frame it stands for.
   */
  'sourceLast': (number);
  /**
   * A scene cut comes before this frame.
   */
  'sceneCut': (boolean);
  /**
   * Frame width in pixels.
   */
  'width': (number);
  /**
   * Frame height in pixels.
   */
  'height': (number);
  /**
   * The detections, with their aligned chips.
   */
  'faces': (_pmr_v1_DetectedFace__Output)[];
  /**
   * True for the end mark: no more frames follow.
   */
  'end': (boolean);
  /**
   * Seconds the last source frame it stands for is shown (Frame.frame_duration).
   */
  'frameDuration': (number);
}
