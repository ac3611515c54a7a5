// Original file: pmr/v1/collection_service.proto

/**
 * Why a detected face was not indexed.
 */
export const UnindexedReason = {
  /**
   * Not set.
   */
  UNINDEXED_REASON_UNSPECIFIED: 'UNINDEXED_REASON_UNSPECIFIED',
  /**
   * Smaller than the enrolment minimum (40 pixels on its shorter side).
   */
  UNINDEXED_REASON_TOO_SMALL: 'UNINDEXED_REASON_TOO_SMALL',
  /**
   * Too blurred for a reliable embedding.
   */
  UNINDEXED_REASON_TOO_BLURRY: 'UNINDEXED_REASON_TOO_BLURRY',
  /**
   * Detector confidence too low.
   */
  UNINDEXED_REASON_LOW_CONFIDENCE: 'UNINDEXED_REASON_LOW_CONFIDENCE',
  /**
   * More faces than max_faces; the larger ones were indexed.
   */
  UNINDEXED_REASON_EXCEEDS_MAX_FACES: 'UNINDEXED_REASON_EXCEEDS_MAX_FACES',
  /**
   * With person_id: another face as large as the subject makes the image ambiguous, so none is indexed.
   */
  UNINDEXED_REASON_SEVERAL_FACES: 'UNINDEXED_REASON_SEVERAL_FACES',
  /**
   * With person_id: a face other than the subject (smaller, or less confident).
   */
  UNINDEXED_REASON_NOT_SUBJECT: 'UNINDEXED_REASON_NOT_SUBJECT',
} as const;

/**
 * Why a detected face was not indexed.
 */
export type UnindexedReason =
  /**
   * Not set.
   */
  | 'UNINDEXED_REASON_UNSPECIFIED'
  | 0
  /**
   * Smaller than the enrolment minimum (40 pixels on its shorter side).
   */
  | 'UNINDEXED_REASON_TOO_SMALL'
  | 1
  /**
   * Too blurred for a reliable embedding.
   */
  | 'UNINDEXED_REASON_TOO_BLURRY'
  | 2
  /**
   * Detector confidence too low.
   */
  | 'UNINDEXED_REASON_LOW_CONFIDENCE'
  | 3
  /**
   * More faces than max_faces; the larger ones were indexed.
   */
  | 'UNINDEXED_REASON_EXCEEDS_MAX_FACES'
  | 4
  /**
   * With person_id: another face as large as the subject makes the image ambiguous, so none is indexed.
   */
  | 'UNINDEXED_REASON_SEVERAL_FACES'
  | 5
  /**
   * With person_id: a face other than the subject (smaller, or less confident).
   */
  | 'UNINDEXED_REASON_NOT_SUBJECT'
  | 6

/**
 * Why a detected face was not indexed.
 */
export type UnindexedReason__Output = typeof UnindexedReason[keyof typeof UnindexedReason]
