// Original file: pmr/v1/geometry.proto


/**
 * An axis-aligned box in pixels: top-left corner plus size.
 */
export interface Box {
  /**
   * Left edge in pixels.
   */
  'x'?: (number | string);
  /**
   * Top edge in pixels.
   */
  'y'?: (number | string);
  /**
   * Width in pixels; a usable box has width > 0.
   */
  'width'?: (number | string);
  /**
   * Height in pixels; a usable box has height > 0.
   */
  'height'?: (number | string);
}

/**
 * An axis-aligned box in pixels: top-left corner plus size.
 */
export interface Box__Output {
  /**
   * Left edge in pixels.
   */
  'x': (number);
  /**
   * Top edge in pixels.
   */
  'y': (number);
  /**
   * Width in pixels; a usable box has width > 0.
   */
  'width': (number);
  /**
   * Height in pixels; a usable box has height > 0.
   */
  'height': (number);
}
