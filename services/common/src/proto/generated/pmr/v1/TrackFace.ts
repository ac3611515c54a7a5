// Original file: pmr/v1/track.proto

import type { DetectedFace as _pmr_v1_DetectedFace, DetectedFace__Output as _pmr_v1_DetectedFace__Output } from '../../pmr/v1/DetectedFace.ts';

/**
 * A detected face that belongs to a confirmed track: the message the tracker publishes for recognition and
 * attribute analysis, and the unit of a track's box timeline.
 */
export interface TrackFace {
  /**
   * The job the face belongs to.
   */
  'jobId'?: (string);
  /**
   * Track id within the job: 1, 2, ... in order of confirmation.
   */
  'trackId'?: (number);
  /**
   * Index of the analysed frame the face was detected in (Frame.index).
   */
  'frameIndex'?: (number);
  /**
   * Presentation time of that frame in seconds.
   */
  'pts'?: (number | string);
  /**
   * The detection, with its aligned chip.
   */
  'face'?: (_pmr_v1_DetectedFace | null);
}

/**
 * A detected face that belongs to a confirmed track: the message the tracker publishes for recognition and
 * attribute analysis, and the unit of a track's box timeline.
 */
export interface TrackFace__Output {
  /**
   * The job the face belongs to.
   */
  'jobId': (string);
  /**
   * Track id within the job: 1, 2, ... in order of confirmation.
   */
  'trackId': (number);
  /**
   * Index of the analysed frame the face was detected in (Frame.index).
   */
  'frameIndex': (number);
  /**
   * Presentation time of that frame in seconds.
   */
  'pts': (number);
  /**
   * The detection, with its aligned chip.
   */
  'face': (_pmr_v1_DetectedFace__Output | null);
}
