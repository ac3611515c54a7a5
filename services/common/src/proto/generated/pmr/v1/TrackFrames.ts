// Original file: pmr/v1/result.proto


/**
 * Frames a track covers.
 */
export interface TrackFrames {
  /**
   * First source frame (from 0) the track covers.
   */
  'first'?: (number);
  /**
   * Last source frame (inclusive) the track covers.
   */
  'last'?: (number);
  /**
   * Number of analysed frames the track was detected in.
   */
  'detections'?: (number);
}

/**
 * Frames a track covers.
 */
export interface TrackFrames__Output {
  /**
   * First source frame (from 0) the track covers.
   */
  'first': (number);
  /**
   * Last source frame (inclusive) the track covers.
   */
  'last': (number);
  /**
   * Number of analysed frames the track was detected in.
   */
  'detections': (number);
}
