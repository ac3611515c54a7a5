import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PmrError } from '@pmr/common';
import { decideIdentity, type TrackAggregation, type TrackFace } from '../src/decide.ts';
import { createGallery } from '../src/gallery.ts';

const v = (...xs: number[]): Float32Array => Float32Array.from(xs);
const close = (a: number | undefined, b: number, what: string): void =>
  assert.ok(a !== undefined && Math.abs(a - b) < 1e-4, `${what}: got ${a}, expected ${b}`);

const ab = createGallery([
  ['A', [v(1, 0)]],
  ['B', [v(0, 1)]],
]);

// A strong face of A (quality 0.9) and a weak face of B (quality 0.1).
const mixed: TrackFace[] = [
  { embedding: v(1, 0), quality: 0.9 },
  { embedding: v(0, 1), quality: 0.1 },
];

test('decideIdentity aggregates by quality (hand-computed)', () => {
  // mean-embedding: (0.9, 0.1)/0.905539 = (0.99388, 0.11043); margin 0.88345.
  // mean-similarity: A = 0.9*1 + 0.1*0 = 0.9, B = 0.1; margin 0.8.
  const cases: Array<[TrackAggregation, number, string | null, number, number]> = [
    ['mean-embedding', 0.5, 'A', 0.99388, 0.88345],
    ['mean-similarity', 0.5, 'A', 0.9, 0.8],
    ['mean-embedding', 0.995, null, 0.99388, 0.88345],
    ['mean-similarity', 0.9, 'A', 0.9, 0.8], // the threshold itself is accepted
    ['mean-similarity', 0.95, null, 0.9, 0.8],
  ];
  for (const [aggregation, threshold, name, similarity, margin] of cases) {
    const d = decideIdentity(mixed, ab, threshold, { aggregation });
    const what = `${aggregation} @ ${threshold}`;
    assert.equal(d.name, name, what);
    assert.equal(d.candidate, 'A', what);
    close(d.similarity, similarity, what);
    close(d.margin, margin, what);
    close(d.embedding[0], 0.99388, `${what} embedding x`);
    close(d.embedding[1], 0.11043, `${what} embedding y`);
  }
});

test('decideIdentity: zero qualities weigh equally; ties go to the first person', () => {
  const d = decideIdentity(
    [
      { embedding: v(2, 0), quality: 0 },
      { embedding: v(0, 1), quality: 0 },
    ],
    ab,
    0.5,
  );
  assert.equal(d.name, 'A');
  close(d.similarity, Math.SQRT1_2, 'similarity');
  close(d.margin, 0, 'margin');
});

test('decideIdentity: one-person gallery has no margin; empty gallery is unknown; no faces throws', () => {
  const one = decideIdentity([{ embedding: v(0.6, 0.8), quality: 1 }], createGallery([['A', [v(1, 0)]]]), 0.5);
  assert.equal(one.name, 'A');
  close(one.similarity, 0.6, 'one similarity');
  assert.equal(one.margin, undefined);

  const none = decideIdentity([{ embedding: v(1, 0), quality: 1 }], createGallery([]), 0.5);
  assert.deepEqual([none.name, none.similarity, none.candidate, none.margin], [null, -1, null, undefined]);
  assert.deepEqual(Array.from(none.embedding), [1, 0]);

  assert.throws(
    () => decideIdentity([], ab, 0.5),
    (e: unknown) => e instanceof PmrError && e.code === 'INVALID_ARGUMENT',
  );
});
