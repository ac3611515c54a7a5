// MongoJobStore: the shared JobStore contract over the wire, on every server @pmr/mongo's test servers give (FerretDB
// started here, MongoDB in a container, MONGO_URL). Each test gets a fresh database, dropped in its cleanup. Then what is MongoDB's own: how documents are shaped (binary photos, no nested arrays, tokens keyed by _id,
// no partial index), the schema version, creates that meet a token whose job is not written yet, expiry in batches,
// an unreachable server, and the factory that picks an adapter for a location.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Binary, MongoClient } from 'mongodb';
import type { Document } from 'mongodb';
import { freePort } from '@pmr/common/nats-server';
import { dropDatabase, freshDatabaseName, mongoTestServers, withDatabase } from '@pmr/mongo/testing/servers';
import { openJobStore, SqliteJobStore } from '../src/index.ts';
import type { JobStore } from '../src/index.ts';
import { MongoJobStore } from '../src/mongo-job-store.ts';
import { deleteEndedJobs } from '../src/mongo-expiry.ts';
import { collectionsOf, COLLECTION_NAMES, MONGO_SCHEMA_VERSION } from '../src/mongo-schema.ts';
import { jobIn, rejectsWith, request, result, track } from '../src/testing/contract-fixtures.ts';
import { runJobStoreContract } from '../src/testing/job-store-contract.ts';
import type { MakeStore, StoreHarness } from '../src/testing/job-store-contract.ts';

/** Stores on `url()`, each test in a database of its own that its cleanup drops. */
function harnessOn(url: () => string): MakeStore {
  return async ({ now }) => {
    const database = freshDatabaseName();
    const open: JobStore[] = [await MongoJobStore.open(url(), { now, database })];
    const harness: StoreHarness = {
      get store() {
        return open[0] as JobStore;
      },
      reopen: async () => {
        await Promise.all(open.map((s) => s.close()));
        const s = await MongoJobStore.open(url(), { now, database });
        open.push(s);
        return s;
      },
      openSecond: async () => {
        const s = await MongoJobStore.open(url(), { now, database });
        open.push(s);
        return s;
      },
      cleanup: async () => {
        await Promise.all(open.map((s) => s.close()));
        await dropDatabase(url(), database);
      },
    };
    return harness;
  };
}

/** Paths inside `value` where an array sits directly inside an array. */
function nestedArrays(value: unknown, path = ''): string[] {
  if (value instanceof Binary || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) {
    return value.flatMap((v: unknown, i) => (Array.isArray(v) ? [`${path}[${i}]`] : nestedArrays(v, `${path}[${i}]`)));
  }
  return Object.entries(value).flatMap(([k, v]) => nestedArrays(v, path === '' ? k : `${path}.${k}`));
}

/** `url` naming `database` in its path (replacing any database it named), its options kept. */
function withDatabaseInPath(url: string, database: string): string {
  const [base = '', query] = url.split('?');
  const hosts = base.replace(/^(mongodb(?:\+srv)?:\/\/[^/]*).*$/, '$1');
  return `${hosts}/${database}${query === undefined ? '' : `?${query}`}`;
}

