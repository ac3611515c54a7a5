// Original file: pmr/v1/result.proto


/**
 * Milliseconds one stage of the pipeline spent.
 */
export interface StageTime {
  /**
   * Stage name: "decode", "detect", "track", "embed" or "attributes".
   */
  'stage'?: (string);
  /**
   * Milliseconds spent in it (stages overlap, so they can sum past the elapsed time).
   */
  'milliseconds'?: (number | string);
}

/**
 * Milliseconds one stage of the pipeline spent.
 */
export interface StageTime__Output {
  /**
   * Stage name: "decode", "detect", "track", "embed" or "attributes".
   */
  'stage': (string);
  /**
   * Milliseconds spent in it (stages overlap, so they can sum past the elapsed time).
   */
  'milliseconds': (number);
}
