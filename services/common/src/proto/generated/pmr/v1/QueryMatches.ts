// Original file: pmr/v1/recognizer_service.proto

import type { GalleryMatch as _pmr_v1_GalleryMatch, GalleryMatch__Output as _pmr_v1_GalleryMatch__Output } from '../../pmr/v1/GalleryMatch.ts';

/**
 * The matches of one query, best first.
 */
export interface QueryMatches {
  /**
   * Best first. A match is not an identification: the caller applies its acceptance threshold.
   */
  'matches'?: (_pmr_v1_GalleryMatch)[];
}

/**
 * The matches of one query, best first.
 */
export interface QueryMatches__Output {
  /**
   * Best first. A match is not an identification: the caller applies its acceptance threshold.
   */
  'matches': (_pmr_v1_GalleryMatch__Output)[];
}
