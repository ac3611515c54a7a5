// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.ListFaces.
 */
export interface ListFacesRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * Only this person's faces; empty: every face.
   */
  'personId'?: (string);
  /**
   * Most faces per page (1 to 1000); 0: 100.
   */
  'pageSize'?: (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken'?: (string);
}

/**
 * Request of CollectionService.ListFaces.
 */
export interface ListFacesRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * Only this person's faces; empty: every face.
   */
  'personId': (string);
  /**
   * Most faces per page (1 to 1000); 0: 100.
   */
  'pageSize': (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken': (string);
}
