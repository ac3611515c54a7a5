// Original file: pmr/v1/image_service.proto

import type { ImageSource as _pmr_v1_ImageSource, ImageSource__Output as _pmr_v1_ImageSource__Output } from '../../pmr/v1/ImageSource.ts';

/**
 * Request of ImageService.DetectFaces.
 */
export interface DetectFacesRequest {
  /**
   * The image to search.
   */
  'image'?: (_pmr_v1_ImageSource | null);
  /**
   * Most faces answered, largest first (1 to 100); 0: 100.
   */
  'maxFaces'?: (number);
}

/**
 * Request of ImageService.DetectFaces.
 */
export interface DetectFacesRequest__Output {
  /**
   * The image to search.
   */
  'image': (_pmr_v1_ImageSource__Output | null);
  /**
   * Most faces answered, largest first (1 to 100); 0: 100.
   */
  'maxFaces': (number);
}
