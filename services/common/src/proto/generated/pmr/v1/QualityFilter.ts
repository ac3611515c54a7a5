// Original file: pmr/v1/collection_service.proto

/**
 * Which faces IndexFaces keeps, by their quality.
 */
export const QualityFilter = {
  /**
   * Not set: AUTO.
   */
  QUALITY_FILTER_UNSPECIFIED: 'QUALITY_FILTER_UNSPECIFIED',
  /**
   * The gallery enrolment rules: faces at least 40 pixels, sharp enough, confident enough.
   */
  QUALITY_FILTER_AUTO: 'QUALITY_FILTER_AUTO',
  /**
   * Every detected face.
   */
  QUALITY_FILTER_NONE: 'QUALITY_FILTER_NONE',
} as const;

/**
 * Which faces IndexFaces keeps, by their quality.
 */
export type QualityFilter =
  /**
   * Not set: AUTO.
   */
  | 'QUALITY_FILTER_UNSPECIFIED'
  | 0
  /**
   * The gallery enrolment rules: faces at least 40 pixels, sharp enough, confident enough.
   */
  | 'QUALITY_FILTER_AUTO'
  | 1
  /**
   * Every detected face.
   */
  | 'QUALITY_FILTER_NONE'
  | 2

/**
 * Which faces IndexFaces keeps, by their quality.
 */
export type QualityFilter__Output = typeof QualityFilter[keyof typeof QualityFilter]
