// Original file: pmr/v1/collection_service.proto


/**
 * A face id a call could not act on, and why.
 */
export interface UnsuccessfulFace {
  /**
   * The face id as given.
   */
  'faceId'?: (string);
  /**
   * Why, e.g. "no such face" or "belongs to person alice".
   */
  'reason'?: (string);
}

/**
 * A face id a call could not act on, and why.
 */
export interface UnsuccessfulFace__Output {
  /**
   * The face id as given.
   */
  'faceId': (string);
  /**
   * Why, e.g. "no such face" or "belongs to person alice".
   */
  'reason': (string);
}
