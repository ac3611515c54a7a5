// Original file: pmr/v1/collection_service.proto

import type { SearchedFace as _pmr_v1_SearchedFace, SearchedFace__Output as _pmr_v1_SearchedFace__Output } from '../../pmr/v1/SearchedFace.ts';
import type { ImageSize as _pmr_v1_ImageSize, ImageSize__Output as _pmr_v1_ImageSize__Output } from '../../pmr/v1/ImageSize.ts';

/**
 * Response of CollectionService.SearchFacesByImage.
 */
export interface SearchFacesByImageResponse {
  /**
   * Every face of the image searched, largest first.
   */
  'faces'?: (_pmr_v1_SearchedFace)[];
  /**
   * The image's size as displayed; boxes are in these pixels.
   */
  'imageSize'?: (_pmr_v1_ImageSize | null);
}

/**
 * Response of CollectionService.SearchFacesByImage.
 */
export interface SearchFacesByImageResponse__Output {
  /**
   * Every face of the image searched, largest first.
   */
  'faces': (_pmr_v1_SearchedFace__Output)[];
  /**
   * The image's size as displayed; boxes are in these pixels.
   */
  'imageSize': (_pmr_v1_ImageSize__Output | null);
}
