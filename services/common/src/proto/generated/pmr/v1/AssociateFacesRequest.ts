// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.AssociateFaces.
 */
export interface AssociateFacesRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * The person.
   */
  'personId'?: (string);
  /**
   * The faces (1 to 100).
   */
  'faceIds'?: (string)[];
}

/**
 * Request of CollectionService.AssociateFaces.
 */
export interface AssociateFacesRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * The person.
   */
  'personId': (string);
  /**
   * The faces (1 to 100).
   */
  'faceIds': (string)[];
}
