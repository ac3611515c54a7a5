// Original file: pmr/v1/collection_service.proto

import type { UnsuccessfulFace as _pmr_v1_UnsuccessfulFace, UnsuccessfulFace__Output as _pmr_v1_UnsuccessfulFace__Output } from '../../pmr/v1/UnsuccessfulFace.ts';

/**
 * Response of CollectionService.AssociateFaces.
 */
export interface AssociateFacesResponse {
  /**
   * The faces now associated with the person (including those that already were).
   */
  'associatedFaceIds'?: (string)[];
  /**
   * The faces that could not be: unknown, or another person's.
   */
  'unsuccessfulFaces'?: (_pmr_v1_UnsuccessfulFace)[];
}

/**
 * Response of CollectionService.AssociateFaces.
 */
export interface AssociateFacesResponse__Output {
  /**
   * The faces now associated with the person (including those that already were).
   */
  'associatedFaceIds': (string)[];
  /**
   * The faces that could not be: unknown, or another person's.
   */
  'unsuccessfulFaces': (_pmr_v1_UnsuccessfulFace__Output)[];
}
