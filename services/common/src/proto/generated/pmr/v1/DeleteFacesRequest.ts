// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.DeleteFaces.
 */
export interface DeleteFacesRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * The faces to delete (1 to 1000).
   */
  'faceIds'?: (string)[];
}

/**
 * Request of CollectionService.DeleteFaces.
 */
export interface DeleteFacesRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * The faces to delete (1 to 1000).
   */
  'faceIds': (string)[];
}
