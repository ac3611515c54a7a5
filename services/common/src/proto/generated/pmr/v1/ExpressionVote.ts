// Original file: pmr/v1/result.proto

import type { Expression as _pmr_v1_Expression, Expression__Output as _pmr_v1_Expression__Output } from '../../pmr/v1/Expression.ts';
import type { ExpressionScore as _pmr_v1_ExpressionScore, ExpressionScore__Output as _pmr_v1_ExpressionScore__Output } from '../../pmr/v1/ExpressionScore.ts';

/**
 * The expression of a track, decided by a quality-weighted vote of its faces.
 */
export interface ExpressionVote {
  /**
   * The winning expression.
   */
  'value'?: (_pmr_v1_Expression);
  /**
   * Share of the vote the winner got, in [0, 1].
   */
  'confidence'?: (number | string);
  /**
   * Share of the vote of each expression that got any; the shares sum to 1.
   */
  'shares'?: (_pmr_v1_ExpressionScore)[];
}

/**
 * The expression of a track, decided by a quality-weighted vote of its faces.
 */
export interface ExpressionVote__Output {
  /**
   * The winning expression.
   */
  'value': (_pmr_v1_Expression__Output);
  /**
   * Share of the vote the winner got, in [0, 1].
   */
  'confidence': (number);
  /**
   * Share of the vote of each expression that got any; the shares sum to 1.
   */
  'shares': (_pmr_v1_ExpressionScore__Output)[];
}
