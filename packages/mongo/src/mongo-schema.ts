// Schema versions of the MongoDB stores. Each store keeps its version in a document of the database's `meta`
// collection (the job store `{ _id: 'schema', version }`, the collection store `{ _id: 'collections_schema', version }`),
// the part SQLite's user_version and collections_schema play: migrations[v] takes the store from version v to v + 1.
// Services open their stores at once (an orchestrator and recognizers on a new database): a store that finds its
// schema behind migrates under the database's schema lock, one opener at a time, and the others find the work done —
// FerretDB 1.24 panics and drops the connection when two clients create indexes on a new database together. Every
// migration must still be idempotent: a holder that outlives the lock's lease may overlap the next. No index may be
// partial (FerretDB 1.x has none): what must be unique is an _id.
import type { Db } from 'mongodb';
import { MongoServerError } from 'mongodb';
import { failedPrecondition } from '@pmr/common';
import { retryDuplicate } from './mongo-errors.ts';
import { withLock } from './mongo-lock.ts';
import type { LockDocument, LockTiming } from './mongo-lock.ts';

/** A store's schema document in `meta`. */
export interface MetaDocument {
  readonly _id: string;
  readonly version: number;
}

export const META_COLLECTION = 'meta';
/** Where the lock that serialises migrations lives: one key, `schema`, for every store of the database. */
export const SCHEMA_LOCKS_COLLECTION = 'schema_locks';
/** A migration may build indexes over many documents: its lock holds longer than a document's. */
const SCHEMA_LOCK: LockTiming = { leaseMs: 60_000, waitMs: 120_000 };

export type MongoMigration = (db: Db) => Promise<void>;

const NAMESPACE_EXISTS = 48;

/** Creates the collection unless it exists. */
export async function ensureCollection(db: Db, name: string): Promise<void> {
  try {
    await db.createCollection(name);
  } catch (err) {
    if (!(err instanceof MongoServerError && err.code === NAMESPACE_EXISTS)) throw err;
  }
}

/** The version the schema document `metaId` records (0 without one). */
export async function schemaVersionOf(db: Db, metaId: string): Promise<number> {
  const meta = await db.collection<MetaDocument>(META_COLLECTION).findOne({ _id: metaId });
  return typeof meta?.version === 'number' ? meta.version : 0;
}

/**
 * Applies the migrations the database lacks, each followed by its version bump in the schema document `metaId`,
 * holding the database's schema lock (none is taken when nothing is lacking). FAILED_PRECONDITION for a store written
 * by a newer build, which is left untouched; UNAVAILABLE when another opener held the lock for longer than its wait;
 * `store` names it in the message (e.g. `job store mongodb://db/pmr (database pmr)`).
 */
export async function migrateMongo(
  db: Db,
  metaId: string,
  migrations: readonly MongoMigration[],
  store: string,
): Promise<void> {
  if ((await checkedVersion(db, metaId, migrations, store)) === migrations.length) return;
  await ensureCollection(db, SCHEMA_LOCKS_COLLECTION);
  const locks = db.collection<LockDocument>(SCHEMA_LOCKS_COLLECTION);
  await withLock(
    locks,
    'schema',
    `the schema of ${store}`,
    async () => {
      const current = await checkedVersion(db, metaId, migrations, store);
      const meta = db.collection<MetaDocument>(META_COLLECTION);
      for (let v = current; v < migrations.length; v++) {
        await migrations[v]?.(db);
        // A holder that outlived its lease may race the next: the loser of the upsert retries as an update.
        await retryDuplicate(() => meta.updateOne({ _id: metaId }, { $max: { version: v + 1 } }, { upsert: true }));
      }
    },
    SCHEMA_LOCK,
  );
}

/** The store's schema version; FAILED_PRECONDITION when a newer build wrote it. */
async function checkedVersion(
  db: Db,
  metaId: string,
  migrations: readonly MongoMigration[],
  store: string,
): Promise<number> {
  const current = await schemaVersionOf(db, metaId);
  if (current > migrations.length) {
    throw failedPrecondition(
      `${store} has schema version ${current}; this build knows up to ${migrations.length}: upgrade PMR`,
    );
  }
  return current;
}
