// Original file: pmr/v1/decoder_service.proto

/**
 * How consecutive frames are compared to skip near-duplicates.
 */
export const SkipMethod = {
  /**
   * Not set: the decoder's default (histogram).
   */
  SKIP_METHOD_UNSPECIFIED: 'SKIP_METHOD_UNSPECIFIED',
  /**
   * Every frame is analysed.
   */
  SKIP_METHOD_NONE: 'SKIP_METHOD_NONE',
  /**
   * Colour-histogram distance.
   */
  SKIP_METHOD_HISTOGRAM: 'SKIP_METHOD_HISTOGRAM',
  /**
   * Structural similarity of downscaled grey frames.
   */
  SKIP_METHOD_SSIM: 'SKIP_METHOD_SSIM',
} as const;

/**
 * How consecutive frames are compared to skip near-duplicates.
 */
export type SkipMethod =
  /**
   * Not set: the decoder's default (histogram).
   */
  | 'SKIP_METHOD_UNSPECIFIED'
  | 0
  /**
   * Every frame is analysed.
   */
  | 'SKIP_METHOD_NONE'
  | 1
  /**
   * Colour-histogram distance.
   */
  | 'SKIP_METHOD_HISTOGRAM'
  | 2
  /**
   * Structural similarity of downscaled grey frames.
   */
  | 'SKIP_METHOD_SSIM'
  | 3

/**
 * How consecutive frames are compared to skip near-duplicates.
 */
export type SkipMethod__Output = typeof SkipMethod[keyof typeof SkipMethod]
