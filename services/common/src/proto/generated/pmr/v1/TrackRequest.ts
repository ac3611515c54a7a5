// Original file: pmr/v1/tracker_service.proto

import type { TrackerSettings as _pmr_v1_TrackerSettings, TrackerSettings__Output as _pmr_v1_TrackerSettings__Output } from '../../pmr/v1/TrackerSettings.ts';
import type { DetectedFace as _pmr_v1_DetectedFace, DetectedFace__Output as _pmr_v1_DetectedFace__Output } from '../../pmr/v1/DetectedFace.ts';

/**
 * One frame's detections: a message of the TrackerService.Track request stream.
 */
export interface TrackRequest {
  /**
   * The job; the same in every message of a stream.
   */
  'jobId'?: (string);
  /**
   * Read from the first message of the stream only.
   */
  'settings'?: (_pmr_v1_TrackerSettings | null);
  /**
   * Index of the analysed frame (Frame.index).
   */
  'frameIndex'?: (number);
  /**
   * Presentation time of the frame in seconds; never less than the previous message's.
   */
  'pts'?: (number | string);
  /**
   * Frame width in pixels; predicted boxes are clipped to the frame.
   */
  'frameWidth'?: (number);
  /**
   * Frame height in pixels.
   */
  'frameHeight'?: (number);
  /**
   * The frame's detections (possibly none).
   */
  'faces'?: (_pmr_v1_DetectedFace)[];
}

/**
 * One frame's detections: a message of the TrackerService.Track request stream.
 */
export interface TrackRequest__Output {
  /**
   * The job; the same in every message of a stream.
   */
  'jobId': (string);
  /**
   * Read from the first message of the stream only.
   */
  'settings': (_pmr_v1_TrackerSettings__Output | null);
  /**
   * Index of the analysed frame (Frame.index).
   */
  'frameIndex': (number);
  /**
   * Presentation time of the frame in seconds; never less than the previous message's.
   */
  'pts': (number);
  /**
   * Frame width in pixels; predicted boxes are clipped to the frame.
   */
  'frameWidth': (number);
  /**
   * Frame height in pixels.
   */
  'frameHeight': (number);
  /**
   * The frame's detections (possibly none).
   */
  'faces': (_pmr_v1_DetectedFace__Output)[];
}
