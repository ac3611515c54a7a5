// Original file: pmr/v1/pipeline.proto

import type { FaceAttributes as _pmr_v1_FaceAttributes, FaceAttributes__Output as _pmr_v1_FaceAttributes__Output } from '../../pmr/v1/FaceAttributes.ts';

/**
 * One face's attributes and the weight they carry in the track's vote.
 */
export interface WeightedAttributes {
  /**
   * Expression, age and gender of the face.
   */
  'attributes'?: (_pmr_v1_FaceAttributes | null);
  /**
   * Vote weight (the face quality).
   */
  'weight'?: (number | string);
}

/**
 * One face's attributes and the weight they carry in the track's vote.
 */
export interface WeightedAttributes__Output {
  /**
   * Expression, age and gender of the face.
   */
  'attributes': (_pmr_v1_FaceAttributes__Output | null);
  /**
   * Vote weight (the face quality).
   */
  'weight': (number);
}
