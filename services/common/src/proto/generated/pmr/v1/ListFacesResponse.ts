// Original file: pmr/v1/collection_service.proto

import type { Face as _pmr_v1_Face, Face__Output as _pmr_v1_Face__Output } from '../../pmr/v1/Face.ts';

/**
 * Response of CollectionService.ListFaces.
 */
export interface ListFacesResponse {
  /**
   * One page of faces, by face id.
   */
  'faces'?: (_pmr_v1_Face)[];
  /**
   * Token of the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of CollectionService.ListFaces.
 */
export interface ListFacesResponse__Output {
  /**
   * One page of faces, by face id.
   */
  'faces': (_pmr_v1_Face__Output)[];
  /**
   * Token of the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
