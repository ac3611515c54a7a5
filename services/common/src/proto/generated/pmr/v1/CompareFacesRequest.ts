// Original file: pmr/v1/image_service.proto

import type { ImageSource as _pmr_v1_ImageSource, ImageSource__Output as _pmr_v1_ImageSource__Output } from '../../pmr/v1/ImageSource.ts';

/**
 * Request of ImageService.CompareFaces.
 */
export interface CompareFacesRequest {
  /**
   * The image whose largest usable face is compared.
   */
  'sourceImage'?: (_pmr_v1_ImageSource | null);
  /**
   * The image whose faces are compared with it.
   */
  'targetImage'?: (_pmr_v1_ImageSource | null);
  /**
   * Least cosine similarity for a target face to count as a match, in [-1, 1]; unset: the calibrated match
   * threshold that video jobs use.
   */
  'similarityThreshold'?: (number | string);
  /**
   * Most target faces compared, largest first (1 to 100); 0: 100.
   */
  'maxFaces'?: (number);
  '_similarityThreshold'?: "similarityThreshold";
}

/**
 * Request of ImageService.CompareFaces.
 */
export interface CompareFacesRequest__Output {
  /**
   * The image whose largest usable face is compared.
   */
  'sourceImage': (_pmr_v1_ImageSource__Output | null);
  /**
   * The image whose faces are compared with it.
   */
  'targetImage': (_pmr_v1_ImageSource__Output | null);
  /**
   * Least cosine similarity for a target face to count as a match, in [-1, 1]; unset: the calibrated match
   * threshold that video jobs use.
   */
  'similarityThreshold'?: (number);
  /**
   * Most target faces compared, largest first (1 to 100); 0: 100.
   */
  'maxFaces': (number);
  '_similarityThreshold'?: "similarityThreshold";
}
