// Asserting how a call fails: with a PmrError (or any error carrying a code) of the expected code and message.
import assert from 'node:assert/strict';

/** Asserts that `promise` rejects with an error of `code` (and, if given, a message matching `re`). */
export async function rejectsWith(promise: Promise<unknown>, code: string, re?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof Error, `expected an Error, got ${String(err)}`);
    assert.equal((err as Error & { code?: unknown }).code, code, `code of "${err.message}"`);
    if (re !== undefined) assert.match(err.message, re);
    return true;
  });
}
