// Original file: pmr/v1/tracker_service.proto

import type { TrackFace as _pmr_v1_TrackFace, TrackFace__Output as _pmr_v1_TrackFace__Output } from '../../pmr/v1/TrackFace.ts';
import type { FinishedTrack as _pmr_v1_FinishedTrack, FinishedTrack__Output as _pmr_v1_FinishedTrack__Output } from '../../pmr/v1/FinishedTrack.ts';

/**
 * A message of the TrackerService.Track response stream: the answer to one request, or the end.
 */
export interface TrackResponse {
  /**
   * The frame this answers (the last frame's index in the end message).
   */
  'frameIndex'?: (number);
  /**
   * Detections that belong to a confirmed track, sorted by (frame_index, track_id); includes, once, the earlier
   * detections of a track confirmed in this frame.
   */
  'assigned'?: (_pmr_v1_TrackFace)[];
  /**
   * Confirmed tracks that ended at this frame, by track id.
   */
  'finished'?: (_pmr_v1_FinishedTrack)[];
  /**
   * True in the last message, sent after the client half-closed: every track still alive is in finished.
   */
  'end'?: (boolean);
}

/**
 * A message of the TrackerService.Track response stream: the answer to one request, or the end.
 */
export interface TrackResponse__Output {
  /**
   * The frame this answers (the last frame's index in the end message).
   */
  'frameIndex': (number);
  /**
   * Detections that belong to a confirmed track, sorted by (frame_index, track_id); includes, once, the earlier
   * detections of a track confirmed in this frame.
   */
  'assigned': (_pmr_v1_TrackFace__Output)[];
  /**
   * Confirmed tracks that ended at this frame, by track id.
   */
  'finished': (_pmr_v1_FinishedTrack__Output)[];
  /**
   * True in the last message, sent after the client half-closed: every track still alive is in finished.
   */
  'end': (boolean);
}
