// Original file: pmr/v1/image.proto

import type { ImageEncoding as _pmr_v1_ImageEncoding, ImageEncoding__Output as _pmr_v1_ImageEncoding__Output } from '../../pmr/v1/ImageEncoding.ts';

/**
 * A picture: a video frame, a face chip or a photo. Raw RGB24 costs bandwidth, JPEG costs CPU to encode and
 * decode; the sender chooses. A 1920x1080 RGB24 frame is 6,220,800 bytes, above gRPC's default 4 MiB receive
 * limit and NATS's default 1 MiB payload: see proto/README.md for the limits each transport applies.
 */
export interface Image {
  /**
   * Encoding of data.
   */
  'encoding'?: (_pmr_v1_ImageEncoding);
  /**
   * Width in pixels (after any rotation: the picture as displayed); at least 1.
   */
  'width'?: (number);
  /**
   * Height in pixels; at least 1.
   */
  'height'?: (number);
  /**
   * The pixels, encoded as encoding says.
   */
  'data'?: (Buffer | Uint8Array | string);
}

/**
 * A picture: a video frame, a face chip or a photo. Raw RGB24 costs bandwidth, JPEG costs CPU to encode and
 * decode; the sender chooses. A 1920x1080 RGB24 frame is 6,220,800 bytes, above gRPC's default 4 MiB receive
 * limit and NATS's default 1 MiB payload: see proto/README.md for the limits each transport applies.
 */
export interface Image__Output {
  /**
   * Encoding of data.
   */
  'encoding': (_pmr_v1_ImageEncoding__Output);
  /**
   * Width in pixels (after any rotation: the picture as displayed); at least 1.
   */
  'width': (number);
  /**
   * Height in pixels; at least 1.
   */
  'height': (number);
  /**
   * The pixels, encoded as encoding says.
   */
  'data': (Buffer);
}
