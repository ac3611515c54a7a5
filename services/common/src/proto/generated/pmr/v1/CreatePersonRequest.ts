// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.CreatePerson.
 */
export interface CreatePersonRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * The new person's id.
   */
  'personId'?: (string);
}

/**
 * Request of CollectionService.CreatePerson.
 */
export interface CreatePersonRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * The new person's id.
   */
  'personId': (string);
}
