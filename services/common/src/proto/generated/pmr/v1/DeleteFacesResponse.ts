// Original file: pmr/v1/collection_service.proto

import type { UnsuccessfulFace as _pmr_v1_UnsuccessfulFace, UnsuccessfulFace__Output as _pmr_v1_UnsuccessfulFace__Output } from '../../pmr/v1/UnsuccessfulFace.ts';

/**
 * Response of CollectionService.DeleteFaces.
 */
export interface DeleteFacesResponse {
  /**
   * The faces deleted.
   */
  'deletedFaceIds'?: (string)[];
  /**
   * The ids that named no face of the collection.
   */
  'unsuccessfulFaces'?: (_pmr_v1_UnsuccessfulFace)[];
}

/**
 * Response of CollectionService.DeleteFaces.
 */
export interface DeleteFacesResponse__Output {
  /**
   * The faces deleted.
   */
  'deletedFaceIds': (string)[];
  /**
   * The ids that named no face of the collection.
   */
  'unsuccessfulFaces': (_pmr_v1_UnsuccessfulFace__Output)[];
}
