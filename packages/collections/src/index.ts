// Face collections: the CollectionStore port, its records, and its SQLite adapter.
export type { CollectionStore } from './collection-store.ts';
export * from './collection-types.ts';
export { SqliteCollectionStore } from './sqlite-collection-store.ts';
export type { SqliteCollectionStoreOptions } from './sqlite-collection-store.ts';
