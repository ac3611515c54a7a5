// Original file: pmr/v1/result.proto


/**
 * Who a track is, decided over all its analysed faces (never from a single frame).
 */
export interface TrackIdentity {
  /**
   * The accepted gallery person; unset when the track is unknown.
   */
  'name'?: (string);
  /**
   * Cosine similarity of the best gallery person, accepted or not; -1 for an empty gallery.
   */
  'similarity'?: (number | string);
  '_name'?: "name";
}

/**
 * Who a track is, decided over all its analysed faces (never from a single frame).
 */
export interface TrackIdentity__Output {
  /**
   * The accepted gallery person; unset when the track is unknown.
   */
  'name'?: (string);
  /**
   * Cosine similarity of the best gallery person, accepted or not; -1 for an empty gallery.
   */
  'similarity': (number);
  '_name'?: "name";
}
