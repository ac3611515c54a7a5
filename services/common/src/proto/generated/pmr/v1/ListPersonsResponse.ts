// Original file: pmr/v1/collection_service.proto

import type { Person as _pmr_v1_Person, Person__Output as _pmr_v1_Person__Output } from '../../pmr/v1/Person.ts';

/**
 * Response of CollectionService.ListPersons.
 */
export interface ListPersonsResponse {
  /**
   * One page of persons, by id.
   */
  'persons'?: (_pmr_v1_Person)[];
  /**
   * Token of the next page; empty on the last page.
   */
  'nextPageToken'?: (string);
}

/**
 * Response of CollectionService.ListPersons.
 */
export interface ListPersonsResponse__Output {
  /**
   * One page of persons, by id.
   */
  'persons': (_pmr_v1_Person__Output)[];
  /**
   * Token of the next page; empty on the last page.
   */
  'nextPageToken': (string);
}
