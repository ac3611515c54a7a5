// Original file: pmr/v1/result.proto

import type { TrackIdentity as _pmr_v1_TrackIdentity, TrackIdentity__Output as _pmr_v1_TrackIdentity__Output } from '../../pmr/v1/TrackIdentity.ts';
import type { TrackFrames as _pmr_v1_TrackFrames, TrackFrames__Output as _pmr_v1_TrackFrames__Output } from '../../pmr/v1/TrackFrames.ts';
import type { TrackAttributes as _pmr_v1_TrackAttributes, TrackAttributes__Output as _pmr_v1_TrackAttributes__Output } from '../../pmr/v1/TrackAttributes.ts';
import type { TimelinePoint as _pmr_v1_TimelinePoint, TimelinePoint__Output as _pmr_v1_TimelinePoint__Output } from '../../pmr/v1/TimelinePoint.ts';
import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from '../../pmr/v1/Image.ts';

/**
 * The result for one track: mirrors a track of `pmr analyze`'s JSON (README.md documents every field).
 */
export interface TrackResult {
  /**
   * Track id within the job.
   */
  'id'?: (number);
  /**
   * The gallery name, or "unknown-N" (unknown tracks of the same stranger share N).
   */
  'label'?: (string);
  /**
   * Identity decision.
   */
  'identity'?: (_pmr_v1_TrackIdentity | null);
  /**
   * Seconds from the start of the video when the track is first seen.
   */
  'firstSeen'?: (number | string);
  /**
   * Seconds from the start of the video when the track is last seen.
   */
  'lastSeen'?: (number | string);
  /**
   * Frames the track covers.
   */
  'frames'?: (_pmr_v1_TrackFrames | null);
  /**
   * Faces of this track that were embedded and analysed.
   */
  'facesAnalysed'?: (number);
  /**
   * Quality in [0, 1] of the track's best face.
   */
  'quality'?: (number | string);
  /**
   * Attributes decided over the analysed faces.
   */
  'attributes'?: (_pmr_v1_TrackAttributes | null);
  /**
   * Box per analysed frame the track was detected in, in time order.
   */
  'timeline'?: (_pmr_v1_TimelinePoint)[];
  /**
   * Best-quality aligned face of the track: a 112x112 JPEG.
   */
  'bestShot'?: (_pmr_v1_Image | null);
}

/**
 * The result for one track: mirrors a track of `pmr analyze`'s JSON (README.md documents every field).
 */
export interface TrackResult__Output {
  /**
   * Track id within the job.
   */
  'id': (number);
  /**
   * The gallery name, or "unknown-N" (unknown tracks of the same stranger share N).
   */
  'label': (string);
  /**
   * Identity decision.
   */
  'identity': (_pmr_v1_TrackIdentity__Output | null);
  /**
   * Seconds from the start of the video when the track is first seen.
   */
  'firstSeen': (number);
  /**
   * Seconds from the start of the video when the track is last seen.
   */
  'lastSeen': (number);
  /**
   * Frames the track covers.
   */
  'frames': (_pmr_v1_TrackFrames__Output | null);
  /**
   * Faces of this track that were embedded and analysed.
   */
  'facesAnalysed': (number);
  /**
   * Quality in [0, 1] of the track's best face.
   */
  'quality': (number);
  /**
   * Attributes decided over the analysed faces.
   */
  'attributes': (_pmr_v1_TrackAttributes__Output | null);
  /**
   * Box per analysed frame the track was detected in, in time order.
   */
  'timeline': (_pmr_v1_TimelinePoint__Output)[];
  /**
   * Best-quality aligned face of the track: a 112x112 JPEG.
   */
  'bestShot': (_pmr_v1_Image__Output | null);
}
