// Original file: pmr/v1/face.proto


/**
 * How usable a face is for recognition; every part is in [0, 1], higher is better.
 */
export interface FaceQuality {
  /**
   * The parts combined into one score; ranks the faces of a track.
   */
  'score'?: (number | string);
  /**
   * Detector confidence part.
   */
  'detector'?: (number | string);
  /**
   * Face size part (small faces embed poorly).
   */
  'size'?: (number | string);
  /**
   * Sharpness part (motion blur, focus).
   */
  'sharpness'?: (number | string);
  /**
   * Frontalness part, from the landmarks' symmetry.
   */
  'frontalness'?: (number | string);
}

/**
 * How usable a face is for recognition; every part is in [0, 1], higher is better.
 */
export interface FaceQuality__Output {
  /**
   * The parts combined into one score; ranks the faces of a track.
   */
  'score': (number);
  /**
   * Detector confidence part.
   */
  'detector': (number);
  /**
   * Face size part (small faces embed poorly).
   */
  'size': (number);
  /**
   * Sharpness part (motion blur, focus).
   */
  'sharpness': (number);
  /**
   * Frontalness part, from the landmarks' symmetry.
   */
  'frontalness': (number);
}