/** The MongoDB-only checks, on the server at `url()`. */
function mongoOwnTests(label: string, url: () => string, skip: string | undefined): void {
  describe(`MongoJobStore on ${label}`, () => {
    test('photos are BSON binary, no document holds an array inside an array, tokens are keyed by _id', { skip }, () =>
      withDatabase(url(), async (client, database) => {
        const store = await MongoJobStore.open(url(), { database });
        const { job } = await store.createJob(request({ idempotencyToken: 'tok', galleryDigest: 'g' }));
        await store.putGallery('g', [{ person: 'alice', name: 'a.jpg', data: Uint8Array.from([0xff, 0xd8, 0]) }]);
        await store.putPart(job.id, 'matrix', [[1, 2], [3, [4, 5]], []]);
        await store.putTrack(job.id, track(1));
        await store.putResult(job.id, result([track(1), track(2)]));
        await store.addWarning(job.id, { code: 'UNAVAILABLE', message: 'slow' });
        await store.close();
        const db = client.db(database);
        const photo = await db.collection(COLLECTION_NAMES.photos).findOne({});
        assert.ok(photo?.['data'] instanceof Binary, 'photo data is BSON binary');
        assert.equal(photo['data'].sub_type, Binary.SUBTYPE_DEFAULT);
        assert.deepEqual(Array.from(photo['data'].value()), [0xff, 0xd8, 0]);
        for (const name of Object.values(COLLECTION_NAMES)) {
          for (const doc of await db.collection(name).find({}).toArray()) {
            assert.deepEqual(nestedArrays(doc), [], `${name} document ${JSON.stringify(doc['_id'])}`);
          }
        }
        const fingerprint: unknown = (await db.collection('jobs').findOne({}))?.['fingerprint'];
        assert.deepEqual(await db.collection(COLLECTION_NAMES.tokens).find({}).toArray(), [
          { _id: 'tok', jobId: job.id, fingerprint },
        ]);
        for (const name of Object.values(COLLECTION_NAMES)) {
          const indexes = (await db.collection(name).listIndexes().toArray()) as Document[];
          for (const index of indexes) {
            assert.equal(index['partialFilterExpression'], undefined, `${name} index ${String(index['name'])}`);
          }
        }
        const plain = await db.collection('jobs').findOne({ token: { $exists: false } });
        assert.equal(plain, null, 'the only job has a token');
      }),
    );

    test('a job created without a token has no token field', { skip }, () =>
      withDatabase(url(), async (client, database) => {
        const store = await MongoJobStore.open(url(), { database });
        const { job } = await store.createJob(request());
        await store.close();
        const doc = await client
          .db(database)
          .collection('jobs')
          .findOne({ _id: job.id as never });
        assert.ok(doc !== null && !('token' in doc));
      }),
    );

    test(
      'the schema version is kept in meta; a database from a newer build is refused and left untouched',
      { skip },
      () =>
        withDatabase(url(), async (client, database) => {
          const store = await MongoJobStore.open(url(), { database });
          await store.close();
          const meta = client.db(database).collection<{ _id: string; version: number }>('meta');
          assert.deepEqual(await meta.findOne({ _id: 'schema' }), { _id: 'schema', version: MONGO_SCHEMA_VERSION });
          const again = await MongoJobStore.open(url(), { database }); // an up-to-date database opens as it is
          await again.close();
          const newer = freshDatabaseName();
          const other = client.db(newer).collection<{ _id: string; version: number }>('meta');
          try {
            await other.insertOne({ _id: 'schema', version: MONGO_SCHEMA_VERSION + 1 });
            await rejectsWith(
              MongoJobStore.open(url(), { database: newer }),
              'FAILED_PRECONDITION',
              new RegExp(`schema version ${MONGO_SCHEMA_VERSION + 1}; this build knows up to ${MONGO_SCHEMA_VERSION}`),
            );
            assert.deepEqual(
              (await client.db(newer).listCollections().toArray()).map((c) => c.name),
              ['meta'],
            );
            assert.equal((await other.findOne({ _id: 'schema' }))?.version, MONGO_SCHEMA_VERSION + 1);
          } finally {
            await client.db(newer).dropDatabase();
          }
        }),
    );

    test('a create that finds its token but not the job yet writes the job under the token`s id', { skip }, () =>
      withDatabase(url(), async (client, database) => {
        const store = await MongoJobStore.open(url(), { database });
        await store.createJob(request({ idempotencyToken: 'probe' })); // the fingerprint this request has
        const fingerprint: unknown = (await client.db(database).collection('job_tokens').findOne({}))?.['fingerprint'];
        // A creator that wrote its token and then failed before writing the job:
        await client
          .db(database)
          .collection('job_tokens')
          .insertOne({ _id: 'half' as never, jobId: 'job-half', fingerprint });
        const retried = await store.createJob(request({ idempotencyToken: 'half' }));
        assert.deepEqual([retried.job.id, retried.created], ['job-half', true]);
        const again = await store.createJob(request({ idempotencyToken: 'half' }));
        assert.deepEqual([again.job.id, again.created], ['job-half', false]);
        await rejectsWith(
          store.createJob(request({ idempotencyToken: 'half', tags: {} })),
          'ALREADY_EXISTS',
          /job-half/,
        );
        await store.close();
      }),
    );

    test('a job lock left by a writer that died is taken over once its lease is over', { skip }, () =>
      withDatabase(url(), async (client, database) => {
        const store = await MongoJobStore.open(url(), { database });
        const { job } = await store.createJob(request());
        const locks = client.db(database).collection<{ _id: string; owner: string; expiresAt: number }>('job_locks');
        await locks.insertOne({ _id: job.id, owner: 'died', expiresAt: Date.now() - 1 });
        const running = await store.updateState(job.id, { to: 'RUNNING', expectedVersion: 1 });
        assert.equal(running.version, 2);
        assert.equal(await locks.countDocuments({}), 0, 'the lock is released after the write');
        await store.close();
      }),
    );

    test('expiry works through more ended jobs than one batch holds', { skip }, () =>
      withDatabase(url(), async (client, database) => {
        let now = Date.UTC(2026, 0, 1);
        const store = await MongoJobStore.open(url(), { database, now: () => now });
        const ended: string[] = [];
        for (let i = 0; i < 5; i++) {
          const job = await jobIn(store, i % 2 === 0 ? 'SUCCEEDED' : 'CANCELLED');
          await store.putPart(job.id, 'decoded', { frames: i });
          await store.putTrack(job.id, track(i));
          ended.push(job.id);
        }
        const live = await jobIn(store, 'RUNNING');
        now += 1000;
        assert.equal(await deleteEndedJobs(collectionsOf(client.db(database)), now, 2), 5);
        assert.deepEqual(
          (await store.listJobs()).items.map((j) => j.id),
          [live.id],
        );
        for (const name of ['tracks', 'job_parts']) {
          assert.equal(await client.db(database).collection(name).countDocuments({}), 0, name);
        }
        await store.close();
      }),
    );

    test('the URL names the database, and messages never show the password', { skip }, async () => {
      const database = freshDatabaseName();
      const withCredentials = url().replace('mongodb://', 'mongodb://reader:s3cret@');
      const store = await MongoJobStore.open(withDatabaseInPath(url(), database));
      try {
        assert.match(store.name, new RegExp(`database ${database}`));
        await store.createJob(request());
        const client = new MongoClient(url());
        assert.equal(await client.db(database).collection('jobs').countDocuments({}), 1);
        await client.close();
      } finally {
        await store.close();
        await dropDatabase(url(), database);
      }
      const refused = await MongoJobStore.open(withCredentials, { serverSelectionTimeoutMs: 2000 }).then(
        async (s) => {
          await s.close();
          return undefined; // a server without authentication ignores the credentials
        },
        (err: unknown) => err,
      );
      if (refused !== undefined) assert.doesNotMatch(String((refused as Error).message), /s3cret/);
    });
  });
}

