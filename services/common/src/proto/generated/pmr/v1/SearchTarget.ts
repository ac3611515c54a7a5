// Original file: pmr/v1/recognizer_service.proto

/**
 * What SearchCollection ranks.
 */
export const SearchTarget = {
  /**
   * Not set: rejected.
   */
  SEARCH_TARGET_UNSPECIFIED: 'SEARCH_TARGET_UNSPECIFIED',
  /**
   * The collection's faces, by the similarity of their own embeddings.
   */
  SEARCH_TARGET_FACES: 'SEARCH_TARGET_FACES',
  /**
   * The collection's persons, by the similarity of the mean direction of every template of their faces.
   */
  SEARCH_TARGET_PERSONS: 'SEARCH_TARGET_PERSONS',
} as const;

/**
 * What SearchCollection ranks.
 */
export type SearchTarget =
  /**
   * Not set: rejected.
   */
  | 'SEARCH_TARGET_UNSPECIFIED'
  | 0
  /**
   * The collection's faces, by the similarity of their own embeddings.
   */
  | 'SEARCH_TARGET_FACES'
  | 1
  /**
   * The collection's persons, by the similarity of the mean direction of every template of their faces.
   */
  | 'SEARCH_TARGET_PERSONS'
  | 2

/**
 * What SearchCollection ranks.
 */
export type SearchTarget__Output = typeof SearchTarget[keyof typeof SearchTarget]
