// Original file: pmr/v1/face.proto

import type { ExpressionEstimate as _pmr_v1_ExpressionEstimate, ExpressionEstimate__Output as _pmr_v1_ExpressionEstimate__Output } from '../../pmr/v1/ExpressionEstimate.ts';
import type { AgeEstimate as _pmr_v1_AgeEstimate, AgeEstimate__Output as _pmr_v1_AgeEstimate__Output } from '../../pmr/v1/AgeEstimate.ts';
import type { GenderEstimate as _pmr_v1_GenderEstimate, GenderEstimate__Output as _pmr_v1_GenderEstimate__Output } from '../../pmr/v1/GenderEstimate.ts';

/**
 * Attributes of one analysed face.
 */
export interface FaceAttributes {
  /**
   * Always set.
   */
  'expression'?: (_pmr_v1_ExpressionEstimate | null);
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
 * Attributes of one analysed face.
 */
export interface FaceAttributes__Output {
  /**
   * Always set.
   */
  'expression': (_pmr_v1_ExpressionEstimate__Output | null);
  /**
   * Unset when no age/gender model is configured.
   */
  'age': (_pmr_v1_AgeEstimate__Output | null);
  /**
   * Unset when no age/gender model is configured.
   */
  'gender': (_pmr_v1_GenderEstimate__Output | null);
}
