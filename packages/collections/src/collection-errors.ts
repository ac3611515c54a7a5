// The errors every CollectionStore adapter throws for the same situations, written once so that their codes and
// messages match whichever adapter answers.
import { failedPrecondition, notFound, PmrError } from '@pmr/common';

/** NOT_FOUND: a method named a collection that does not exist. */
export function collectionNotFound(collectionId: string): PmrError {
  return notFound(`no collection ${collectionId}`);
}

/** NOT_FOUND: a method named a person the collection does not have. */
export function personNotFound(collectionId: string, personId: string): PmrError {
  return notFound(`no person ${personId} in collection ${collectionId}`);
}

/** ALREADY_EXISTS: createCollection with a taken id. */
export function collectionExists(collectionId: string, cause?: unknown): PmrError {
  return new PmrError(
    'ALREADY_EXISTS',
    `collection ${collectionId} already exists`,
    cause === undefined ? {} : { cause },
  );
}

/** ALREADY_EXISTS: createPerson with an id the collection has. */
export function personExists(collectionId: string, personId: string, cause?: unknown): PmrError {
  const message = `person ${personId} already exists in collection ${collectionId}`;
  return new PmrError('ALREADY_EXISTS', message, cause === undefined ? {} : { cause });
}

/** FAILED_PRECONDITION: a call after close(); `name` says which store (a path, or a URL without its password). */
export function collectionStoreClosed(name: string): PmrError {
  return failedPrecondition(`collection store ${name} is closed`);
}
