// Original file: pmr/v1/collection_service.proto

import type { Box as _pmr_v1_Box, Box__Output as _pmr_v1_Box__Output } from '../../pmr/v1/Box.ts';
import type { FaceQuality as _pmr_v1_FaceQuality, FaceQuality__Output as _pmr_v1_FaceQuality__Output } from '../../pmr/v1/FaceQuality.ts';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp.ts';

/**
 * A face of a collection.
 */
export interface Face {
  /**
   * Id assigned when it was indexed.
   */
  'faceId'?: (string);
  /**
   * The person it belongs to; empty when none.
   */
  'personId'?: (string);
  /**
   * The external_image_id given when it was indexed.
   */
  'externalImageId'?: (string);
  /**
   * Lower-case hex SHA-256 of the image it was indexed from.
   */
  'imageSha256'?: (string);
  /**
   * Its box in the pixels of that image.
   */
  'box'?: (_pmr_v1_Box | null);
  /**
   * Detector confidence in [0, 1].
   */
  'confidence'?: (number | string);
  /**
   * Its quality when indexed.
   */
  'quality'?: (_pmr_v1_FaceQuality | null);
  /**
   * When it was indexed.
   */
  'indexTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * A face of a collection.
 */
export interface Face__Output {
  /**
   * Id assigned when it was indexed.
   */
  'faceId': (string);
  /**
   * The person it belongs to; empty when none.
   */
  'personId': (string);
  /**
   * The external_image_id given when it was indexed.
   */
  'externalImageId': (string);
  /**
   * Lower-case hex SHA-256 of the image it was indexed from.
   */
  'imageSha256': (string);
  /**
   * Its box in the pixels of that image.
   */
  'box': (_pmr_v1_Box__Output | null);
  /**
   * Detector confidence in [0, 1].
   */
  'confidence': (number);
  /**
   * Its quality when indexed.
   */
  'quality': (_pmr_v1_FaceQuality__Output | null);
  /**
   * When it was indexed.
   */
  'indexTime': (_google_protobuf_Timestamp__Output | null);
}
