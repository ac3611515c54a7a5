// Original file: pmr/v1/face.proto

import type { Expression as _pmr_v1_Expression, Expression__Output as _pmr_v1_Expression__Output } from '../../pmr/v1/Expression.ts';

/**
 * The score (a probability, or a share of votes) of one expression.
 */
export interface ExpressionScore {
  /**
   * The expression.
   */
  'expression'?: (_pmr_v1_Expression);
  /**
   * Its score in [0, 1].
   */
  'score'?: (number | string);
}

/**
 * The score (a probability, or a share of votes) of one expression.
 */
export interface ExpressionScore__Output {
  /**
   * The expression.
   */
  'expression': (_pmr_v1_Expression__Output);
  /**
   * Its score in [0, 1].
   */
  'score': (number);
}
