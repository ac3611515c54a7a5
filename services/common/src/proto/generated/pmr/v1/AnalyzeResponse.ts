// Original file: pmr/v1/attributes_service.proto

import type { FaceAttributes as _pmr_v1_FaceAttributes, FaceAttributes__Output as _pmr_v1_FaceAttributes__Output } from '../../pmr/v1/FaceAttributes.ts';

/**
 * Response of AttributesService.Analyze.
 */
export interface AnalyzeResponse {
  /**
   * One entry per chip, in the order of the request.
   */
  'attributes'?: (_pmr_v1_FaceAttributes)[];
}

/**
 * Response of AttributesService.Analyze.
 */
export interface AnalyzeResponse__Output {
  /**
   * One entry per chip, in the order of the request.
   */
  'attributes': (_pmr_v1_FaceAttributes__Output)[];
}
