// Pure helpers shared by the JobStore adapters: canonical JSON and fingerprints, cursors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canonicalJson,
  decodeJobCursor,
  decodeTrackCursor,
  encodeJobCursor,
  encodeTrackCursor,
  pageSizeOf,
  requestFingerprint,
  jobFilterOf,
} from '../src/job-request.ts';

test('canonicalJson sorts keys at every level and drops undefined fields', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } }),
    '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
  );
  assert.equal(canonicalJson(null), 'null');
  assert.equal(canonicalJson('x'), '"x"');
});

test('requestFingerprint: equal for equal requests, different when anything the token covers differs', () => {
  const base = { source: { kind: 'uri', uri: 'a.mp4' }, options: { fps: 5 }, tags: { a: '1', b: '2' } } as const;
  const f = requestFingerprint(base);
  assert.match(f, /^[0-9a-f]{64}$/);
  assert.equal(requestFingerprint({ ...base, tags: { b: '2', a: '1' } }), f);
  assert.equal(requestFingerprint({ ...base, idempotencyToken: 'tok' }), f); // the token is not part of the request
  assert.equal(requestFingerprint({ ...base, options: { fps: 5, maxFrames: undefined } }), f);
  for (const other of [
    { ...base, source: { kind: 'uri', uri: 'b.mp4' } } as const,
    { ...base, options: { fps: 6 } },
    { ...base, tags: { a: '1' } },
    { ...base, galleryDigest: 'g' },
  ])
    assert.notEqual(requestFingerprint(other), f);
});

test('job cursors round-trip and are tied to their filter (states and tags)', () => {
  const filter = { states: ['QUEUED', 'RUNNING'] as const, tags: { team: 'a' } };
  const none = { states: [], tags: {} };
  const token = encodeJobCursor({ createTime: 1700000000123, id: 'job-7' }, filter);
  assert.deepEqual(decodeJobCursor(token, filter), { createTime: 1700000000123, id: 'job-7' });
  assert.equal(decodeJobCursor('', none), null);
  assert.equal(decodeJobCursor(undefined, none), null);
  assert.throws(() => decodeJobCursor(token, { ...filter, states: ['QUEUED'] }), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => decodeJobCursor(token, { ...filter, tags: { team: 'b' } }), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => decodeJobCursor('!!', none), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => decodeJobCursor(Buffer.from('{"t":"x","i":"a","s":""}').toString('base64url'), none), {
    code: 'INVALID_ARGUMENT',
  });
  assert.equal(decodeTrackCursor(encodeTrackCursor(41)), 41);
  assert.equal(decodeTrackCursor(''), -1);
  assert.throws(() => decodeTrackCursor(Buffer.from('{"tr":1.5}').toString('base64url')), { code: 'INVALID_ARGUMENT' });
});

test('page sizes and state filters', () => {
  assert.equal(pageSizeOf({}), 100);
  assert.equal(pageSizeOf({ pageSize: 0 }), 100);
  assert.equal(pageSizeOf({ pageSize: 1000 }), 1000);
  for (const bad of [-1, 1001, 2.5]) assert.throws(() => pageSizeOf({ pageSize: bad }), { code: 'INVALID_ARGUMENT' });
  assert.deepEqual(jobFilterOf({ states: ['RUNNING', 'QUEUED', 'RUNNING'] }).states, ['QUEUED', 'RUNNING']);
  assert.deepEqual(jobFilterOf({}), { states: [], tags: {} });
  assert.throws(() => jobFilterOf({ tags: { '': 'x' } }), { code: 'INVALID_ARGUMENT' });
});
