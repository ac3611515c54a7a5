// The orchestrator's job store and the face collections: the ports, their adapters (SQLite; the job store also on
// MongoDB, from './mongo', loaded only when a connection string asks for it) and the factory that picks a job store
// for a location.
export type { JobStore } from './job-store.ts';
export * from './job-types.ts';
export { assertTransition, canTransition, isFinalState, VersionConflictError } from './job-state.ts';
export { SqliteJobStore } from './sqlite-job-store.ts';
export type { SqliteJobStoreOptions } from './sqlite-job-store.ts';
export type { MongoJobStore, MongoJobStoreOptions } from './mongo-job-store.ts';
export { SCHEMA_VERSION } from './sqlite-schema.ts';
export { openJobStore } from './open-job-store.ts';
export type { OpenJobStoreOptions } from './open-job-store.ts';
export { isMongoUrl, redactStoreLocation } from './store-location.ts';
export type { CollectionStore } from './collection-store.ts';
export * from './collection-types.ts';
export { SqliteCollectionStore } from './sqlite-collection-store.ts';
export type { SqliteCollectionStoreOptions } from './sqlite-collection-store.ts';
