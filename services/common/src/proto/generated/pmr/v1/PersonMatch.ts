// Original file: pmr/v1/collection_service.proto

import type { Person as _pmr_v1_Person, Person__Output as _pmr_v1_Person__Output } from '../../pmr/v1/Person.ts';

/**
 * A person of the collection and its similarity to the query.
 */
export interface PersonMatch {
  /**
   * The person.
   */
  'person'?: (_pmr_v1_Person | null);
  /**
   * Cosine similarity of the query to the person (to the mean direction of the person's faces), in [-1, 1].
   */
  'similarity'?: (number | string);
}

/**
 * A person of the collection and its similarity to the query.
 */
export interface PersonMatch__Output {
  /**
   * The person.
   */
  'person': (_pmr_v1_Person__Output | null);
  /**
   * Cosine similarity of the query to the person (to the mean direction of the person's faces), in [-1, 1].
   */
  'similarity': (number);
}
