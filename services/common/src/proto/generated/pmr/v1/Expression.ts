// Original file: pmr/v1/face.proto

/**
 * A facial expression class, in the order of the expression model's outputs.
 */
export const Expression = {
  /**
   * Not set.
   */
  EXPRESSION_UNSPECIFIED: 'EXPRESSION_UNSPECIFIED',
  /**
   * Angry.
   */
  EXPRESSION_ANGRY: 'EXPRESSION_ANGRY',
  /**
   * Disgust.
   */
  EXPRESSION_DISGUST: 'EXPRESSION_DISGUST',
  /**
   * Fearful.
   */
  EXPRESSION_FEARFUL: 'EXPRESSION_FEARFUL',
  /**
   * Happy.
   */
  EXPRESSION_HAPPY: 'EXPRESSION_HAPPY',
  /**
   * Neutral.
   */
  EXPRESSION_NEUTRAL: 'EXPRESSION_NEUTRAL',
  /**
   * Sad.
   */
  EXPRESSION_SAD: 'EXPRESSION_SAD',
  /**
   * Surprised.
   */
  EXPRESSION_SURPRISED: 'EXPRESSION_SURPRISED',
} as const;

/**
 * A facial expression class, in the order of the expression model's outputs.
 */
export type Expression =
  /**
   * Not set.
   */
  | 'EXPRESSION_UNSPECIFIED'
  | 0
  /**
   * Angry.
   */
  | 'EXPRESSION_ANGRY'
  | 1
  /**
   * Disgust.
   */
  | 'EXPRESSION_DISGUST'
  | 2
  /**
   * Fearful.
   */
  | 'EXPRESSION_FEARFUL'
  | 3
  /**
   * Happy.
   */
  | 'EXPRESSION_HAPPY'
  | 4
  /**
   * Neutral.
   */
  | 'EXPRESSION_NEUTRAL'
  | 5
  /**
   * Sad.
   */
  | 'EXPRESSION_SAD'
  | 6
  /**
   * Surprised.
   */
  | 'EXPRESSION_SURPRISED'
  | 7

/**
 * A facial expression class, in the order of the expression model's outputs.
 */
export type Expression__Output = typeof Expression[keyof typeof Expression]
