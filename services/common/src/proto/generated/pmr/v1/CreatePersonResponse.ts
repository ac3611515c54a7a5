// Original file: pmr/v1/collection_service.proto

import type { Person as _pmr_v1_Person, Person__Output as _pmr_v1_Person__Output } from '../../pmr/v1/Person.ts';

/**
 * Response of CollectionService.CreatePerson.
 */
export interface CreatePersonResponse {
  /**
   * The new person, with no faces.
   */
  'person'?: (_pmr_v1_Person | null);
}

/**
 * Response of CollectionService.CreatePerson.
 */
export interface CreatePersonResponse__Output {
  /**
   * The new person, with no faces.
   */
  'person': (_pmr_v1_Person__Output | null);
}
