// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.SearchPersons.
 */
export interface SearchPersonsRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * A face of the collection.
   */
  'faceId'?: (string);
  /**
   * A person of the collection: the mean direction of its faces; it is not among its own matches.
   */
  'personId'?: (string);
  /**
   * Most matches (1 to 500); 0: 10.
   */
  'maxPersons'?: (number);
  /**
   * Least similarity of a match; unset: the calibrated match threshold.
   */
  'personMatchThreshold'?: (number | string);
  /**
   * What to search with.
   */
  'query'?: "faceId"|"personId";
  '_personMatchThreshold'?: "personMatchThreshold";
}

/**
 * Request of CollectionService.SearchPersons.
 */
export interface SearchPersonsRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * A face of the collection.
   */
  'faceId'?: (string);
  /**
   * A person of the collection: the mean direction of its faces; it is not among its own matches.
   */
  'personId'?: (string);
  /**
   * Most matches (1 to 500); 0: 10.
   */
  'maxPersons': (number);
  /**
   * Least similarity of a match; unset: the calibrated match threshold.
   */
  'personMatchThreshold'?: (number);
  /**
   * What to search with.
   */
  'query'?: "faceId"|"personId";
  '_personMatchThreshold'?: "personMatchThreshold";
}
