// Original file: pmr/v1/recognizer_service.proto

import type { Embedding as _pmr_v1_Embedding, Embedding__Output as _pmr_v1_Embedding__Output } from '../../pmr/v1/Embedding.ts';
import type { SearchTarget as _pmr_v1_SearchTarget, SearchTarget__Output as _pmr_v1_SearchTarget__Output } from '../../pmr/v1/SearchTarget.ts';

/**
 * Request of RecognizerService.SearchCollection.
 */
export interface SearchCollectionRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * Unit-length query embeddings, at most 256.
   */
  'queries'?: (_pmr_v1_Embedding)[];
  /**
   * What to rank.
   */
  'target'?: (_pmr_v1_SearchTarget);
  /**
   * Most hits per query (1 to 4096).
   */
  'maxResults'?: (number);
  /**
   * Least similarity of a hit, in [-1, 1].
   */
  'minSimilarity'?: (number | string);
}

/**
 * Request of RecognizerService.SearchCollection.
 */
export interface SearchCollectionRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * Unit-length query embeddings, at most 256.
   */
  'queries': (_pmr_v1_Embedding__Output)[];
  /**
   * What to rank.
   */
  'target': (_pmr_v1_SearchTarget__Output);
  /**
   * Most hits per query (1 to 4096).
   */
  'maxResults': (number);
  /**
   * Least similarity of a hit, in [-1, 1].
   */
  'minSimilarity': (number);
}
