// SqliteJobStore: the shared JobStore contract on a file and on ':memory:' (which keeps nothing after close and has
// one connection, so the contract's reopen and two-connection cases are defined for the file only), then what is
// SQLite's own (schema version, WAL, refusing a newer schema).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { SCHEMA_VERSION, SqliteJobStore } from '../src/store/index.ts';
import type { JobStore } from '../src/store/index.ts';
import { runJobStoreContract } from '../src/store/job-store-contract.ts';
import type { StoreHarness } from '../src/store/job-store-contract.ts';

const root = await mkdtemp(join(tmpdir(), 'pmr-store-'));
after(() => rm(root, { recursive: true, force: true }));
let n = 0;

runJobStoreContract('SqliteJobStore (file)', ({ now }) => {
  const path = join(root, `jobs-${n++}.db`);
  const open: JobStore[] = [new SqliteJobStore(path, { now })];
  const harness: StoreHarness = {
    get store() {
      return open[0] as JobStore;
    },
    reopen: async () => {
      await Promise.all(open.map((s) => s.close()));
      const s = new SqliteJobStore(path, { now });
      open.push(s);
      return s;
    },
    openSecond: () => {
      const s = new SqliteJobStore(path, { now });
      open.push(s);
      return Promise.resolve(s);
    },
    cleanup: async () => {
      await Promise.all(open.map((s) => s.close()));
      await rm(path, { force: true });
    },
  };
  return Promise.resolve(harness);
}, { reopens: true, sharedConnections: true });

runJobStoreContract("SqliteJobStore (':memory:')", ({ now }) => {
  const store = new SqliteJobStore(':memory:', { now });
  return Promise.resolve({ store, cleanup: () => store.close() });
});

test('a new file gets the current schema version and the WAL journal', async () => {
  const path = join(root, 'schema.db');
  const store = new SqliteJobStore(path);
  await store.createJob({ source: { kind: 'uri', uri: 'a.mp4' }, options: {}, tags: {} });
  await store.close();
  const db = new DatabaseSync(path);
  assert.equal(db.prepare('PRAGMA user_version').get()?.['user_version'], SCHEMA_VERSION);
  assert.equal(db.prepare('PRAGMA journal_mode').get()?.['journal_mode'], 'wal');
  db.close();
  const reopened = new SqliteJobStore(path); // migrating an up-to-date file is a no-op
  assert.equal((await reopened.listJobs()).items.length, 1);
  await reopened.close();
});

test('a file from a newer build is refused with FAILED_PRECONDITION and left untouched', () => {
  const path = join(root, 'newer.db');
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  assert.throws(() => new SqliteJobStore(path), (err: unknown) => {
    assert.equal((err as { code?: unknown }).code, 'FAILED_PRECONDITION');
    assert.match((err as Error).message, new RegExp(`schema version ${SCHEMA_VERSION + 1}; this build knows up to ${SCHEMA_VERSION}: upgrade PMR`));
    return true;
  });
  const check = new DatabaseSync(path);
  assert.equal(check.prepare('PRAGMA user_version').get()?.['user_version'], SCHEMA_VERSION + 1);
  check.close();
});
