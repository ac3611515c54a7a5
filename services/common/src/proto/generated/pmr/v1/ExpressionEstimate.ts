// Original file: pmr/v1/face.proto

import type { Expression as _pmr_v1_Expression, Expression__Output as _pmr_v1_Expression__Output } from '../../pmr/v1/Expression.ts';
import type { ExpressionScore as _pmr_v1_ExpressionScore, ExpressionScore__Output as _pmr_v1_ExpressionScore__Output } from '../../pmr/v1/ExpressionScore.ts';

/**
 * The expression of one face: the most likely class and the score of every class.
 */
export interface ExpressionEstimate {
  /**
   * The most likely expression.
   */
  'value'?: (_pmr_v1_Expression);
  /**
   * Probability of value, in [0, 1].
   */
  'confidence'?: (number | string);
  /**
   * Probability of each of the seven expressions, summing to 1, in Expression order.
   */
  'scores'?: (_pmr_v1_ExpressionScore)[];
}

/**
 * The expression of one face: the most likely class and the score of every class.
 */
export interface ExpressionEstimate__Output {
  /**
   * The most likely expression.
   */
  'value': (_pmr_v1_Expression__Output);
  /**
   * Probability of value, in [0, 1].
   */
  'confidence': (number);
  /**
   * Probability of each of the seven expressions, summing to 1, in Expression order.
   */
  'scores': (_pmr_v1_ExpressionScore__Output)[];
}
