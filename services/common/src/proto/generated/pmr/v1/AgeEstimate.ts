// Original file: pmr/v1/face.proto


/**
 * An estimated age, in years, with an interval.
 */
export interface AgeEstimate {
  /**
   * Point estimate in years.
   */
  'value'?: (number | string);
  /**
   * Lower end of the interval in years (low <= value).
   */
  'low'?: (number | string);
  /**
   * Upper end of the interval in years (value <= high).
   */
  'high'?: (number | string);
}

/**
 * An estimated age, in years, with an interval.
 */
export interface AgeEstimate__Output {
  /**
   * Point estimate in years.
   */
  'value': (number);
  /**
   * Lower end of the interval in years (low <= value).
   */
  'low': (number);
  /**
   * Upper end of the interval in years (value <= high).
   */
  'high': (number);
}
