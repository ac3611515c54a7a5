// Original file: pmr/v1/pipeline.proto

import type { TrackFrames as _pmr_v1_TrackFrames, TrackFrames__Output as _pmr_v1_TrackFrames__Output } from '../../pmr/v1/TrackFrames.ts';
import type { TimelinePoint as _pmr_v1_TimelinePoint, TimelinePoint__Output as _pmr_v1_TimelinePoint__Output } from '../../pmr/v1/TimelinePoint.ts';
import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from '../../pmr/v1/Image.ts';

/**
 * What the tracker knows of a finished track: its span, box timeline and best face.
 */
export interface TrackSummary {
  /**
   * Track id within the job.
   */
  'trackId'?: (number);
  /**
   * Seconds of its first detection.
   */
  'firstSeen'?: (number | string);
  /**
   * Seconds of the end of its last detection.
   */
  'lastSeen'?: (number | string);
  /**
   * Source frames covered and detections assigned.
   */
  'frames'?: (_pmr_v1_TrackFrames | null);
  /**
   * Faces selected for recognition.
   */
  'selected'?: (number);
  /**
   * Quality of its best face.
   */
  'quality'?: (number | string);
  /**
   * Sampled box timeline.
   */
  'timeline'?: (_pmr_v1_TimelinePoint)[];
  /**
   * The best face's aligned chip (raw RGB).
   */
  'bestChip'?: (_pmr_v1_Image | null);
}

/**
 * What the tracker knows of a finished track: its span, box timeline and best face.
 */
export interface TrackSummary__Output {
  /**
   * Track id within the job.
   */
  'trackId': (number);
  /**
   * Seconds of its first detection.
   */
  'firstSeen': (number);
  /**
   * Seconds of the end of its last detection.
   */
  'lastSeen': (number);
  /**
   * Source frames covered and detections assigned.
   */
  'frames': (_pmr_v1_TrackFrames__Output | null);
  /**
   * Faces selected for recognition.
   */
  'selected': (number);
  /**
   * Quality of its best face.
   */
  'quality': (number);
  /**
   * Sampled box timeline.
   */
  'timeline': (_pmr_v1_TimelinePoint__Output)[];
  /**
   * The best face's aligned chip (raw RGB).
   */
  'bestChip': (_pmr_v1_Image__Output | null);
}
