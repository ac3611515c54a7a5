// withLock on FerretDB, whose updates are not atomic (the reason for the lock): concurrent holders of one key never
// overlap and a read-modify-write under the lock loses nothing; a lock left by a holder that died is taken over once
// its lease is over; the lock is released when the body throws.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { MongoClient } from 'mongodb';
import { requireParts } from '@pmr/common/testing/require-parts';
import { withLock, type LockDocument } from '../src/index.ts';
import { ferretDbMissing, startFerretDb } from '../src/testing/ferretdb.ts';

const skip = requireParts(ferretDbMissing());
const ferret = skip === undefined ? await startFerretDb() : undefined;
after(() => ferret?.stop());

async function withDatabase(body: (client: MongoClient, database: string) => Promise<void>): Promise<void> {
  const client = new MongoClient(ferret?.url ?? '');
  const database = `pmr_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  try {
    await body(client, database);
  } finally {
    await client.db(database).dropDatabase();
    await client.close();
  }
}

test('holders of one key never overlap, and a read-modify-write under the lock loses nothing', { skip }, () =>
  withDatabase(async (client, database) => {
    const db = client.db(database);
    const locks = db.collection<LockDocument>('locks');
    const counters = db.collection<{ _id: string; n: number }>('counters');
    await counters.insertOne({ _id: 'c', n: 0 });
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        withLock(locks, 'c', 'counter c', async () => {
          most = Math.max(most, ++inside);
          const { n } = (await counters.findOne({ _id: 'c' }))!;
          await counters.updateOne({ _id: 'c' }, { $set: { n: n + 1 } });
          inside--;
        }),
      ),
    );
    assert.equal(most, 1, 'one holder at a time');
    assert.equal((await counters.findOne({ _id: 'c' }))?.n, 12);
    assert.equal(await locks.countDocuments({}), 0, 'every lock released');
  }),
);

test('a lock left by a holder that died is taken over after its lease; a body that throws releases it', { skip }, () =>
  withDatabase(async (client, database) => {
    const locks = client.db(database).collection<LockDocument>('locks');
    await locks.insertOne({ _id: 'k', owner: 'died', expiresAt: Date.now() - 1 });
    assert.equal(await withLock(locks, 'k', 'key k', () => Promise.resolve('taken')), 'taken');
    await assert.rejects(
      withLock(locks, 'k', 'key k', () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(await locks.countDocuments({}), 0);
  }),
);
