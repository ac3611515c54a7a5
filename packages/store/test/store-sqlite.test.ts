// SqliteJobStore: the shared JobStore contract on a file and on ':memory:' (which keeps nothing after close and has
// one connection, so the contract's reopen and two-connection cases are defined for the file only), then what is
// SQLite's own (schema version and migrations, WAL, refusing a newer schema, giving space back after expiry).
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, test } from 'node:test';
import { SCHEMA_VERSION, SqliteJobStore } from '../src/index.ts';
import { MIGRATIONS } from '../src/sqlite-schema.ts';
import type { JobStore } from '../src/index.ts';
import { runJobStoreContract } from '../src/testing/job-store-contract.ts';
import type { StoreHarness } from '../src/testing/job-store-contract.ts';

const root = await mkdtemp(join(tmpdir(), 'pmr-store-'));
after(() => rm(root, { recursive: true, force: true }));
let n = 0;

runJobStoreContract(
  'SqliteJobStore (file)',
  ({ now }) => {
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
  },
  { reopens: true, sharedConnections: true },
);

runJobStoreContract("SqliteJobStore (':memory:')", ({ now }) => {
  const store = new SqliteJobStore(':memory:', { now });
  return Promise.resolve({ store, cleanup: () => store.close() });
});

test('a version-2 file (with the unused per-frame tables) migrates, keeping its jobs and dropping those tables', async () => {
  const path = join(root, 'v2.db');
  const old = new DatabaseSync(path);
  old.exec(MIGRATIONS.slice(0, 2).join(';\n'));
  old.exec('PRAGMA user_version = 2');
  old.exec(`INSERT INTO jobs (id, state, version, token, fingerprint, source, options, tags, gallery_digest, progress, error, warnings,
              create_time, update_time)
            VALUES ('old-job', 'SUCCEEDED', 3, NULL, 'f', '{"kind":"uri","uri":"a.mp4"}', '{}', '{}', NULL,
              '{"framesDecoded":1,"framesAnalysed":1,"framesTotal":1,"fraction":1,"tracksFinished":0}', NULL, '[]', 1, 2)`);
  old.close();
  const store = new SqliteJobStore(path);
  assert.equal((await store.getJob('old-job'))?.state, 'SUCCEEDED');
  await store.close();
  const db = new DatabaseSync(path);
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r['name']);
  assert.deepEqual(tables, ['galleries', 'gallery_photos', 'job_parts', 'jobs', 'results', 'tracks']);
  assert.equal(db.prepare('PRAGMA user_version').get()?.['user_version'], SCHEMA_VERSION);
  db.close();
});

test('the file returns to its size once the jobs that filled it expire', async () => {
  const path = join(root, 'expiry.db');
  let now = Date.UTC(2026, 0, 1);
  const store = new SqliteJobStore(path, { now: () => now });
  const size = (): number => statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
  const idle = (await store.createJob({ source: { kind: 'uri', uri: 'kept.mp4' }, options: {}, tags: {} })).job;
  await store.deleteEndedBefore(now); // checkpoints nothing yet: measure after one expiry pass, as the orchestrator runs them
  await store.putPart(idle.id, 'decoded', { frames: 1 });
  const before = size();
  const photo = new Uint8Array(200_000).fill(7);
  for (let i = 0; i < 20; i++) {
    const digest = `gallery-${i}`;
    await store.putGallery(digest, [{ person: 'p', name: 'p.jpg', data: photo }]);
    const { job } = await store.createJob({
      source: { kind: 'uri', uri: `${i}.mp4` },
      options: {},
      tags: {},
      galleryDigest: digest,
    });
    const running = await store.updateState(job.id, { to: 'RUNNING', expectedVersion: 1 });
    await store.putPart(job.id, 'gallery', { templates: Array.from({ length: 2000 }, (_, k) => k / 7) });
    await store.updateState(job.id, { to: 'SUCCEEDED', expectedVersion: running.version });
  }
  const full = size();
  assert.ok(full > before + 20 * 200_000, `20 jobs with galleries grew the file from ${before} to ${full} bytes`);
  now += 60_000;
  assert.equal(await store.deleteEndedBefore(now), 20);
  const after = size();
  assert.ok(after <= before + 64 * 1024, `after expiry the file is ${after} bytes, it was ${before} before the jobs`);
  assert.notEqual(await store.getJob(idle.id), null);
  await store.close();
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
  assert.throws(
    () => new SqliteJobStore(path),
    (err: unknown) => {
      assert.equal((err as { code?: unknown }).code, 'FAILED_PRECONDITION');
      assert.match(
        (err as Error).message,
        new RegExp(`schema version ${SCHEMA_VERSION + 1}; this build knows up to ${SCHEMA_VERSION}: upgrade PMR`),
      );
      return true;
    },
  );
  const check = new DatabaseSync(path);
  assert.equal(check.prepare('PRAGMA user_version').get()?.['user_version'], SCHEMA_VERSION + 1);
  check.close();
});
