// Original file: pmr/v1/collection_service.proto

import type { Collection as _pmr_v1_Collection, Collection__Output as _pmr_v1_Collection__Output } from '../../pmr/v1/Collection.ts';

/**
 * Response of CollectionService.CreateCollection.
 */
export interface CreateCollectionResponse {
  /**
   * The new, empty collection.
   */
  'collection'?: (_pmr_v1_Collection | null);
}

/**
 * Response of CollectionService.CreateCollection.
 */
export interface CreateCollectionResponse__Output {
  /**
   * The new, empty collection.
   */
  'collection': (_pmr_v1_Collection__Output | null);
}
