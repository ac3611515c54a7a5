// Original file: pmr/v1/detector_service.proto

import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from '../../pmr/v1/Image.ts';

/**
 * Request of DetectorService.Detect.
 */
export interface DetectRequest {
  /**
   * The image to search.
   */
  'image'?: (_pmr_v1_Image | null);
  /**
   * Minimum detector score in [0, 1]; unset: the detector's default.
   */
  'scoreThreshold'?: (number | string);
  /**
   * Faces smaller than this on their longer side, in pixels, are dropped; unset: the detector's default (20).
   */
  'minFaceSize'?: (number | string);
  '_scoreThreshold'?: "scoreThreshold";
  '_minFaceSize'?: "minFaceSize";
}

/**
 * Request of DetectorService.Detect.
 */
export interface DetectRequest__Output {
  /**
   * The image to search.
   */
  'image': (_pmr_v1_Image__Output | null);
  /**
   * Minimum detector score in [0, 1]; unset: the detector's default.
   */
  'scoreThreshold'?: (number);
  /**
   * Faces smaller than this on their longer side, in pixels, are dropped; unset: the detector's default (20).
   */
  'minFaceSize'?: (number);
  '_scoreThreshold'?: "scoreThreshold";
  '_minFaceSize'?: "minFaceSize";
}
