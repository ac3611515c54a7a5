// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.DescribeCollection.
 */
export interface DescribeCollectionRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
}

/**
 * Request of CollectionService.DescribeCollection.
 */
export interface DescribeCollectionRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
}
