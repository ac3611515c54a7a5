// Original file: pmr/v1/track.proto

import type { TrackFace as _pmr_v1_TrackFace, TrackFace__Output as _pmr_v1_TrackFace__Output } from '../../pmr/v1/TrackFace.ts';

/**
 * A track that has ended: unseen for longer than the tracker's max age, or the video ended.
 */
export interface FinishedTrack {
  /**
   * The job the track belongs to.
   */
  'jobId'?: (string);
  /**
   * Track id within the job.
   */
  'trackId'?: (number);
  /**
   * Presentation time of its first detection in seconds.
   */
  'firstPts'?: (number | string);
  /**
   * Presentation time of its last detection in seconds (coasting on prediction does not count).
   */
  'lastPts'?: (number | string);
  /**
   * Frame index of its first detection.
   */
  'firstFrame'?: (number);
  /**
   * Frame index of its last detection.
   */
  'lastFrame'?: (number);
  /**
   * Number of detections assigned to it.
   */
  'hits'?: (number);
  /**
   * Its best faces, at most the tracker's faces-per-track, spaced in time, in time order.
   */
  'selected'?: (_pmr_v1_TrackFace)[];
  /**
   * Detections never reported as assigned: set only for a track confirmed when the video ended.
   */
  'lateAssigned'?: (_pmr_v1_TrackFace)[];
}

/**
 * A track that has ended: unseen for longer than the tracker's max age, or the video ended.
 */
export interface FinishedTrack__Output {
  /**
   * The job the track belongs to.
   */
  'jobId': (string);
  /**
   * Track id within the job.
   */
  'trackId': (number);
  /**
   * Presentation time of its first detection in seconds.
   */
  'firstPts': (number);
  /**
   * Presentation time of its last detection in seconds (coasting on prediction does not count).
   */
  'lastPts': (number);
  /**
   * Frame index of its first detection.
   */
  'firstFrame': (number);
  /**
   * Frame index of its last detection.
   */
  'lastFrame': (number);
  /**
   * Number of detections assigned to it.
   */
  'hits': (number);
  /**
   * Its best faces, at most the tracker's faces-per-track, spaced in time, in time order.
   */
  'selected': (_pmr_v1_TrackFace__Output)[];
  /**
   * Detections never reported as assigned: set only for a track confirmed when the video ended.
   */
  'lateAssigned': (_pmr_v1_TrackFace__Output)[];
}
