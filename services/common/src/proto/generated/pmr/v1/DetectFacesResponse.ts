// Original file: pmr/v1/image_service.proto

import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from '../../pmr/v1/FaceDetail.ts';
import type { ImageSize as _pmr_v1_ImageSize, ImageSize__Output as _pmr_v1_ImageSize__Output } from '../../pmr/v1/ImageSize.ts';

/**
 * Response of ImageService.DetectFaces.
 */
export interface DetectFacesResponse {
  /**
   * Every face found, largest first; empty when there is none.
   */
  'faces'?: (_pmr_v1_FaceDetail)[];
  /**
   * Width and height of the image in pixels, as displayed (EXIF orientation applied); boxes are in these pixels.
   */
  'imageSize'?: (_pmr_v1_ImageSize | null);
}

/**
 * Response of ImageService.DetectFaces.
 */
export interface DetectFacesResponse__Output {
  /**
   * Every face found, largest first; empty when there is none.
   */
  'faces': (_pmr_v1_FaceDetail__Output)[];
  /**
   * Width and height of the image in pixels, as displayed (EXIF orientation applied); boxes are in these pixels.
   */
  'imageSize': (_pmr_v1_ImageSize__Output | null);
}
