// The SQLite collection store's tables. They live beside the job store's in the orchestrator's file, versioned on their
// own (a row of collections_schema, since PRAGMA user_version is the job store's): COLLECTION_MIGRATIONS[v] takes
// them from version v to v + 1. Append new migrations; never edit one that has shipped.
import type { DatabaseSync } from 'node:sqlite';
import { failedPrecondition } from '@pmr/common';

export const COLLECTION_MIGRATIONS: readonly string[] = [
  // 1: collections, persons, and faces with their vectors (little-endian float32 BLOBs). A face's person is cleared
  // by the store when the person goes (no foreign key: it would clear the collection id with it).
  `CREATE TABLE collections (
     id TEXT PRIMARY KEY,
     embedding_model TEXT NOT NULL,
     embedding_dim INTEGER NOT NULL,
     tags TEXT NOT NULL,
     version INTEGER NOT NULL,
     create_time INTEGER NOT NULL
   ) STRICT;
   CREATE TABLE collection_persons (
     collection_id TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
     person_id TEXT NOT NULL,
     create_time INTEGER NOT NULL,
     PRIMARY KEY (collection_id, person_id)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE collection_faces (
     collection_id TEXT NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
     face_id TEXT NOT NULL,
     person_id TEXT,
     external_image_id TEXT NOT NULL,
     image_sha256 TEXT NOT NULL,
     box TEXT NOT NULL,
     confidence REAL NOT NULL,
     quality TEXT NOT NULL,
     index_time INTEGER NOT NULL,
     embedding BLOB NOT NULL,
     templates BLOB NOT NULL,
     PRIMARY KEY (collection_id, face_id)
   ) STRICT;
   CREATE INDEX faces_by_person ON collection_faces (collection_id, person_id, face_id);`,
];

function versionOf(db: DatabaseSync): number {
  db.exec('CREATE TABLE IF NOT EXISTS collections_schema (version INTEGER NOT NULL) STRICT');
  const v = db.prepare('SELECT version FROM collections_schema').get()?.['version'];
  return typeof v === 'number' ? v : 0;
}

/**
 * Sets the connection up (WAL, foreign keys) and applies the migrations the file lacks, each in its own transaction
 * with its version bump. FAILED_PRECONDITION for tables written by a newer build.
 */
export function prepareCollectionDatabase(db: DatabaseSync, path: string): void {
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('BEGIN IMMEDIATE');
  try {
    const current = versionOf(db);
    if (current > COLLECTION_MIGRATIONS.length) {
      throw failedPrecondition(
        `collection store ${path} has schema version ${current}; this build knows up to ${COLLECTION_MIGRATIONS.length}: upgrade PMR`,
      );
    }
    for (let v = current; v < COLLECTION_MIGRATIONS.length; v++) db.exec(COLLECTION_MIGRATIONS[v] ?? '');
    db.exec('DELETE FROM collections_schema');
    db.prepare('INSERT INTO collections_schema (version) VALUES (?)').run(COLLECTION_MIGRATIONS.length);
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
