// The orchestrator's job store: the port, its SQLite adapter and the shared contract tests.
export type { JobStore } from './job-store.ts';
export * from './job-types.ts';
export { assertTransition, canTransition, isFinalState, VersionConflictError } from './job-state.ts';
export { SqliteJobStore } from './sqlite-job-store.ts';
export type { SqliteJobStoreOptions } from './sqlite-job-store.ts';
export { SCHEMA_VERSION } from './sqlite-schema.ts';
