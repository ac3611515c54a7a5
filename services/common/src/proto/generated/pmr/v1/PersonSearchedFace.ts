// Original file: pmr/v1/collection_service.proto

import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from '../../pmr/v1/FaceDetail.ts';
import type { PersonMatch as _pmr_v1_PersonMatch, PersonMatch__Output as _pmr_v1_PersonMatch__Output } from '../../pmr/v1/PersonMatch.ts';

/**
 * One face of the searched image and the persons it may be.
 */
export interface PersonSearchedFace {
  /**
   * The face.
   */
  'detail'?: (_pmr_v1_FaceDetail | null);
  /**
   * Its matches, most similar first.
   */
  'personMatches'?: (_pmr_v1_PersonMatch)[];
}

/**
 * One face of the searched image and the persons it may be.
 */
export interface PersonSearchedFace__Output {
  /**
   * The face.
   */
  'detail': (_pmr_v1_FaceDetail__Output | null);
  /**
   * Its matches, most similar first.
   */
  'personMatches': (_pmr_v1_PersonMatch__Output)[];
}
