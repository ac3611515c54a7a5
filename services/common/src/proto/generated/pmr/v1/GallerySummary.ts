// Original file: pmr/v1/result.proto

import type { RejectedPhoto as _pmr_v1_RejectedPhoto, RejectedPhoto__Output as _pmr_v1_RejectedPhoto__Output } from '../../pmr/v1/RejectedPhoto.ts';

/**
 * How the gallery given with a job was enrolled.
 */
export interface GallerySummary {
  /**
   * Persons enrolled.
   */
  'persons'?: (number);
  /**
   * Photos enrolled.
   */
  'accepted'?: (number);
  /**
   * Photos rejected, with reasons.
   */
  'rejected'?: (_pmr_v1_RejectedPhoto)[];
}

/**
 * How the gallery given with a job was enrolled.
 */
export interface GallerySummary__Output {
  /**
   * Persons enrolled.
   */
  'persons': (number);
  /**
   * Photos enrolled.
   */
  'accepted': (number);
  /**
   * Photos rejected, with reasons.
   */
  'rejected': (_pmr_v1_RejectedPhoto__Output)[];
}
