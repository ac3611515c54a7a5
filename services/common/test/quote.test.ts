// quote(): how messages show a caller's value — whole when short, cut with its length when long.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_QUOTED_CHARS, quote } from '../src/errors.ts';

test('quote: short values whole, in JSON quotes', () => {
  assert.equal(quote('clip.mp4'), '"clip.mp4"');
  assert.equal(quote(''), '""');
  assert.equal(quote('a"b\n'), '"a\\"b\\n"');
  assert.equal(quote('x'.repeat(MAX_QUOTED_CHARS)), `"${'x'.repeat(MAX_QUOTED_CHARS)}"`);
});

test('quote: long values cut to the limit with … and their length', () => {
  assert.equal(quote('x'.repeat(100_000)), `"${'x'.repeat(64)}…" (100000 characters)`);
  assert.equal(quote('abcdef', 3), '"abc…" (6 characters)');
  // A surrogate pair is never split: the cut moves before it.
  assert.equal(quote('ab😀cd', 3), '"ab…" (6 characters)');
});
