// The MongoDB collection store's collections and indexes. They live beside the job store's in the orchestrator's
// database, versioned on their own by the `meta` document { _id: 'collections_schema', version } (the job store's is
// { _id: 'schema' }): COLLECTION_MIGRATIONS[v] takes the store from version v to v + 1, applied by @pmr/mongo's
// migrateMongo. Every migration is idempotent, so two stores opening a new database at once both succeed. Append new
// migrations; never edit one that has shipped. No index is partial (FerretDB 1.x has none): what must be unique (a
// collection id, a person id in its collection, a face id in its collection) is an _id.
import type { Collection, Db } from 'mongodb';
import { ensureCollection, migrateMongo } from '@pmr/mongo';
import type { LockDocument, MongoMigration } from '@pmr/mongo';
import type { CollectionDocument, FaceDocument, PersonDocument } from './mongo-collection-documents.ts';

/** The store's collections, by the names they have in the database. */
export interface CollectionCollections {
  readonly collections: Collection<CollectionDocument>;
  readonly faces: Collection<FaceDocument>;
  readonly persons: Collection<PersonDocument>;
  readonly locks: Collection<LockDocument>;
}

export const COLLECTION_STORE_NAMES: Readonly<Record<keyof CollectionCollections, string>> = {
  collections: 'face_collections',
  faces: 'collection_faces',
  persons: 'collection_persons',
  locks: 'collection_locks',
};

/** The collection store's schema document in `meta`. */
export const COLLECTION_SCHEMA_ID = 'collections_schema';

export function collectionCollectionsOf(db: Db): CollectionCollections {
  return {
    collections: db.collection<CollectionDocument>(COLLECTION_STORE_NAMES.collections),
    faces: db.collection<FaceDocument>(COLLECTION_STORE_NAMES.faces),
    persons: db.collection<PersonDocument>(COLLECTION_STORE_NAMES.persons),
    locks: db.collection<LockDocument>(COLLECTION_STORE_NAMES.locks),
  };
}

export const COLLECTION_MONGO_MIGRATIONS: readonly MongoMigration[] = [
  // 1: every collection; faces by collection and face id (listing, loading, counting), by collection, person and face
  // id (a person's faces, their counts); persons by collection and person id (listing, counting).
  async (db) => {
    for (const name of Object.values(COLLECTION_STORE_NAMES)) await ensureCollection(db, name);
    const c = collectionCollectionsOf(db);
    await c.faces.createIndexes([
      { key: { '_id.collectionId': 1, '_id.faceId': 1 }, name: 'faces_by_collection' },
      { key: { '_id.collectionId': 1, personId: 1, '_id.faceId': 1 }, name: 'faces_by_person' },
    ]);
    await c.persons.createIndex({ '_id.collectionId': 1, '_id.personId': 1 }, { name: 'persons_by_collection' });
  },
];

/** The schema version this build writes. */
export const COLLECTION_MONGO_SCHEMA_VERSION = COLLECTION_MONGO_MIGRATIONS.length;

/**
 * Applies the migrations the database lacks. FAILED_PRECONDITION for a store written by a newer build, which is left
 * untouched. `name` says which store in the message.
 */
export function prepareCollectionMongo(db: Db, name: string): Promise<void> {
  return migrateMongo(db, COLLECTION_SCHEMA_ID, COLLECTION_MONGO_MIGRATIONS, `collection store ${name}`);
}
