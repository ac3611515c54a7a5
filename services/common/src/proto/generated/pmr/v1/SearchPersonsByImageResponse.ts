// Original file: pmr/v1/collection_service.proto

import type { PersonSearchedFace as _pmr_v1_PersonSearchedFace, PersonSearchedFace__Output as _pmr_v1_PersonSearchedFace__Output } from '../../pmr/v1/PersonSearchedFace.ts';
import type { ImageSize as _pmr_v1_ImageSize, ImageSize__Output as _pmr_v1_ImageSize__Output } from '../../pmr/v1/ImageSize.ts';

/**
 * Response of CollectionService.SearchPersonsByImage.
 */
export interface SearchPersonsByImageResponse {
  /**
   * Every face of the image searched, largest first.
   */
  'faces'?: (_pmr_v1_PersonSearchedFace)[];
  /**
   * The image's size as displayed; boxes are in these pixels.
   */
  'imageSize'?: (_pmr_v1_ImageSize | null);
}

/**
 * Response of CollectionService.SearchPersonsByImage.
 */
export interface SearchPersonsByImageResponse__Output {
  /**
   * Every face of the image searched, largest first.
   */
  'faces': (_pmr_v1_PersonSearchedFace__Output)[];
  /**
   * The image's size as displayed; boxes are in these pixels.
   */
  'imageSize': (_pmr_v1_ImageSize__Output | null);
}
