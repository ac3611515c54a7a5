// Original file: pmr/v1/image_service.proto

import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from '../../pmr/v1/FaceDetail.ts';

/**
 * A target face and its similarity to the source face.
 */
export interface CompareFacesMatch {
  /**
   * The target face.
   */
  'face'?: (_pmr_v1_FaceDetail | null);
  /**
   * Cosine similarity to the source face, in [-1, 1].
   */
  'similarity'?: (number | string);
}

/**
 * A target face and its similarity to the source face.
 */
export interface CompareFacesMatch__Output {
  /**
   * The target face.
   */
  'face': (_pmr_v1_FaceDetail__Output | null);
  /**
   * Cosine similarity to the source face, in [-1, 1].
   */
  'similarity': (number);
}
