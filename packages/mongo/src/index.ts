// The MongoDB plumbing the job store (@pmr/store) and the collection store (@pmr/collections) share: connecting, the
// schema version and migrations, the per-document lock that makes read-modify-write safe on FerretDB, and the driver's
// errors as PmrErrors. Loads the driver: import it only from code that runs on MongoDB (store locations are in
// './location', which does not).
export { connectMongo } from './mongo-connect.ts';
export type { MongoConnection, MongoConnectOptions } from './mongo-connect.ts';
export { ignoreDuplicates, isDuplicateKey, messageOf, retryDuplicate, storeError } from './mongo-errors.ts';
export { DOCUMENT_LOCK, withLock } from './mongo-lock.ts';
export type { LockDocument, LockTiming } from './mongo-lock.ts';
export {
  ensureCollection,
  META_COLLECTION,
  migrateMongo,
  SCHEMA_LOCKS_COLLECTION,
  schemaVersionOf,
} from './mongo-schema.ts';
export type { MetaDocument, MongoMigration } from './mongo-schema.ts';
export { isMongoUrl, mongoDatabaseOf, redactStoreLocation } from './store-location.ts';
