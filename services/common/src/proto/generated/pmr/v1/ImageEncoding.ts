// Original file: pmr/v1/image.proto

/**
 * How the bytes of an Image are encoded.
 */
export const ImageEncoding = {
  /**
   * Not set: rejected with INVALID_ARGUMENT wherever an image is required.
   */
  IMAGE_ENCODING_UNSPECIFIED: 'IMAGE_ENCODING_UNSPECIFIED',
  /**
   * Packed RGB24: 3 bytes per pixel (R, G, B), row-major, no row padding; data holds width * height * 3 bytes.
   */
  IMAGE_ENCODING_RGB24: 'IMAGE_ENCODING_RGB24',
  /**
   * A baseline or progressive JPEG file; width and height must equal the size in its header.
   */
  IMAGE_ENCODING_JPEG: 'IMAGE_ENCODING_JPEG',
} as const;

/**
 * How the bytes of an Image are encoded.
 */
export type ImageEncoding =
  /**
   * Not set: rejected with INVALID_ARGUMENT wherever an image is required.
   */
  | 'IMAGE_ENCODING_UNSPECIFIED'
  | 0
  /**
   * Packed RGB24: 3 bytes per pixel (R, G, B), row-major, no row padding; data holds width * height * 3 bytes.
   */
  | 'IMAGE_ENCODING_RGB24'
  | 1
  /**
   * A baseline or progressive JPEG file; width and height must equal the size in its header.
   */
  | 'IMAGE_ENCODING_JPEG'
  | 2

/**
 * How the bytes of an Image are encoded.
 */
export type ImageEncoding__Output = typeof ImageEncoding[keyof typeof ImageEncoding]
