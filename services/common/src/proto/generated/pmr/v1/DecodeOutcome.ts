// Original file: pmr/v1/decoder_service.proto


/**
 * How a decode ended.
 */
export interface DecodeOutcome {
  /**
   * True when the whole video was decoded.
   */
  'complete'?: (boolean);
  /**
   * Source frames covered by the emitted frames.
   */
  'sourceFrames'?: (number);
  /**
   * Frames decoded and looked at (every source frame without fps sampling; the sampled ones with it).
   */
  'decodedFrames'?: (number);
  /**
   * Frames emitted for analysis.
   */
  'emittedFrames'?: (number);
  /**
   * Why the decode is not complete, as one line; empty when complete.
   */
  'error'?: (string);
}

/**
 * How a decode ended.
 */
export interface DecodeOutcome__Output {
  /**
   * True when the whole video was decoded.
   */
  'complete': (boolean);
  /**
   * Source frames covered by the emitted frames.
   */
  'sourceFrames': (number);
  /**
   * Frames decoded and looked at (every source frame without fps sampling; the sampled ones with it).
   */
  'decodedFrames': (number);
  /**
   * Frames emitted for analysis.
   */
  'emittedFrames': (number);
  /**
   * Why the decode is not complete, as one line; empty when complete.
   */
  'error': (string);
}
