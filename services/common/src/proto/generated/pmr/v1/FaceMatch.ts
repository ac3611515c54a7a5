// Original file: pmr/v1/collection_service.proto

import type { Face as _pmr_v1_Face, Face__Output as _pmr_v1_Face__Output } from '../../pmr/v1/Face.ts';

/**
 * A face of the collection and its similarity to the query.
 */
export interface FaceMatch {
  /**
   * The face.
   */
  'face'?: (_pmr_v1_Face | null);
  /**
   * Cosine similarity in [-1, 1].
   */
  'similarity'?: (number | string);
}

/**
 * A face of the collection and its similarity to the query.
 */
export interface FaceMatch__Output {
  /**
   * The face.
   */
  'face': (_pmr_v1_Face__Output | null);
  /**
   * Cosine similarity in [-1, 1].
   */
  'similarity': (number);
}
