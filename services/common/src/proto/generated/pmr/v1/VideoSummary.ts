// Original file: pmr/v1/result.proto


/**
 * What was decoded of a video.
 */
export interface VideoSummary {
  /**
   * The source as given when the job was started.
   */
  'source'?: (string);
  /**
   * Display width in pixels.
   */
  'width'?: (number);
  /**
   * Display height in pixels.
   */
  'height'?: (number);
  /**
   * Frames per second of the source.
   */
  'fps'?: (number | string);
  /**
   * Duration in seconds.
   */
  'duration'?: (number | string);
  /**
   * Source frames decoded.
   */
  'frames'?: (number);
  /**
   * Frames analysed after the analysis rate and similar-frame skipping.
   */
  'analysedFrames'?: (number);
  /**
   * False when decoding stopped early (a truncated or corrupt file); the results cover what was decoded.
   */
  'complete'?: (boolean);
  /**
   * Why decoding is not complete, as one line; empty when complete.
   */
  'error'?: (string);
}

/**
 * What was decoded of a video.
 */
export interface VideoSummary__Output {
  /**
   * The source as given when the job was started.
   */
  'source': (string);
  /**
   * Display width in pixels.
   */
  'width': (number);
  /**
   * Display height in pixels.
   */
  'height': (number);
  /**
   * Frames per second of the source.
   */
  'fps': (number);
  /**
   * Duration in seconds.
   */
  'duration': (number);
  /**
   * Source frames decoded.
   */
  'frames': (number);
  /**
   * Frames analysed after the analysis rate and similar-frame skipping.
   */
  'analysedFrames': (number);
  /**
   * False when decoding stopped early (a truncated or corrupt file); the results cover what was decoded.
   */
  'complete': (boolean);
  /**
   * Why decoding is not complete, as one line; empty when complete.
   */
  'error': (string);
}
