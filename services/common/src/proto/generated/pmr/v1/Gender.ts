// Original file: pmr/v1/face.proto

/**
 * Perceived gender as the age/gender model classifies it.
 */
export const Gender = {
  /**
   * Not set.
   */
  GENDER_UNSPECIFIED: 'GENDER_UNSPECIFIED',
  /**
   * Female.
   */
  GENDER_FEMALE: 'GENDER_FEMALE',
  /**
   * Male.
   */
  GENDER_MALE: 'GENDER_MALE',
} as const;

/**
 * Perceived gender as the age/gender model classifies it.
 */
export type Gender =
  /**
   * Not set.
   */
  | 'GENDER_UNSPECIFIED'
  | 0
  /**
   * Female.
   */
  | 'GENDER_FEMALE'
  | 1
  /**
   * Male.
   */
  | 'GENDER_MALE'
  | 2

/**
 * Perceived gender as the age/gender model classifies it.
 */
export type Gender__Output = typeof Gender[keyof typeof Gender]
