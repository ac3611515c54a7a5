// Original file: pmr/v1/geometry.proto


/**
 * A point in pixels of the image it belongs to; (0, 0) is the top-left corner of the top-left pixel.
 */
export interface Point {
  /**
   * Horizontal position in pixels, growing to the right.
   */
  'x'?: (number | string);
  /**
   * Vertical position in pixels, growing downwards.
   */
  'y'?: (number | string);
}

/**
 * A point in pixels of the image it belongs to; (0, 0) is the top-left corner of the top-left pixel.
 */
export interface Point__Output {
  /**
   * Horizontal position in pixels, growing to the right.
   */
  'x': (number);
  /**
   * Vertical position in pixels, growing downwards.
   */
  'y': (number);
}
