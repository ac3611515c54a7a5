// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.CreateCollection.
 */
export interface CreateCollectionRequest {
  /**
   * The new collection's id.
   */
  'collectionId'?: (string);
  /**
   * Labels stored with the collection.
   */
  'tags'?: ({[key: string]: string});
}

/**
 * Request of CollectionService.CreateCollection.
 */
export interface CreateCollectionRequest__Output {
  /**
   * The new collection's id.
   */
  'collectionId': (string);
  /**
   * Labels stored with the collection.
   */
  'tags': ({[key: string]: string});
}
