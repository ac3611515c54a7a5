// Original file: pmr/v1/recognizer_service.proto

import type { QueryMatches as _pmr_v1_QueryMatches, QueryMatches__Output as _pmr_v1_QueryMatches__Output } from '../../pmr/v1/QueryMatches.ts';

/**
 * Response of RecognizerService.SearchGallery.
 */
export interface SearchGalleryResponse {
  /**
   * One entry per query, in the order of the request.
   */
  'results'?: (_pmr_v1_QueryMatches)[];
}

/**
 * Response of RecognizerService.SearchGallery.
 */
export interface SearchGalleryResponse__Output {
  /**
   * One entry per query, in the order of the request.
   */
  'results': (_pmr_v1_QueryMatches__Output)[];
}
