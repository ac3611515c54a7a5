// Original file: pmr/v1/collection_service.proto


/**
 * Response of CollectionService.DeletePerson.
 */
export interface DeletePersonResponse {
  /**
   * Faces that were associated with the person and now are not.
   */
  'disassociatedFaces'?: (number);
}

/**
 * Response of CollectionService.DeletePerson.
 */
export interface DeletePersonResponse__Output {
  /**
   * Faces that were associated with the person and now are not.
   */
  'disassociatedFaces': (number);
}
