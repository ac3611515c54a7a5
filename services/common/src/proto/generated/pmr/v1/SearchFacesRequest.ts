// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.SearchFaces.
 */
export interface SearchFacesRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * The face whose neighbours are wanted; it is not among its own matches.
   */
  'faceId'?: (string);
  /**
   * Most matches (1 to 4096); 0: 10.
   */
  'maxFaces'?: (number);
  /**
   * Least similarity of a match; unset: the calibrated match threshold.
   */
  'faceMatchThreshold'?: (number | string);
  '_faceMatchThreshold'?: "faceMatchThreshold";
}

/**
 * Request of CollectionService.SearchFaces.
 */
export interface SearchFacesRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * The face whose neighbours are wanted; it is not among its own matches.
   */
  'faceId': (string);
  /**
   * Most matches (1 to 4096); 0: 10.
   */
  'maxFaces': (number);
  /**
   * Least similarity of a match; unset: the calibrated match threshold.
   */
  'faceMatchThreshold'?: (number);
  '_faceMatchThreshold'?: "faceMatchThreshold";
}
