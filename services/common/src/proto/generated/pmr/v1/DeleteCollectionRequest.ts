// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.DeleteCollection.
 */
export interface DeleteCollectionRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
}

/**
 * Request of CollectionService.DeleteCollection.
 */
export interface DeleteCollectionRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
}
