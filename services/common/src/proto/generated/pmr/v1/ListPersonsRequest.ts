// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.ListPersons.
 */
export interface ListPersonsRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * Most persons per page (1 to 1000); 0: 100.
   */
  'pageSize'?: (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken'?: (string);
}

/**
 * Request of CollectionService.ListPersons.
 */
export interface ListPersonsRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * Most persons per page (1 to 1000); 0: 100.
   */
  'pageSize': (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken': (string);
}
