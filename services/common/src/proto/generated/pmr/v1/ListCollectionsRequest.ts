// Original file: pmr/v1/collection_service.proto


/**
 * Request of CollectionService.ListCollections.
 */
export interface ListCollectionsRequest {
  /**
   * Most collections per page (1 to 1000); 0: 100.
   */
  'pageSize'?: (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken'?: (string);
}

/**
 * Request of CollectionService.ListCollections.
 */
export interface ListCollectionsRequest__Output {
  /**
   * Most collections per page (1 to 1000); 0: 100.
   */
  'pageSize': (number);
  /**
   * next_page_token of the previous page; empty for the first page.
   */
  'pageToken': (string);
}
