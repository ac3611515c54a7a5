// Original file: pmr/v1/collection_service.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Response of CollectionService.DeleteCollection.
 */
export interface DeleteCollectionResponse {
  /**
   * Faces deleted with it.
   */
  'deletedFaces'?: (number | string | Long);
}

/**
 * Response of CollectionService.DeleteCollection.
 */
export interface DeleteCollectionResponse__Output {
  /**
   * Faces deleted with it.
   */
  'deletedFaces': (string);
}
