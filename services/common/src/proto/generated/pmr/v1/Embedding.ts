// Original file: pmr/v1/recognizer_service.proto


/**
 * A face embedding.
 */
export interface Embedding {
  /**
   * The vector, unit length (128 values for MobileFaceNet).
   */
  'values'?: (number | string)[];
}

/**
 * A face embedding.
 */
export interface Embedding__Output {
  /**
   * The vector, unit length (128 values for MobileFaceNet).
   */
  'values': (number)[];
}
