// What the MongoDB stores make of the driver's errors: duplicate keys (code 11000, answered alike by MongoDB and
// FerretDB) are expected outcomes of their conditional writes; an unreachable server is UNAVAILABLE; any other driver
// or server error is INTERNAL, naming the store (never its password).
import type { WriteError } from 'mongodb';
import {
  MongoBulkWriteError,
  MongoError,
  MongoNetworkError,
  MongoServerError,
  MongoServerSelectionError,
} from 'mongodb';
import { PmrError } from '@pmr/common';

const DUPLICATE_KEY = 11000;

/** True for a duplicate-key error. */
export function isDuplicateKey(err: unknown): boolean {
  return err instanceof MongoServerError && err.code === DUPLICATE_KEY;
}

/** An upsert that two writers ran at once can fail with duplicate key for the second: run it once more. */
export async function retryDuplicate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    return write();
  }
}

/** Lets an insert through whose only failures are duplicate keys (those documents are kept already). */
export function ignoreDuplicates(err: unknown): void {
  if (isDuplicateKey(err)) return;
  if (err instanceof MongoBulkWriteError) {
    const errors = ([] as WriteError[]).concat(err.writeErrors);
    if (errors.length > 0 && errors.every((e) => e.code === DUPLICATE_KEY)) return;
  }
  throw err;
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A PmrError as it is; an unreachable server as UNAVAILABLE; any other driver or server error as INTERNAL. `store`
 * names the store in the message, its URL without the password (e.g. `job store mongodb://***@db/pmr (database pmr)`).
 */
export function storeError(err: unknown, store: string): unknown {
  if (err instanceof PmrError) return err;
  if (err instanceof MongoServerSelectionError || err instanceof MongoNetworkError) {
    return new PmrError('UNAVAILABLE', `${store} is unreachable: ${messageOf(err)}`, { cause: err });
  }
  if (err instanceof MongoError) return new PmrError('INTERNAL', `${store}: ${messageOf(err)}`, { cause: err });
  return err;
}
