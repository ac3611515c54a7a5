// The SQLite job store's schema, versioned with PRAGMA user_version: MIGRATIONS[v] takes a database from
// version v to v + 1. Append new migrations; never edit one that has shipped.
import type { DatabaseSync } from 'node:sqlite';
import { failedPrecondition } from '@pmr/common';

export const MIGRATIONS: readonly string[] = [
  // 1: jobs, per-frame faces, finished tracks, frames done, results.
  `CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     state TEXT NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
     version INTEGER NOT NULL,
     token TEXT UNIQUE,
     fingerprint TEXT NOT NULL,
     source TEXT NOT NULL,
     options TEXT NOT NULL,
     tags TEXT NOT NULL,
     gallery_digest TEXT,
     progress TEXT NOT NULL,
     error TEXT,
     warnings TEXT NOT NULL,
     create_time INTEGER NOT NULL,
     update_time INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX jobs_by_time ON jobs (create_time, id);
   CREATE INDEX jobs_by_state_time ON jobs (state, create_time, id);
   CREATE TABLE frame_faces (
     job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
     frame_index INTEGER NOT NULL,
     faces TEXT NOT NULL,
     PRIMARY KEY (job_id, frame_index)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE tracks (
     job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
     track_id INTEGER NOT NULL,
     track TEXT NOT NULL,
     PRIMARY KEY (job_id, track_id)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE frames_done (
     job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
     frame_index INTEGER NOT NULL,
     PRIMARY KEY (job_id, frame_index)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE results (
     job_id TEXT PRIMARY KEY REFERENCES jobs (id) ON DELETE CASCADE,
     result TEXT NOT NULL,
     update_time INTEGER NOT NULL
   ) STRICT;`,
  // 2: the pieces a running job collects from the pipeline (decoder outcome, track summaries, embeddings, …).
  `CREATE TABLE job_parts (
     job_id TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
     key TEXT NOT NULL,
     value TEXT NOT NULL,
     PRIMARY KEY (job_id, key)
   ) STRICT, WITHOUT ROWID;`,
  // 3: per-frame faces and frames done were never written by the orchestrator (it keeps job parts instead).
  `DROP TABLE frame_faces;
   DROP TABLE frames_done;`,
  // 4: gallery photos once per content digest (as BLOBs: no photo becomes one large string); ended jobs found by time
  // for expiry.
  `CREATE TABLE galleries (
     digest TEXT PRIMARY KEY,
     create_time INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE gallery_photos (
     digest TEXT NOT NULL REFERENCES galleries (digest) ON DELETE CASCADE,
     idx INTEGER NOT NULL,
     person TEXT NOT NULL,
     name TEXT NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (digest, idx)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX jobs_by_gallery ON jobs (gallery_digest);
   CREATE INDEX jobs_by_update_time ON jobs (update_time);`,
];

/** The schema version this build writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersionOf(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  const v = row?.['user_version'];
  return typeof v === 'number' ? v : 0;
}

const INCREMENTAL_AUTO_VACUUM = 2;

function autoVacuumOf(db: DatabaseSync): number {
  const v = db.prepare('PRAGMA auto_vacuum').get()?.['auto_vacuum'];
  return typeof v === 'number' ? v : 0;
}

/**
 * Sets the connection up (WAL, foreign keys, busy timeout is given at open) and applies the migrations the file
 * lacks, each in its own transaction together with its user_version bump. FAILED_PRECONDITION for a file written
 * by a newer build.
 */
export function prepareDatabase(db: DatabaseSync, path: string): void {
  // Pages freed by deleting expired jobs go back to the file system (incremental_vacuum after each expiry). Switching a
  // file written without it takes one VACUUM, outside any transaction.
  if (autoVacuumOf(db) !== INCREMENTAL_AUTO_VACUUM) {
    db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    db.exec('VACUUM');
  }
  db.exec('PRAGMA journal_mode = WAL'); // answers 'memory' for ':memory:', which is fine
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  const current = schemaVersionOf(db);
  if (current > SCHEMA_VERSION) {
    throw failedPrecondition(
      `job store ${path} has schema version ${current}; this build knows up to ${SCHEMA_VERSION}: upgrade PMR`,
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(MIGRATIONS[v] ?? '');
      db.exec(`PRAGMA user_version = ${v + 1}`);
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
}
