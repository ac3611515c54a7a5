// Original file: pmr/v1/detector_service.proto

import type { DetectedFace as _pmr_v1_DetectedFace, DetectedFace__Output as _pmr_v1_DetectedFace__Output } from '../../pmr/v1/DetectedFace.ts';

/**
 * Response of DetectorService.Detect.
 */
export interface DetectResponse {
  /**
   * The faces found, highest score first; empty when there are none.
   */
  'faces'?: (_pmr_v1_DetectedFace)[];
}

/**
 * Response of DetectorService.Detect.
 */
export interface DetectResponse__Output {
  /**
   * The faces found, highest score first; empty when there are none.
   */
  'faces': (_pmr_v1_DetectedFace__Output)[];
}
