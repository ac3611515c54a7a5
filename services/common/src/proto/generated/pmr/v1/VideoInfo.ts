// Original file: pmr/v1/decoder_service.proto


/**
 * What a video file holds, as its container tells.
 */
export interface VideoInfo {
  /**
   * The source as given.
   */
  'source'?: (string);
  /**
   * Container format names, e.g. "mov,mp4,m4a,3gp,3g2,mj2".
   */
  'container'?: (string);
  /**
   * Codec of the first video stream, e.g. "h264".
   */
  'codec'?: (string);
  /**
   * Display width in pixels (after rotation).
   */
  'width'?: (number);
  /**
   * Display height in pixels (after rotation).
   */
  'height'?: (number);
  /**
   * Clockwise degrees a player turns the coded picture to show it: 0, 90, 180 or 270.
   */
  'rotation'?: (number);
  /**
   * Frames per second.
   */
  'fps'?: (number | string);
  /**
   * Seconds from the container's start to the first video frame.
   */
  'startTime'?: (number | string);
  /**
   * Duration in seconds.
   */
  'duration'?: (number | string);
  /**
   * Number of video frames (an estimate unless frame_count_exact).
   */
  'frameCount'?: (number);
  /**
   * True when frame_count came from the container.
   */
  'frameCountExact'?: (boolean);
  /**
   * True when the container has an audio stream.
   */
  'hasAudio'?: (boolean);
}

/**
 * What a video file holds, as its container tells.
 */
export interface VideoInfo__Output {
  /**
   * The source as given.
   */
  'source': (string);
  /**
   * Container format names, e.g. "mov,mp4,m4a,3gp,3g2,mj2".
   */
  'container': (string);
  /**
   * Codec of the first video stream, e.g. "h264".
   */
  'codec': (string);
  /**
   * Display width in pixels (after rotation).
   */
  'width': (number);
  /**
   * Display height in pixels (after rotation).
   */
  'height': (number);
  /**
   * Clockwise degrees a player turns the coded picture to show it: 0, 90, 180 or 270.
   */
  'rotation': (number);
  /**
   * Frames per second.
   */
  'fps': (number);
  /**
   * Seconds from the container's start to the first video frame.
   */
  'startTime': (number);
  /**
   * Duration in seconds.
   */
  'duration': (number);
  /**
   * Number of video frames (an estimate unless frame_count_exact).
   */
  'frameCount': (number);
  /**
   * True when frame_count came from the container.
   */
  'frameCountExact': (boolean);
  /**
   * True when the container has an audio stream.
   */
  'hasAudio': (boolean);
}
