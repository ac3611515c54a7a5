// Original file: pmr/v1/face.proto

import type { Box as _pmr_v1_Box, Box__Output as _pmr_v1_Box__Output } from '../../pmr/v1/Box.ts';
import type { Landmarks as _pmr_v1_Landmarks, Landmarks__Output as _pmr_v1_Landmarks__Output } from '../../pmr/v1/Landmarks.ts';
import type { Pose as _pmr_v1_Pose, Pose__Output as _pmr_v1_Pose__Output } from '../../pmr/v1/Pose.ts';
import type { FaceQuality as _pmr_v1_FaceQuality, FaceQuality__Output as _pmr_v1_FaceQuality__Output } from '../../pmr/v1/FaceQuality.ts';
import type { FaceAttributes as _pmr_v1_FaceAttributes, FaceAttributes__Output as _pmr_v1_FaceAttributes__Output } from '../../pmr/v1/FaceAttributes.ts';

/**
 * Everything PMR tells about one face of an image.
 */
export interface FaceDetail {
  /**
   * Bounding box in pixels of the image.
   */
  'box'?: (_pmr_v1_Box | null);
  /**
   * The five landmarks, in the same pixels as box.
   */
  'landmarks'?: (_pmr_v1_Landmarks | null);
  /**
   * Detector confidence in [0, 1].
   */
  'confidence'?: (number | string);
  /**
   * Head pose.
   */
  'pose'?: (_pmr_v1_Pose | null);
  /**
   * Usability for recognition.
   */
  'quality'?: (_pmr_v1_FaceQuality | null);
  /**
   * Expression, age range and gender.
   */
  'attributes'?: (_pmr_v1_FaceAttributes | null);
}

/**
 * Everything PMR tells about one face of an image.
 */
export interface FaceDetail__Output {
  /**
   * Bounding box in pixels of the image.
   */
  'box': (_pmr_v1_Box__Output | null);
  /**
   * The five landmarks, in the same pixels as box.
   */
  'landmarks': (_pmr_v1_Landmarks__Output | null);
  /**
   * Detector confidence in [0, 1].
   */
  'confidence': (number);
  /**
   * Head pose.
   */
  'pose': (_pmr_v1_Pose__Output | null);
  /**
   * Usability for recognition.
   */
  'quality': (_pmr_v1_FaceQuality__Output | null);
  /**
   * Expression, age range and gender.
   */
  'attributes': (_pmr_v1_FaceAttributes__Output | null);
}
