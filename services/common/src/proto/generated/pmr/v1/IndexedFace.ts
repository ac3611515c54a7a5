// Original file: pmr/v1/collection_service.proto

import type { Face as _pmr_v1_Face, Face__Output as _pmr_v1_Face__Output } from '../../pmr/v1/Face.ts';
import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from '../../pmr/v1/FaceDetail.ts';

/**
 * A face that was indexed.
 */
export interface IndexedFace {
  /**
   * The stored face.
   */
  'face'?: (_pmr_v1_Face | null);
  /**
   * What was found about it.
   */
  'detail'?: (_pmr_v1_FaceDetail | null);
}

/**
 * A face that was indexed.
 */
export interface IndexedFace__Output {
  /**
   * The stored face.
   */
  'face': (_pmr_v1_Face__Output | null);
  /**
   * What was found about it.
   */
  'detail': (_pmr_v1_FaceDetail__Output | null);
}
