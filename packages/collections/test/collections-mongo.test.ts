// MongoCollectionStore: the shared CollectionStore contract over the wire, on every server @pmr/mongo's test servers
// give (FerretDB started here, MongoDB in a container, MONGO_URL). Each test gets a fresh database, dropped in its
// cleanup; the concurrency case runs half its changes through a second connection. Then what
// is MongoDB's own: how documents are shaped (vectors as BSON binary, tags as text, no partial index), the schema
// version beside the job store's, a lock left by a writer that died, an unreachable server, and the factory that
// picks an adapter for a location.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Binary } from 'mongodb';
import type { Document } from 'mongodb';
import { freePort } from '@pmr/common/nats-server';
import { rejectsWith } from '@pmr/common/testing/rejects';
import { SCHEMA_LOCKS_COLLECTION } from '@pmr/mongo';
import { dropDatabase, freshDatabaseName, mongoTestServers, withDatabase } from '@pmr/mongo/testing/servers';
import { openCollectionStore, SqliteCollectionStore } from '../src/index.ts';
import type { CollectionStore, NewFace } from '../src/index.ts';
import { vectorsToBytes } from '../src/collection-request.ts';
import { MongoCollectionStore } from '../src/mongo-collection-store.ts';
import {
  COLLECTION_MONGO_SCHEMA_VERSION,
  COLLECTION_SCHEMA_ID,
  COLLECTION_STORE_NAMES,
} from '../src/mongo-collection-schema.ts';
import { runCollectionStoreContract } from '../src/testing/collection-store-contract.ts';
import type { MakeCollectionStore } from '../src/testing/collection-store-contract.ts';

/** Stores on `url()`, each test in a database of its own that its cleanup drops. */
function harnessOn(url: () => string): MakeCollectionStore {
  return async ({ now }) => {
    const database = freshDatabaseName();
    const open: CollectionStore[] = [await MongoCollectionStore.open(url(), { now, database })];
    return {
      store: open[0]!,
      openSecond: async () => {
        const second = await MongoCollectionStore.open(url(), { now, database });
        open.push(second);
        return second;
      },
      cleanup: async () => {
        await Promise.all(open.map((s) => s.close()));
        await dropDatabase(url(), database);
      },
    };
  };
}

const MODEL = 'test-model';
const face = (k: number): NewFace => ({
  externalImageId: `photo-${k}.jpg`,
  imageSha256: k.toString(16).padStart(64, '0'),
  box: { x: k, y: k, width: 40, height: 50 },
  confidence: 0.9,
  quality: { score: 0.8, detector: 0.9, size: 0.7, sharpness: 0.6, frontalness: 0.95 },
  embedding: Float32Array.from([1, 0, 0.5, -0.25]),
  templates: [Float32Array.from([1, 0, 0.5, -0.25]), Float32Array.from([0.1, 0.2, 0.3, 0.4])],
});

