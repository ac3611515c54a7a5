// Opens the job store a location names: a MongoDB connection string (mongodb:// or mongodb+srv://) opens a
// MongoJobStore, anything else a SqliteJobStore on that file (its folder created) or ':memory:'. The MongoDB driver is
// loaded only when a connection string asks for it.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isMongoUrl } from '@pmr/mongo/location';
import type { JobStore } from './job-store.ts';
import { SqliteJobStore } from './sqlite-job-store.ts';

export interface OpenJobStoreOptions {
  /** Clock in epoch milliseconds; default Date.now. */
  readonly now?: () => number;
  /** Job id generator; default randomUUID. */
  readonly newId?: () => string;
  /** MongoDB only: how long to wait for a reachable server, in ms (default 30000). */
  readonly serverSelectionTimeoutMs?: number;
}

export async function openJobStore(location: string, options: OpenJobStoreOptions = {}): Promise<JobStore> {
  if (isMongoUrl(location)) {
    const { MongoJobStore } = await import('./mongo-job-store.ts');
    return MongoJobStore.open(location, options);
  }
  if (location !== ':memory:') await mkdir(dirname(location), { recursive: true });
  return new SqliteJobStore(location, options);
}
