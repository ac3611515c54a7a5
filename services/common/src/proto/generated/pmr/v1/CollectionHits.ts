// Original file: pmr/v1/recognizer_service.proto

import type { CollectionHit as _pmr_v1_CollectionHit, CollectionHit__Output as _pmr_v1_CollectionHit__Output } from '../../pmr/v1/CollectionHit.ts';

/**
 * The hits of one query, most similar first (ties by id).
 */
export interface CollectionHits {
  /**
   * Most similar first.
   */
  'hits'?: (_pmr_v1_CollectionHit)[];
}

/**
 * The hits of one query, most similar first (ties by id).
 */
export interface CollectionHits__Output {
  /**
   * Most similar first.
   */
  'hits': (_pmr_v1_CollectionHit__Output)[];
}
