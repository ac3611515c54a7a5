// Original file: pmr/v1/image.proto


/**
 * The size of an image in pixels.
 */
export interface ImageSize {
  /**
   * Width in pixels.
   */
  'width'?: (number);
  /**
   * Height in pixels.
   */
  'height'?: (number);
}

/**
 * The size of an image in pixels.
 */
export interface ImageSize__Output {
  /**
   * Width in pixels.
   */
  'width': (number);
  /**
   * Height in pixels.
   */
  'height': (number);
}