test('an unreachable server is UNAVAILABLE, and a malformed URL INVALID_ARGUMENT, neither showing the password', async () => {
  const port = await freePort();
  await rejectsWith(
    MongoJobStore.open(`mongodb://pmr:hunter2@127.0.0.1:${port}/pmr`, { serverSelectionTimeoutMs: 300 }),
    'UNAVAILABLE',
    /^job store mongodb:\/\/\*\*\*@127\.0\.0\.1:\d+\/pmr \(database pmr\) is unreachable/,
  );
  await assert.rejects(MongoJobStore.open('mongodb://pmr:hunter2@127.0.0.1:1/?w=nonsense&bogus=1'), (err: Error) => {
    assert.equal((err as Error & { code?: string }).code, 'INVALID_ARGUMENT');
    assert.doesNotMatch(err.message, /hunter2/);
    return true;
  });
});

test('openJobStore opens SQLite for a path or :memory: and MongoDB for a connection string', async () => {
  const memory = await openJobStore(':memory:');
  assert.ok(memory instanceof SqliteJobStore);
  await memory.close();
  const root = await mkdtemp(join(tmpdir(), 'pmr-open-'));
  try {
    const file = await openJobStore(join(root, 'state', 'pmr', 'jobs.db')); // its folder is created
    assert.ok(file instanceof SqliteJobStore);
    await file.close();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const port = await freePort();
  await rejectsWith(
    openJobStore(`mongodb://127.0.0.1:${port}/`, { serverSelectionTimeoutMs: 300 }),
    'UNAVAILABLE',
    /is unreachable/,
  );
});

for (const server of await mongoTestServers()) {
  runJobStoreContract(`MongoJobStore (${server.label})`, harnessOn(server.url), {
    reopens: true,
    sharedConnections: true,
    ...(server.skip !== undefined && { skip: server.skip }),
  });
  mongoOwnTests(server.label, server.url, server.skip);
}
