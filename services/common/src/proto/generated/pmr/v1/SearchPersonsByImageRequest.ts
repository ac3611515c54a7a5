// Original file: pmr/v1/collection_service.proto

import type { ImageSource as _pmr_v1_ImageSource, ImageSource__Output as _pmr_v1_ImageSource__Output } from '../../pmr/v1/ImageSource.ts';

/**
 * Request of CollectionService.SearchPersonsByImage.
 */
export interface SearchPersonsByImageRequest {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * The image.
   */
  'image'?: (_pmr_v1_ImageSource | null);
  /**
   * Most matches per face (1 to 500); 0: 10.
   */
  'maxPersons'?: (number);
  /**
   * Least similarity of a match; unset: the calibrated match threshold.
   */
  'personMatchThreshold'?: (number | string);
  /**
   * Most faces of the image searched, largest first (1 to 100); 0: 100.
   */
  'maxQueryFaces'?: (number);
  '_personMatchThreshold'?: "personMatchThreshold";
}

/**
 * Request of CollectionService.SearchPersonsByImage.
 */
export interface SearchPersonsByImageRequest__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * The image.
   */
  'image': (_pmr_v1_ImageSource__Output | null);
  /**
   * Most matches per face (1 to 500); 0: 10.
   */
  'maxPersons': (number);
  /**
   * Least similarity of a match; unset: the calibrated match threshold.
   */
  'personMatchThreshold'?: (number);
  /**
   * Most faces of the image searched, largest first (1 to 100); 0: 100.
   */
  'maxQueryFaces': (number);
  '_personMatchThreshold'?: "personMatchThreshold";
}
