// Original file: pmr/v1/face.proto

import type { Box as _pmr_v1_Box, Box__Output as _pmr_v1_Box__Output } from '../../pmr/v1/Box.ts';
import type { Landmarks as _pmr_v1_Landmarks, Landmarks__Output as _pmr_v1_Landmarks__Output } from '../../pmr/v1/Landmarks.ts';
import type { FaceQuality as _pmr_v1_FaceQuality, FaceQuality__Output as _pmr_v1_FaceQuality__Output } from '../../pmr/v1/FaceQuality.ts';
import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from '../../pmr/v1/Image.ts';

/**
 * A face found by the detector. It carries its aligned chip, so no stage after the detector needs the frame.
 */
export interface DetectedFace {
  /**
   * Bounding box in pixels of the image or frame it was found in.
   */
  'box'?: (_pmr_v1_Box | null);
  /**
   * The five landmarks, in the same pixels as box.
   */
  'landmarks'?: (_pmr_v1_Landmarks | null);
  /**
   * Detector confidence in [0, 1].
   */
  'score'?: (number | string);
  /**
   * Usability for recognition.
   */
  'quality'?: (_pmr_v1_FaceQuality | null);
  /**
   * The face aligned to the ArcFace template: 112x112 pixels, RGB24 (or JPEG when the sender chose to encode).
   */
  'chip'?: (_pmr_v1_Image | null);
}

/**
 * A face found by the detector. It carries its aligned chip, so no stage after the detector needs the frame.
 */
export interface DetectedFace__Output {
  /**
   * Bounding box in pixels of the image or frame it was found in.
   */
  'box': (_pmr_v1_Box__Output | null);
  /**
   * The five landmarks, in the same pixels as box.
   */
  'landmarks': (_pmr_v1_Landmarks__Output | null);
  /**
   * Detector confidence in [0, 1].
   */
  'score': (number);
  /**
   * Usability for recognition.
   */
  'quality': (_pmr_v1_FaceQuality__Output | null);
  /**
   * The face aligned to the ArcFace template: 112x112 pixels, RGB24 (or JPEG when the sender chose to encode).
   */
  'chip': (_pmr_v1_Image__Output | null);
}
