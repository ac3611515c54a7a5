// Original file: pmr/v1/geometry.proto

import type { Point as _pmr_v1_Point, Point__Output as _pmr_v1_Point__Output } from '../../pmr/v1/Point.ts';

/**
 * The five face landmarks every detector emits. "Left" and "right" are as seen in the image (image-left is the
 * person's right), so they do not swap when the face is mirrored by the camera.
 */
export interface Landmarks {
  /**
   * Centre of the image-left eye.
   */
  'leftEye'?: (_pmr_v1_Point | null);
  /**
   * Centre of the image-right eye.
   */
  'rightEye'?: (_pmr_v1_Point | null);
  /**
   * Tip of the nose.
   */
  'noseTip'?: (_pmr_v1_Point | null);
  /**
   * Image-left corner of the mouth.
   */
  'leftMouth'?: (_pmr_v1_Point | null);
  /**
   * Image-right corner of the mouth.
   */
  'rightMouth'?: (_pmr_v1_Point | null);
}

/**
 * The five face landmarks every detector emits. "Left" and "right" are as seen in the image (image-left is the
 * person's right), so they do not swap when the face is mirrored by the camera.
 */
export interface Landmarks__Output {
  /**
   * Centre of the image-left eye.
   */
  'leftEye': (_pmr_v1_Point__Output | null);
  /**
   * Centre of the image-right eye.
   */
  'rightEye': (_pmr_v1_Point__Output | null);
  /**
   * Tip of the nose.
   */
  'noseTip': (_pmr_v1_Point__Output | null);
  /**
   * Image-left corner of the mouth.
   */
  'leftMouth': (_pmr_v1_Point__Output | null);
  /**
   * Image-right corner of the mouth.
   */
  'rightMouth': (_pmr_v1_Point__Output | null);
}