/** The MongoDB-only checks, on the server at `url()`. */
function mongoOwnTests(label: string, url: () => string, skip: string | undefined): void {
  describe(`MongoCollectionStore on ${label}`, () => {
    test(
      'vectors are BSON binary (little-endian float32), tags JSON text, ids compound _ids; no index is partial',
      { skip },
      () =>
        withDatabase(url(), async (client, database) => {
          const store = await MongoCollectionStore.open(url(), { database });
          const added = await store
            .createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: 4, tags: { 'a.b': '$x' } })
            .then(() => store.addFaces('c', { embeddingModel: MODEL, faces: [face(1)], personId: 'p' }))
            .then((r) => r.faces[0])
            .finally(() => store.close());
          const db = client.db(database);
          const doc = await db.collection(COLLECTION_STORE_NAMES.faces).findOne({});
          assert.deepEqual(doc?.['_id'], { collectionId: 'c', faceId: added!.faceId });
          assert.equal(doc['personId'], 'p');
          for (const [field, vectors] of [
            ['embedding', [face(1).embedding]],
            ['templates', face(1).templates],
          ] as const) {
            const value: unknown = doc[field];
            assert.ok(value instanceof Binary, `${field} is BSON binary`);
            assert.equal(value.sub_type, Binary.SUBTYPE_DEFAULT);
            assert.deepEqual(Uint8Array.from(value.value()), vectorsToBytes(vectors));
          }
          const collection = await db.collection(COLLECTION_STORE_NAMES.collections).findOne({});
          const createTime: unknown = collection?.['createTime'];
          assert.equal(typeof createTime, 'number');
          assert.deepEqual(collection, {
            _id: 'c',
            embeddingModel: MODEL,
            embeddingDim: 4,
            tags: '{"a.b":"$x"}',
            version: 2,
            createTime,
          });
          assert.deepEqual((await db.collection(COLLECTION_STORE_NAMES.persons).findOne({}))?.['_id'], {
            collectionId: 'c',
            personId: 'p',
          });
          const names: string[] = [];
          for (const name of Object.values(COLLECTION_STORE_NAMES)) {
            for (const index of (await db.collection(name).listIndexes().toArray()) as Document[]) {
              assert.equal(index['partialFilterExpression'], undefined, `${name} index ${String(index['name'])}`);
              names.push(String(index['name']));
            }
          }
          for (const name of ['faces_by_collection', 'faces_by_person', 'persons_by_collection'])
            assert.ok(names.includes(name), `index ${name}`);
        }),
    );

    test(
      'the schema version is its own meta document; a store from a newer build is refused and left untouched',
      { skip },
      () =>
        withDatabase(url(), async (client, database) => {
          const meta = client.db(database).collection<{ _id: string; version: number }>('meta');
          await meta.insertOne({ _id: 'schema', version: 99 }); // the job store's, which this store leaves alone
          const store = await MongoCollectionStore.open(url(), { database });
          await store.close();
          assert.deepEqual(await meta.find({}).sort({ _id: 1 }).toArray(), [
            { _id: COLLECTION_SCHEMA_ID, version: COLLECTION_MONGO_SCHEMA_VERSION },
            { _id: 'schema', version: 99 },
          ]);
          await (await MongoCollectionStore.open(url(), { database })).close(); // up to date: opens as it is
          await meta.updateOne(
            { _id: COLLECTION_SCHEMA_ID },
            { $set: { version: COLLECTION_MONGO_SCHEMA_VERSION + 1 } },
          );
          await rejectsWith(
            MongoCollectionStore.open(url(), { database }),
            'FAILED_PRECONDITION',
            new RegExp(
              `^collection store .* has schema version ${COLLECTION_MONGO_SCHEMA_VERSION + 1}; this build knows up to ${COLLECTION_MONGO_SCHEMA_VERSION}`,
            ),
          );
          assert.equal(
            (await meta.findOne({ _id: COLLECTION_SCHEMA_ID }))?.version,
            COLLECTION_MONGO_SCHEMA_VERSION + 1,
          );
        }),
    );

    test('stores opening a new database at once all open it, one migrating while the others wait', { skip }, () =>
      withDatabase(url(), async (client, database) => {
        const opened = await Promise.allSettled(
          Array.from({ length: 8 }, () => MongoCollectionStore.open(url(), { database })),
        );
        await Promise.all(opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value.close()] : [])));
        assert.deepEqual(
          opened.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : [])),
          [],
          'every store opened',
        );
        const db = client.db(database);
        assert.deepEqual(await db.collection('meta').find({}).toArray(), [
          { _id: COLLECTION_SCHEMA_ID, version: COLLECTION_MONGO_SCHEMA_VERSION },
        ]);
        assert.equal(await db.collection(SCHEMA_LOCKS_COLLECTION).countDocuments({}), 0, 'the schema lock released');
      }),
    );

    test('a collection lock left by a writer that died is taken over once its lease is over', { skip }, () =>
      withDatabase(url(), async (client, database) => {
        const store = await MongoCollectionStore.open(url(), { database });
        try {
          await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: 4 });
          const locks = client
            .db(database)
            .collection<{ _id: string; owner: string; expiresAt: number }>(COLLECTION_STORE_NAMES.locks);
          await locks.insertOne({ _id: 'c', owner: 'died', expiresAt: Date.now() - 1 });
          assert.equal((await store.createPerson('c', 'p')).personId, 'p');
          assert.equal((await store.getCollection('c'))?.version, 2);
          assert.equal(await locks.countDocuments({}), 0, 'the lock is released after the change');
        } finally {
          await store.close();
        }
      }),
    );
  });
}

test('an unreachable server is UNAVAILABLE, and a malformed URL INVALID_ARGUMENT, neither showing the password', async () => {
  const port = await freePort();
  await rejectsWith(
    MongoCollectionStore.open(`mongodb://pmr:hunter2@127.0.0.1:${port}/pmr`, { serverSelectionTimeoutMs: 300 }),
    'UNAVAILABLE',
    /^collection store mongodb:\/\/\*\*\*@127\.0\.0\.1:\d+\/pmr \(database pmr\) is unreachable/,
  );
  await assert.rejects(
    MongoCollectionStore.open('mongodb://pmr:hunter2@127.0.0.1:1/?w=nonsense&bogus=1'),
    (err: Error) => {
      assert.equal((err as Error & { code?: string }).code, 'INVALID_ARGUMENT');
      assert.doesNotMatch(err.message, /hunter2/);
      return true;
    },
  );
});

test('openCollectionStore opens SQLite for a path or :memory: and MongoDB for a connection string', async () => {
  const memory = await openCollectionStore(':memory:');
  assert.ok(memory instanceof SqliteCollectionStore);
  await memory.close();
  const root = await mkdtemp(join(tmpdir(), 'pmr-open-'));
  try {
    const file = await openCollectionStore(join(root, 'state', 'pmr', 'jobs.db')); // its folder is created
    assert.ok(file instanceof SqliteCollectionStore);
    await file.close();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const port = await freePort();
  await rejectsWith(
    openCollectionStore(`mongodb://127.0.0.1:${port}/`, { serverSelectionTimeoutMs: 300 }),
    'UNAVAILABLE',
    /^collection store .* is unreachable/,
  );
});

for (const server of await mongoTestServers()) {
  runCollectionStoreContract(`MongoCollectionStore (${server.label})`, harnessOn(server.url), {
    ...(server.skip !== undefined && { skip: server.skip }),
  });
  mongoOwnTests(server.label, server.url, server.skip);
}
