// Connecting a MongoDB store: one client per store, writes with write concern majority and reads from the primary, so
// a restarted orchestrator reads its own writes; the database is the one the options or the URL's path name, else
// `pmr`. Messages name the store by its URL without the password and the database.
import { MongoClient } from 'mongodb';
import type { Db } from 'mongodb';
import { invalidArgument } from '@pmr/common';
import { messageOf, storeError } from './mongo-errors.ts';
import { mongoDatabaseOf, redactStoreLocation } from './store-location.ts';

export interface MongoConnectOptions {
  /** The database; default the one the URL names, else `pmr`. */
  readonly database?: string;
  /** How long an operation waits for a reachable server, in ms; default 30000 (the driver's). */
  readonly serverSelectionTimeoutMs?: number;
}

export interface MongoConnection {
  readonly client: MongoClient;
  readonly db: Db;
  /** The connection string without its password, and the database: what messages name. */
  readonly name: string;
}

/**
 * Connects to `url` (mongodb:// or mongodb+srv://) and runs `prepare` (the store's migrations) on the database; the
 * client is closed again when either fails. `store` says which store in messages (`job store`, `collection store`).
 * INVALID_ARGUMENT for a malformed URL, UNAVAILABLE when no server answers, INTERNAL for another driver error.
 */
export async function connectMongo(
  url: string,
  store: string,
  options: MongoConnectOptions,
  prepare: (db: Db, name: string) => Promise<void>,
): Promise<MongoConnection> {
  const database = options.database ?? mongoDatabaseOf(url) ?? 'pmr';
  const name = `${redactStoreLocation(url)} (database ${database})`;
  let client: MongoClient;
  try {
    client = new MongoClient(url, {
      appName: 'pmr',
      writeConcern: { w: 'majority' },
      readPreference: 'primary',
      ...(options.serverSelectionTimeoutMs !== undefined && {
        serverSelectionTimeoutMS: options.serverSelectionTimeoutMs,
      }),
    });
  } catch (cause) {
    throw invalidArgument(`${store} URL ${redactStoreLocation(url)} is not valid: ${messageOf(cause)}`, cause);
  }
  try {
    await client.connect();
    const db = client.db(database);
    await prepare(db, name);
    return { client, db, name };
  } catch (err) {
    await client.close().catch(() => undefined);
    throw storeError(err, `${store} ${name}`);
  }
}
