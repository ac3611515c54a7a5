// Original file: pmr/v1/collection_service.proto

import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from '../../pmr/v1/FaceDetail.ts';
import type { UnindexedReason as _pmr_v1_UnindexedReason, UnindexedReason__Output as _pmr_v1_UnindexedReason__Output } from '../../pmr/v1/UnindexedReason.ts';

/**
 * A detected face that was not indexed.
 */
export interface UnindexedFace {
  /**
   * What was found about it.
   */
  'detail'?: (_pmr_v1_FaceDetail | null);
  /**
   * Why it was not indexed.
   */
  'reasons'?: (_pmr_v1_UnindexedReason)[];
}

/**
 * A detected face that was not indexed.
 */
export interface UnindexedFace__Output {
  /**
   * What was found about it.
   */
  'detail': (_pmr_v1_FaceDetail__Output | null);
  /**
   * Why it was not indexed.
   */
  'reasons': (_pmr_v1_UnindexedReason__Output)[];
}
