// Original file: pmr/v1/tracker_service.proto


/**
 * Tracker settings; unset fields take the tracker's documented defaults.
 */
export interface TrackerSettings {
  /**
   * Detections scoring at least this take part in the first association pass and may start tracks.
   */
  'highScore'?: (number | string);
  /**
   * Detections scoring in [low_score, high_score) only continue confirmed tracks.
   */
  'lowScore'?: (number | string);
  /**
   * Minimum IoU between a predicted track box and a detection for them to be matched.
   */
  'iouGate'?: (number | string);
  /**
   * Seconds a track survives without detections.
   */
  'maxAgeSeconds'?: (number | string);
  /**
   * Detections needed before a tentative track is confirmed and gets an id.
   */
  'minHits'?: (number);
  /**
   * Most faces kept per track for recognition and attributes.
   */
  'facesPerTrack'?: (number);
  /**
   * Minimum seconds between two kept faces of a track.
   */
  'minSelectionGapSeconds'?: (number | string);
  '_highScore'?: "highScore";
  '_lowScore'?: "lowScore";
  '_iouGate'?: "iouGate";
  '_maxAgeSeconds'?: "maxAgeSeconds";
  '_minHits'?: "minHits";
  '_facesPerTrack'?: "facesPerTrack";
  '_minSelectionGapSeconds'?: "minSelectionGapSeconds";
}

/**
 * Tracker settings; unset fields take the tracker's documented defaults.
 */
export interface TrackerSettings__Output {
  /**
   * Detections scoring at least this take part in the first association pass and may start tracks.
   */
  'highScore'?: (number);
  /**
   * Detections scoring in [low_score, high_score) only continue confirmed tracks.
   */
  'lowScore'?: (number);
  /**
   * Minimum IoU between a predicted track box and a detection for them to be matched.
   */
  'iouGate'?: (number);
  /**
   * Seconds a track survives without detections.
   */
  'maxAgeSeconds'?: (number);
  /**
   * Detections needed before a tentative track is confirmed and gets an id.
   */
  'minHits'?: (number);
  /**
   * Most faces kept per track for recognition and attributes.
   */
  'facesPerTrack'?: (number);
  /**
   * Minimum seconds between two kept faces of a track.
   */
  'minSelectionGapSeconds'?: (number);
  '_highScore'?: "highScore";
  '_lowScore'?: "lowScore";
  '_iouGate'?: "iouGate";
  '_maxAgeSeconds'?: "maxAgeSeconds";
  '_minHits'?: "minHits";
  '_facesPerTrack'?: "facesPerTrack";
  '_minSelectionGapSeconds'?: "minSelectionGapSeconds";
}
