// Original file: pmr/v1/pipeline.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A change to a face collection, announced by the orchestrator once the store holds it, so that every recognizer
 * brings its in-memory copy up to date at once.
 */
export interface CollectionEvent {
  /**
   * The collection.
   */
  'collectionId'?: (string);
  /**
   * Its version after the change. A recognizer whose copy is older by more than one change reloads the collection.
   */
  'version'?: (number | string | Long);
  /**
   * Faces to read again from the store: added, deleted, or associated with another person (or none).
   */
  'faceIds'?: (string)[];
  /**
   * A person deleted: its faces are no longer associated with it.
   */
  'deletedPersonId'?: (string);
  /**
   * The collection itself was deleted.
   */
  'collectionDeleted'?: (boolean);
}

/**
 * A change to a face collection, announced by the orchestrator once the store holds it, so that every recognizer
 * brings its in-memory copy up to date at once.
 */
export interface CollectionEvent__Output {
  /**
   * The collection.
   */
  'collectionId': (string);
  /**
   * Its version after the change. A recognizer whose copy is older by more than one change reloads the collection.
   */
  'version': (string);
  /**
   * Faces to read again from the store: added, deleted, or associated with another person (or none).
   */
  'faceIds': (string)[];
  /**
   * A person deleted: its faces are no longer associated with it.
   */
  'deletedPersonId': (string);
  /**
   * The collection itself was deleted.
   */
  'collectionDeleted': (boolean);
}
