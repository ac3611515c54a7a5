// Original file: pmr/v1/collection_service.proto

import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from '../../pmr/v1/FaceDetail.ts';
import type { FaceMatch as _pmr_v1_FaceMatch, FaceMatch__Output as _pmr_v1_FaceMatch__Output } from '../../pmr/v1/FaceMatch.ts';

/**
 * One face of the searched image and its matches.
 */
export interface SearchedFace {
  /**
   * The face.
   */
  'detail'?: (_pmr_v1_FaceDetail | null);
  /**
   * Its matches, most similar first.
   */
  'faceMatches'?: (_pmr_v1_FaceMatch)[];
}

/**
 * One face of the searched image and its matches.
 */
export interface SearchedFace__Output {
  /**
   * The face.
   */
  'detail': (_pmr_v1_FaceDetail__Output | null);
  /**
   * Its matches, most similar first.
   */
  'faceMatches': (_pmr_v1_FaceMatch__Output)[];
}
