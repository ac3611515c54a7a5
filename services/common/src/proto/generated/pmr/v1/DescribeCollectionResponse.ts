// Original file: pmr/v1/collection_service.proto

import type { Collection as _pmr_v1_Collection, Collection__Output as _pmr_v1_Collection__Output } from '../../pmr/v1/Collection.ts';

/**
 * Response of CollectionService.DescribeCollection.
 */
export interface DescribeCollectionResponse {
  /**
   * The collection as it stands.
   */
  'collection'?: (_pmr_v1_Collection | null);
}

/**
 * Response of CollectionService.DescribeCollection.
 */
export interface DescribeCollectionResponse__Output {
  /**
   * The collection as it stands.
   */
  'collection': (_pmr_v1_Collection__Output | null);
}
