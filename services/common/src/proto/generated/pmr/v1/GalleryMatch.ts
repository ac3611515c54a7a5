// Original file: pmr/v1/recognizer_service.proto


/**
 * A gallery person and its similarity to a query.
 */
export interface GalleryMatch {
  /**
   * The person's name.
   */
  'name'?: (string);
  /**
   * Cosine similarity in [-1, 1].
   */
  'similarity'?: (number | string);
}

/**
 * A gallery person and its similarity to a query.
 */
export interface GalleryMatch__Output {
  /**
   * The person's name.
   */
  'name': (string);
  /**
   * Cosine similarity in [-1, 1].
   */
  'similarity': (number);
}
