// Original file: pmr/v1/collection_service.proto

import type { Collection as _pmr_v1_Collection, Collection__Output as _pmr_v1_Collection__Output } from '../../pmr/v1/Collection.ts';

/**
 * Response of CollectionService.ListCollections.
 */
export interface ListCollectionsResponse {
  /**
   * One page of collections, by id.
   */
  'collections'?: (_pmr_v1_Collection)[];
  /**
   * Token of the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of CollectionService.ListCollections.
 */
export interface ListCollectionsResponse__Output {
  /**
   * One page of collections, by id.
   */
  'collections': (_pmr_v1_Collection__Output)[];
  /**
   * Token of the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
