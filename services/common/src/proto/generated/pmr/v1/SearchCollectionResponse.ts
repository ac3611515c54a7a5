// Original file: pmr/v1/recognizer_service.proto

import type { CollectionHits as _pmr_v1_CollectionHits, CollectionHits__Output as _pmr_v1_CollectionHits__Output } from '../../pmr/v1/CollectionHits.ts';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of RecognizerService.SearchCollection.
 */
export interface SearchCollectionResponse {
  /**
   * One entry per query, in the order of the request.
   */
  'results'?: (_pmr_v1_CollectionHits)[];
  /**
   * The collection version the recognizer's copy was at.
   */
  'version'?: (number | string | Long);
}

/**
 * Response of RecognizerService.SearchCollection.
 */
export interface SearchCollectionResponse__Output {
  /**
   * One entry per query, in the order of the request.
   */
  'results': (_pmr_v1_CollectionHits__Output)[];
  /**
   * The collection version the recognizer's copy was at.
   */
  'version': (string);
}
