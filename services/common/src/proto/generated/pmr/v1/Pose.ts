// Original file: pmr/v1/face.proto


/**
 * The head's rotation, estimated from the five landmarks, in degrees; 0, 0, 0 faces the camera upright.
 */
export interface Pose {
  /**
   * Turn to the image-left (negative) or image-right (positive), in [-90, 90].
   */
  'yaw'?: (number | string);
  /**
   * Tilt down (negative) or up (positive), in [-90, 90].
   */
  'pitch'?: (number | string);
  /**
   * In-plane rotation, clockwise positive, in [-180, 180].
   */
  'roll'?: (number | string);
}

/**
 * The head's rotation, estimated from the five landmarks, in degrees; 0, 0, 0 faces the camera upright.
 */
export interface Pose__Output {
  /**
   * Turn to the image-left (negative) or image-right (positive), in [-90, 90].
   */
  'yaw': (number);
  /**
   * Tilt down (negative) or up (positive), in [-90, 90].
   */
  'pitch': (number);
  /**
   * In-plane rotation, clockwise positive, in [-180, 180].
   */
  'roll': (number);
}
