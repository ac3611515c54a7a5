// The orchestrator's job store and the face collections: the ports, their SQLite adapters.
export type { JobStore } from './job-store.ts';
export * from './job-types.ts';
export { assertTransition, canTransition, isFinalState, VersionConflictError } from './job-state.ts';
export { SqliteJobStore } from './sqlite-job-store.ts';
export type { SqliteJobStoreOptions } from './sqlite-job-store.ts';
export { SCHEMA_VERSION } from './sqlite-schema.ts';
export type { CollectionStore } from './collection-store.ts';
export * from './collection-types.ts';
export { SqliteCollectionStore } from './sqlite-collection-store.ts';
export type { SqliteCollectionStoreOptions } from './sqlite-collection-store.ts';
