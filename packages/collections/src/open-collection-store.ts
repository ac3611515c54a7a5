// Opens the collection store a location names, by the job store's rules (openJobStore): a MongoDB connection string
// (mongodb:// or mongodb+srv://) opens a MongoCollectionStore, anything else a SqliteCollectionStore on that file (its
// folder created) or ':memory:'. The MongoDB driver is loaded only when a connection string asks for it.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isMongoUrl } from '@pmr/mongo/location';
import type { CollectionStore } from './collection-store.ts';
import { SqliteCollectionStore } from './sqlite-collection-store.ts';

export interface OpenCollectionStoreOptions {
  /** Clock in epoch milliseconds; default Date.now. */
  readonly now?: () => number;
  /** Face id generator; default randomUUID. */
  readonly newId?: () => string;
  /** MongoDB only: how long to wait for a reachable server, in ms (default 30000). */
  readonly serverSelectionTimeoutMs?: number;
}

export async function openCollectionStore(
  location: string,
  options: OpenCollectionStoreOptions = {},
): Promise<CollectionStore> {
  if (isMongoUrl(location)) {
    const { MongoCollectionStore } = await import('./mongo-collection-store.ts');
    return MongoCollectionStore.open(location, options);
  }
  if (location !== ':memory:') await mkdir(dirname(location), { recursive: true });
  return new SqliteCollectionStore(location, options);
}
