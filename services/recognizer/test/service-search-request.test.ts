// SearchGallery requests against a hand-made gallery: ranking, max_matches, and every rejection with its code.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PmrError } from '@pmr/common';
import { createGallery } from '../src/gallery.ts';
import type { SearchGalleryRequest__Output } from '../src/service/common-bridge.ts';
import { staticGalleryStore } from '../src/service/gallery-store.ts';
import { MAX_QUERIES, searchGalleries } from '../src/service/search-request.ts';

// One template each: ann along x, bob along y, cy at (0.6, 0.8, 0). Cosine of a query with each is hand-checked.
const gallery = createGallery([
  ['ann', [Float32Array.of(1, 0, 0)]],
  ['bob', [Float32Array.of(0, 1, 0)]],
  ['cy', [Float32Array.of(0.6, 0.8, 0)]],
]);
const store = staticGalleryStore([['team', gallery]]);

const request = (queries: number[][], maxMatches = 0, galleryId = 'team'): SearchGalleryRequest__Output => ({
  galleryId,
  queries: queries.map((values) => ({ values })),
  maxMatches,
});

const rounded = (response: ReturnType<typeof searchGalleries>): Array<Array<[string, number]>> =>
  (response.results ?? []).map((r) =>
    (r.matches ?? []).map((m) => [m.name ?? '', Math.round(Number(m.similarity) * 1e6) / 1e6]),
  );

const RANKINGS: ReadonlyArray<{
  name: string;
  queries: number[][];
  maxMatches: number;
  expected: Array<Array<[string, number]>>;
}> = [
  { name: 'max_matches 0 means 1', queries: [[1, 0, 0]], maxMatches: 0, expected: [[['ann', 1]]] },
  {
    name: 'x: ann 1, cy 0.6, bob 0',
    queries: [[1, 0, 0]],
    maxMatches: 3,
    expected: [
      [
        ['ann', 1],
        ['cy', 0.6],
        ['bob', 0],
      ],
    ],
  },
  {
    name: 'a query is normalised: (0, 2, 0) is y',
    queries: [[0, 2, 0]],
    maxMatches: 2,
    expected: [
      [
        ['bob', 1],
        ['cy', 0.8],
      ],
    ],
  },
  {
    name: 'more matches than persons: all three',
    queries: [[0, 0, 1]],
    maxMatches: 100,
    expected: [
      [
        ['ann', 0],
        ['bob', 0],
        ['cy', 0],
      ],
    ],
  },
  {
    name: 'one result per query, in order',
    queries: [
      [0.6, 0.8, 0],
      [-1, 0, 0],
    ],
    maxMatches: 1,
    expected: [[['cy', 1]], [['bob', 0]]],
  },
];

for (const { name, queries, maxMatches, expected } of RANKINGS) {
  test(`search: ${name}`, () => {
    assert.deepEqual(rounded(searchGalleries(store, request(queries, maxMatches))), expected);
  });
}

const INVALID: ReadonlyArray<{ name: string; request: SearchGalleryRequest__Output; code: string; details: string }> = [
  {
    name: 'no gallery id',
    request: request([[1, 0, 0]], 1, ''),
    code: 'INVALID_ARGUMENT',
    details: 'gallery_id is required',
  },
  {
    name: 'unknown gallery',
    request: request([[1, 0, 0]], 1, 'other'),
    code: 'NOT_FOUND',
    details: 'gallery "other" not found; this recognizer serves "team"',
  },
  {
    name: 'max_matches 101',
    request: request([[1, 0, 0]], 101),
    code: 'INVALID_ARGUMENT',
    details: 'max_matches must be from 1 to 100 (0: 1), got 101',
  },
  {
    name: 'no queries',
    request: request([]),
    code: 'INVALID_ARGUMENT',
    details: 'queries is empty; send 1 to 256 embeddings',
  },
  {
    name: '257 queries',
    request: request(Array.from({ length: MAX_QUERIES + 1 }, () => [1, 0, 0])),
    code: 'INVALID_ARGUMENT',
    details: 'queries holds 257 embeddings',
  },
  {
    name: 'wrong length',
    request: request([
      [1, 0, 0],
      [1, 0],
    ]),
    code: 'INVALID_ARGUMENT',
    details: 'queries[1] has 2 values; gallery "team" holds 3-value embeddings',
  },
  {
    name: 'NaN value',
    request: request([[Number.NaN, 0, 0]]),
    code: 'INVALID_ARGUMENT',
    details: 'queries[0] holds a value that is not a finite number',
  },
  {
    name: 'zero vector',
    request: request([[0, 0, 0]]),
    code: 'INVALID_ARGUMENT',
    details: 'queries[0] is the zero vector',
  },
];

for (const { name, request: bad, code, details } of INVALID) {
  test(`invalid search: ${name}`, () => {
    assert.throws(
      () => searchGalleries(store, bad),
      (err: unknown) => {
        assert.ok(err instanceof PmrError);
        assert.equal(err.code, code);
        assert.ok(err.message.includes(details), err.message);
        return true;
      },
    );
  });
}

test('a recognizer without galleries says so', () => {
  assert.throws(
    () => searchGalleries(staticGalleryStore([]), request([[1, 0, 0]])),
    /gallery "team" not found; this recognizer serves no gallery/,
  );
});
