// Face collections: the CollectionStore port, its records, its adapters (SQLite; MongoDB, from './mongo', loaded only
// when a connection string asks for it) and the factory that picks one for a location.
export type { CollectionStore } from './collection-store.ts';
export * from './collection-types.ts';
export { SqliteCollectionStore } from './sqlite-collection-store.ts';
export type { SqliteCollectionStoreOptions } from './sqlite-collection-store.ts';
export type { MongoCollectionStore, MongoCollectionStoreOptions } from './mongo-collection-store.ts';
export { openCollectionStore } from './open-collection-store.ts';
export type { OpenCollectionStoreOptions } from './open-collection-store.ts';
