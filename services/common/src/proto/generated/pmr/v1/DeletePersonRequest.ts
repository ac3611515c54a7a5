// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.DeletePerson.
 */
export interface DeletePersonRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * The person.
   */
  'personId'?: (string);
}

/**
 * Request of CollectionService.DeletePerson.
 */
export interface DeletePersonRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * The person.
   */
  'personId': (string);
}
