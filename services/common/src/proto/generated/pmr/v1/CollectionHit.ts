// Original file: pmr/v1/recognizer_service.proto


/**
 * A face or person of a collection and its similarity to a query.
 */
export interface CollectionHit {
  /**
   * The face id or the person id.
   */
  'id'?: (string);
  /**
   * Cosine similarity in [-1, 1].
   */
  'similarity'?: (number | string);
}

/**
 * A face or person of a collection and its similarity to a query.
 */
export interface CollectionHit__Output {
  /**
   * The face id or the person id.
   */
  'id': (string);
  /**
   * Cosine similarity in [-1, 1].
   */
  'similarity': (number);
}
