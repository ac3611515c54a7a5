// Original file: pmr/v1/result.proto

import type { ExpressionVote as _pmr_v1_ExpressionVote, ExpressionVote__Output as _pmr_v1_ExpressionVote__Output } from '../../pmr/v1/ExpressionVote.ts';
import type { AgeEstimate as _pmr_v1_AgeEstimate, AgeEstimate__Output as _pmr_v1_AgeEstimate__Output } from '../../pmr/v1/AgeEstimate.ts';
import type { GenderEstimate as _pmr_v1_GenderEstimate, GenderEstimate__Output as _pmr_v1_GenderEstimate__Output } from '../../pmr/v1/GenderEstimate.ts';

/**
 * Attributes of a track, combined over its analysed faces.
 */
export interface TrackAttributes {
  /**
   * Unset when no face of the track was analysed.
   */
  'expression'?: (_pmr_v1_ExpressionVote | null);
  /**
   * Unset when no age/gender model is configured.
   */
  'age'?: (_pmr_v1_AgeEstimate | null);
  /**
   * Unset when no age/gender model is configured.
   */
  'gender'?: (_pmr_v1_GenderEstimate | null);
}

/**
 * Attributes of a track, combined over its analysed faces.
 */
export interface TrackAttributes__Output {
  /**
   * Unset when no face of the track was analysed.
   */
  'expression': (_pmr_v1_ExpressionVote__Output | null);
  /**
   * Unset when no age/gender model is configured.
   */
  'age': (_pmr_v1_AgeEstimate__Output | null);
  /**
   * Unset when no age/gender model is configured.
   */
  'gender': (_pmr_v1_GenderEstimate__Output | null);
}
