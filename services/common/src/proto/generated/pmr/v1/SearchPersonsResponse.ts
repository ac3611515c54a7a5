// Original file: pmr/v1/collection_service.proto

import type { PersonMatch as _pmr_v1_PersonMatch, PersonMatch__Output as _pmr_v1_PersonMatch__Output } from '../../pmr/v1/PersonMatch.ts';

/**
 * Response of CollectionService.SearchPersons.
 */
export interface SearchPersonsResponse {
  /**
   * The matches, most similar first.
   */
  'personMatches'?: (_pmr_v1_PersonMatch)[];
}

/**
 * Response of CollectionService.SearchPersons.
 */
export interface SearchPersonsResponse__Output {
  /**
   * The matches, most similar first.
   */
  'personMatches': (_pmr_v1_PersonMatch__Output)[];
}
