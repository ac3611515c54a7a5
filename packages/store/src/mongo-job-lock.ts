// A short lock per job for the MongoDB job store's read-modify-write methods (updateState, recordProgress,
// addWarning). FerretDB 1.x runs every update, findAndModify included, as a read and then a replace by _id, so two
// concurrent conditional updates both match and the last replace wins: a conditional write alone does not make a
// version check or a merge safe there. An insert of a unique _id is atomic on every server, so a writer first inserts
// `job_locks { _id: jobId, owner, expiresAt }`, then reads, checks and writes, then deletes its lock. A writer that
// finds the job locked waits; a lock past its lease (its holder died) is taken over. Writes stay conditional on the
// version read, so on MongoDB, where they are atomic, even a holder that outlived its lease cannot lose an update.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PmrError } from '@pmr/common';
import { isDuplicateKey } from './mongo-errors.ts';
import type { MongoCollections } from './mongo-schema.ts';

/** How long a lock holds (wall-clock ms) before a waiter may take it over; a holder needs two round trips. */
export const LOCK_LEASE_MS = 10_000;
/** How long a writer waits for a job's lock before giving up with UNAVAILABLE. */
const LOCK_WAIT_MS = LOCK_LEASE_MS + 5_000;

async function acquire(c: MongoCollections, jobId: string, owner: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      await c.locks.insertOne({ _id: jobId, owner, expiresAt: Date.now() + LOCK_LEASE_MS });
      return;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const held = await c.locks.findOne({ _id: jobId });
    if (held !== null && held.expiresAt < Date.now()) {
      await c.locks.deleteOne({ _id: jobId, owner: held.owner }); // its holder died: take it over
      continue;
    }
    if (Date.now() > deadline) {
      throw new PmrError('UNAVAILABLE', `job ${jobId} stayed locked by another writer for ${LOCK_WAIT_MS} ms: retry`);
    }
    await sleep(pause);
  }
}

/** Runs `body` holding the job's lock, and releases it whatever `body` does. */
export async function withJobLock<T>(c: MongoCollections, jobId: string, body: () => Promise<T>): Promise<T> {
  const owner = randomUUID();
  await acquire(c, jobId, owner);
  try {
    return await body();
  } finally {
    await c.locks.deleteOne({ _id: jobId, owner }).catch(() => undefined); // left behind, it expires
  }
}
