// A short lock per document for the read-modify-write methods of the MongoDB stores (a job's state, progress and
// warnings; a face collection's faces, persons and version). FerretDB 1.x runs every update, findAndModify included,
// as a read and then a replace by _id, so two concurrent conditional updates both match and the last replace wins, and
// twenty concurrent $inc leave four: a conditional write alone does not make a version check, a merge or a counter
// safe there. An insert of a unique _id is atomic on every server, so a writer first inserts
// `{ _id: key, owner, expiresAt }` into the store's lock collection, then reads, checks and writes, then deletes its
// lock. A writer that finds the key locked waits; a lock past its lease (its holder died) is taken over. Writers keep
// their writes conditional (or atomic) too, so on MongoDB, where those are atomic, even a holder that outlived its
// lease cannot lose an update.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Collection } from 'mongodb';
import { PmrError } from '@pmr/common';
import { isDuplicateKey } from './mongo-errors.ts';

/** A held lock: the key it locks is its _id. */
export interface LockDocument {
  readonly _id: string;
  readonly owner: string;
  /** Wall-clock epoch ms after which a waiter may take the lock over. */
  readonly expiresAt: number;
}

/** How long a lock holds and a waiter waits for it, in wall-clock ms. */
export interface LockTiming {
  /** How long the lock holds before a waiter may take it over. */
  readonly leaseMs: number;
  /** How long a waiter waits before giving up with UNAVAILABLE. */
  readonly waitMs: number;
}

/** A document's lock: a holder needs a few round trips. */
export const DOCUMENT_LOCK: LockTiming = { leaseMs: 10_000, waitMs: 15_000 };

async function acquire(
  locks: Collection<LockDocument>,
  key: string,
  owner: string,
  what: string,
  timing: LockTiming,
): Promise<void> {
  const deadline = Date.now() + timing.waitMs;
  for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
    try {
      await locks.insertOne({ _id: key, owner, expiresAt: Date.now() + timing.leaseMs });
      return;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const held = await locks.findOne({ _id: key });
    if (held !== null && held.expiresAt < Date.now()) {
      await locks.deleteOne({ _id: key, owner: held.owner }); // its holder died: take it over
      continue;
    }
    if (Date.now() > deadline) {
      throw new PmrError('UNAVAILABLE', `${what} stayed locked by another writer for ${timing.waitMs} ms: retry`);
    }
    await sleep(pause);
  }
}

/**
 * Runs `body` holding the lock on `key` in `locks`, and releases it whatever `body` does. `what` names the locked
 * thing in the UNAVAILABLE error of a writer that waited too long (e.g. `job 42`).
 */
export async function withLock<T>(
  locks: Collection<LockDocument>,
  key: string,
  what: string,
  body: () => Promise<T>,
  timing: LockTiming = DOCUMENT_LOCK,
): Promise<T> {
  const owner = randomUUID();
  await acquire(locks, key, owner, what, timing);
  try {
    return await body();
  } finally {
    await locks.deleteOne({ _id: key, owner }).catch(() => undefined); // left behind, it expires
  }
}
