// The orchestrator's job store: the port, its adapters (SQLite; MongoDB, from './mongo', loaded only when a
// connection string asks for it) and the factory that picks one for a location.
export type { JobStore } from './job-store.ts';
export * from './job-types.ts';
export { assertTransition, canTransition, isFinalState, VersionConflictError } from './job-state.ts';
export { SqliteJobStore } from './sqlite-job-store.ts';
export type { SqliteJobStoreOptions } from './sqlite-job-store.ts';
export type { MongoJobStore, MongoJobStoreOptions } from './mongo-job-store.ts';
export { SCHEMA_VERSION } from './sqlite-schema.ts';
export { openJobStore } from './open-job-store.ts';
export type { OpenJobStoreOptions } from './open-job-store.ts';
