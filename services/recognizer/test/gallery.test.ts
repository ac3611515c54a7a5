import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PmrError } from '@pmr/common';
import { createGallery, galleryWithout, searchGallery, similarityToEach, type PersonScoring } from '../src/gallery.ts';

const v = (...xs: number[]): Float32Array => Float32Array.from(xs);
const close = (a: number, b: number, what: string): void =>
  assert.ok(Math.abs(a - b) < 1e-5, `${what}: got ${a}, expected ${b}`);

// A: (1,0,0) and (0.6,0.8,0); centroid ∝ (1.6,0.8,0) = (0.8944, 0.4472, 0).
// B: (0,0,1) and (0,2,0) (normalised to (0,1,0)); centroid (0, 0.7071, 0.7071).
// C: one template (0,0.6,0.8).
const gallery = createGallery([
  ['A', [v(1, 0, 0), v(0.6, 0.8, 0)]],
  ['B', [v(0, 0, 1), v(0, 2, 0)]],
  ['C', [v(0, 0.6, 0.8)]],
]);

test('createGallery normalises templates and keeps a unit centroid', () => {
  assert.equal(gallery.dim, 3);
  assert.deepEqual(
    gallery.persons.map((p) => p.name),
    ['A', 'B', 'C'],
  );
  assert.deepEqual(Array.from(gallery.persons[1]!.templates[1]!), [0, 1, 0]);
  const c = gallery.persons[0]!.centroid;
  close(c[0]!, 0.894427, 'A centroid x');
  close(c[1]!, 0.447214, 'A centroid y');
  close(gallery.persons[1]!.centroid[2]!, Math.SQRT1_2, 'B centroid z');
});

test('similarityToEach under each person scoring (hand-computed)', () => {
  const cases: Array<[string, Float32Array, PersonScoring, [number, number, number]]> = [
    ['x-axis, max', v(1, 0, 0), 'max', [1, 0, 0]],
    ['x-axis, top2-mean', v(1, 0, 0), 'top2-mean', [0.8, 0, 0]],
    ['x-axis, centroid', v(1, 0, 0), 'centroid', [0.894427, 0, 0]],
    ['y-axis (unnormalised), max', v(0, 3, 0), 'max', [0.8, 1, 0.6]],
    ['y-axis, top2-mean (C has one template: its max)', v(0, 1, 0), 'top2-mean', [0.4, 0.5, 0.6]],
    ['y-axis, centroid', v(0, 1, 0), 'centroid', [0.447214, Math.SQRT1_2, 0.6]],
    ['z-axis, max', v(0, 0, 1), 'max', [0, 1, 0.8]],
  ];
  for (const [name, q, scoring, expected] of cases) {
    const s = similarityToEach(gallery, q, scoring);
    expected.forEach((e, i) => close(s[i]!, e, `${name} person ${i}`));
  }
});

test('searchGallery ranks persons best first and honours topK', () => {
  const cases: Array<[Float32Array, PersonScoring, number, Array<[string, number]>]> = [
    [
      v(0, 1, 0),
      'max',
      5,
      [
        ['B', 1],
        ['A', 0.8],
        ['C', 0.6],
      ],
    ],
    [
      v(0, 1, 0),
      'top2-mean',
      2,
      [
        ['C', 0.6],
        ['B', 0.5],
      ],
    ],
    [v(0, 0, 1), 'max', 1, [['B', 1]]],
  ];
  for (const [q, scoring, topK, expected] of cases) {
    const got = searchGallery(gallery, q, { scoring, topK });
    assert.deepEqual(
      got.map((m) => m.name),
      expected.map((e) => e[0]),
      `${scoring} ${topK}`,
    );
    got.forEach((m, i) => close(m.similarity, expected[i]![1], `${scoring} ${m.name}`));
  }
});

test('ties keep gallery order; galleryWithout drops persons', () => {
  const g = createGallery([
    ['first', [v(1, 1)]],
    ['second', [v(1, 1)]],
  ]);
  assert.deepEqual(
    searchGallery(g, v(1, 0)).map((m) => m.name),
    ['first', 'second'],
  );
  assert.deepEqual(
    galleryWithout(gallery, 'B').persons.map((p) => p.name),
    ['A', 'C'],
  );
  assert.deepEqual(searchGallery(galleryWithout(gallery, 'A', 'B', 'C'), v(1, 0, 0)), []);
});

test('createGallery rejects empty persons, duplicates and mixed lengths; search rejects wrong length', () => {
  const bad: Array<[string, Array<[string, Float32Array[]]>]> = [
    ['no templates', [['A', []]]],
    [
      'twice',
      [
        ['A', [v(1, 0)]],
        ['A', [v(0, 1)]],
      ],
    ],
    [
      'length',
      [
        ['A', [v(1, 0)]],
        ['B', [v(1, 0, 0)]],
      ],
    ],
  ];
  for (const [name, persons] of bad) {
    assert.throws(
      () => createGallery(persons),
      (e: unknown) => e instanceof PmrError && e.code === 'INVALID_ARGUMENT',
      name,
    );
  }
  assert.throws(
    () => searchGallery(gallery, v(1, 0)),
    (e: unknown) => e instanceof PmrError && e.code === 'INVALID_ARGUMENT',
  );
});
