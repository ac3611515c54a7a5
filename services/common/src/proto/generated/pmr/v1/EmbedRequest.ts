// Original file: pmr/v1/recognizer_service.proto

import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from '../../pmr/v1/Image.ts';

/**
 * Request of RecognizerService.Embed.
 */
export interface EmbedRequest {
  /**
   * Aligned 112x112 face chips (DetectedFace.chip), at most 256.
   */
  'chips'?: (_pmr_v1_Image)[];
}

/**
 * Request of RecognizerService.Embed.
 */
export interface EmbedRequest__Output {
  /**
   * Aligned 112x112 face chips (DetectedFace.chip), at most 256.
   */
  'chips': (_pmr_v1_Image__Output)[];
}
