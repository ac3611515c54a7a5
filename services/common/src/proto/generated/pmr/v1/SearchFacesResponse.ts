// Original file: pmr/v1/collection_service.proto

import type { FaceMatch as _pmr_v1_FaceMatch, FaceMatch__Output as _pmr_v1_FaceMatch__Output } from '../../pmr/v1/FaceMatch.ts';

/**
 * Response of CollectionService.SearchFaces.
 */
export interface SearchFacesResponse {
  /**
   * The matches, most similar first.
   */
  'faceMatches'?: (_pmr_v1_FaceMatch)[];
}

/**
 * Response of CollectionService.SearchFaces.
 */
export interface SearchFacesResponse__Output {
  /**
   * The matches, most similar first.
   */
  'faceMatches': (_pmr_v1_FaceMatch__Output)[];
}
