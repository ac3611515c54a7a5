// Original file: pmr/v1/face.proto

import type { Gender as _pmr_v1_Gender, Gender__Output as _pmr_v1_Gender__Output } from '../../pmr/v1/Gender.ts';

/**
 * An estimated gender and the model's confidence.
 */
export interface GenderEstimate {
  /**
   * The class.
   */
  'value'?: (_pmr_v1_Gender);
  /**
   * Probability of value, in [0.5, 1].
   */
  'confidence'?: (number | string);
}

/**
 * An estimated gender and the model's confidence.
 */
export interface GenderEstimate__Output {
  /**
   * The class.
   */
  'value': (_pmr_v1_Gender__Output);
  /**
   * Probability of value, in [0.5, 1].
   */
  'confidence': (number);
}
