// Original file: pmr/v1/result.proto


/**
 * A gallery photo that was not enrolled, and why.
 */
export interface RejectedPhoto {
  /**
   * The photo's file name as uploaded.
   */
  'file'?: (string);
  /**
   * Why it was rejected, e.g. "no face found" or "2 faces found".
   */
  'reason'?: (string);
}

/**
 * A gallery photo that was not enrolled, and why.
 */
export interface RejectedPhoto__Output {
  /**
   * The photo's file name as uploaded.
   */
  'file': (string);
  /**
   * Why it was rejected, e.g. "no face found" or "2 faces found".
   */
  'reason': (string);
}
