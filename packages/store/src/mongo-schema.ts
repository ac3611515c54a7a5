// The MongoDB job store's collections and indexes, versioned by the `meta` document { _id: 'schema', version } (the
// part SQLite's user_version plays; @pmr/mongo's migrateMongo applies them): MONGO_MIGRATIONS[v] takes a database from
// version v to v + 1. Every migration is idempotent, so two stores opening a new database at once both succeed. Append
// new migrations; never edit one that has shipped. No index is partial (FerretDB 1.x has none): what must be unique is
// an _id.
import type { Collection, Db } from 'mongodb';
import { ensureCollection, META_COLLECTION, migrateMongo, schemaVersionOf } from '@pmr/mongo';
import type { LockDocument, MetaDocument, MongoMigration } from '@pmr/mongo';
import type {
  GalleryDocument,
  JobDocument,
  PartDocument,
  PhotoDocument,
  ResultDocument,
  TokenDocument,
  TrackDocument,
} from './mongo-documents.ts';

/** The store's collections, by the names they have in the database. */
export interface MongoCollections {
  readonly jobs: Collection<JobDocument>;
  readonly tokens: Collection<TokenDocument>;
  readonly locks: Collection<LockDocument>;
  readonly tracks: Collection<TrackDocument>;
  readonly parts: Collection<PartDocument>;
  readonly results: Collection<ResultDocument>;
  readonly galleries: Collection<GalleryDocument>;
  readonly photos: Collection<PhotoDocument>;
  readonly meta: Collection<MetaDocument>;
}

export const COLLECTION_NAMES: Readonly<Record<keyof MongoCollections, string>> = {
  jobs: 'jobs',
  tokens: 'job_tokens',
  locks: 'job_locks',
  tracks: 'tracks',
  parts: 'job_parts',
  results: 'results',
  galleries: 'galleries',
  photos: 'gallery_photos',
  meta: META_COLLECTION,
};

export function collectionsOf(db: Db): MongoCollections {
  return {
    jobs: db.collection<JobDocument>(COLLECTION_NAMES.jobs),
    tokens: db.collection<TokenDocument>(COLLECTION_NAMES.tokens),
    locks: db.collection<LockDocument>(COLLECTION_NAMES.locks),
    tracks: db.collection<TrackDocument>(COLLECTION_NAMES.tracks),
    parts: db.collection<PartDocument>(COLLECTION_NAMES.parts),
    results: db.collection<ResultDocument>(COLLECTION_NAMES.results),
    galleries: db.collection<GalleryDocument>(COLLECTION_NAMES.galleries),
    photos: db.collection<PhotoDocument>(COLLECTION_NAMES.photos),
    meta: db.collection<MetaDocument>(COLLECTION_NAMES.meta),
  };
}

/** The job store's schema document in `meta`. */
const SCHEMA_ID = 'schema';

export const MONGO_MIGRATIONS: readonly MongoMigration[] = [
  // 1: every collection, the job listings' indexes ((createTime, _id), by state for filters and resuming), expiry's
  // (ended jobs by update time, jobs by gallery, galleries by age), and the per-job lookups of compound _id keys.
  async (db) => {
    for (const name of Object.values(COLLECTION_NAMES)) await ensureCollection(db, name);
    const c = collectionsOf(db);
    await c.jobs.createIndexes([
      { key: { createTime: 1, _id: 1 }, name: 'jobs_by_time' },
      { key: { state: 1, createTime: 1, _id: 1 }, name: 'jobs_by_state_time' },
      { key: { state: 1, updateTime: 1 }, name: 'jobs_by_state_update_time' },
      { key: { galleryDigest: 1 }, name: 'jobs_by_gallery' },
    ]);
    await c.tracks.createIndex({ '_id.jobId': 1, '_id.trackId': 1 }, { name: 'tracks_by_job' });
    await c.parts.createIndex({ '_id.jobId': 1, '_id.key': 1 }, { name: 'parts_by_job' });
    await c.photos.createIndex({ '_id.digest': 1, '_id.index': 1 }, { name: 'photos_by_gallery' });
    await c.galleries.createIndex({ createTime: 1 }, { name: 'galleries_by_time' });
  },
];

/** The schema version this build writes. */
export const MONGO_SCHEMA_VERSION = MONGO_MIGRATIONS.length;

export function mongoSchemaVersionOf(db: Db): Promise<number> {
  return schemaVersionOf(db, SCHEMA_ID);
}

/**
 * Applies the migrations the database lacks, each followed by its version bump. FAILED_PRECONDITION for a database
 * written by a newer build, which is left untouched. `name` says which store in the message.
 */
export function prepareMongoDatabase(db: Db, name: string): Promise<void> {
  return migrateMongo(db, SCHEMA_ID, MONGO_MIGRATIONS, `job store ${name}`);
}
