// Original file: pmr/v1/image_service.proto

import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from '../../pmr/v1/FaceDetail.ts';
import type { CompareFacesMatch as _pmr_v1_CompareFacesMatch, CompareFacesMatch__Output as _pmr_v1_CompareFacesMatch__Output } from '../../pmr/v1/CompareFacesMatch.ts';

/**
 * Response of ImageService.CompareFaces.
 */
export interface CompareFacesResponse {
  /**
   * The source face that was compared.
   */
  'sourceFace'?: (_pmr_v1_FaceDetail | null);
  /**
   * Target faces at or above the threshold, most similar first.
   */
  'faceMatches'?: (_pmr_v1_CompareFacesMatch)[];
  /**
   * Target faces below the threshold, with their similarity, largest first.
   */
  'unmatchedFaces'?: (_pmr_v1_CompareFacesMatch)[];
  /**
   * The threshold applied.
   */
  'similarityThreshold'?: (number | string);
}

/**
 * Response of ImageService.CompareFaces.
 */
export interface CompareFacesResponse__Output {
  /**
   * The source face that was compared.
   */
  'sourceFace': (_pmr_v1_FaceDetail__Output | null);
  /**
   * Target faces at or above the threshold, most similar first.
   */
  'faceMatches': (_pmr_v1_CompareFacesMatch__Output)[];
  /**
   * Target faces below the threshold, with their similarity, largest first.
   */
  'unmatchedFaces': (_pmr_v1_CompareFacesMatch__Output)[];
  /**
   * The threshold applied.
   */
  'similarityThreshold': (number);
}
