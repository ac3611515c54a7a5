// Original file: pmr/v1/recognizer_service.proto

import type { Embedding as _pmr_v1_Embedding, Embedding__Output as _pmr_v1_Embedding__Output } from '../../pmr/v1/Embedding.ts';

/**
 * Request of RecognizerService.SearchGallery.
 */
export interface SearchGalleryRequest {
  /**
   * Id of the gallery (a collection, or the gallery enrolled for a job).
   */
  'galleryId'?: (string);
  /**
   * The embeddings to look up, at most 256.
   */
  'queries'?: (_pmr_v1_Embedding)[];
  /**
   * Most matches returned per query (1 to 100); 0: 1.
   */
  'maxMatches'?: (number);
}

/**
 * Request of RecognizerService.SearchGallery.
 */
export interface SearchGalleryRequest__Output {
  /**
   * Id of the gallery (a collection, or the gallery enrolled for a job).
   */
  'galleryId': (string);
  /**
   * The embeddings to look up, at most 256.
   */
  'queries': (_pmr_v1_Embedding__Output)[];
  /**
   * Most matches returned per query (1 to 100); 0: 1.
   */
  'maxMatches': (number);
}
