// Original file: pmr/v1/collection_service.proto

import type { UnsuccessfulFace as _pmr_v1_UnsuccessfulFace, UnsuccessfulFace__Output as _pmr_v1_UnsuccessfulFace__Output } from '../../pmr/v1/UnsuccessfulFace.ts';

/**
 * Response of CollectionService.DisassociateFaces.
 */
export interface DisassociateFacesResponse {
  /**
   * The faces no longer associated with the person.
   */
  'disassociatedFaceIds'?: (string)[];
  /**
   * The faces that were not the person's.
   */
  'unsuccessfulFaces'?: (_pmr_v1_UnsuccessfulFace)[];
}

/**
 * Response of CollectionService.DisassociateFaces.
 */
export interface DisassociateFacesResponse__Output {
  /**
   * The faces no longer associated with the person.
   */
  'disassociatedFaceIds': (string)[];
  /**
   * The faces that were not the person's.
   */
  'unsuccessfulFaces': (_pmr_v1_UnsuccessfulFace__Output)[];
}
