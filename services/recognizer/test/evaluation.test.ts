import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  fractionAtLeast,
  galleryOf,
  leaveOneImageOut,
  leaveOnePersonOut,
  pairwiseAgreement,
  pairTracks,
  strangerOutcomes,
  summarise,
  type LabelledImage,
} from '../src/evaluation.ts';

const deg = (d: number): Float32Array =>
  Float32Array.from([Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)]);
const img = (person: string, d: number, quality = 1): LabelledImage => ({
  person,
  file: `${person}@${d}`,
  query: deg(d),
  templates: [deg(d)],
  quality,
});
const close = (a: number, b: number, what: string): void =>
  assert.ok(Math.abs(a - b) < 1e-4, `${what}: got ${a}, expected ${b}`);

// A at 0° and 10°, B at 90° and 100°, C (single image, distractor) at 50°.
const images = [img('A', 0), img('A', 10), img('B', 90), img('B', 100), img('C', 50)];

test('galleryOf groups templates by person in order of appearance', () => {
  const g = galleryOf(images);
  assert.deepEqual(
    g.persons.map((p) => [p.name, p.templates.length]),
    [
      ['A', 2],
      ['B', 2],
      ['C', 1],
    ],
  );
});

test('leaveOneImageOut skips single-image persons and scores the rest (max scoring)', () => {
  const { rank1, outcomes } = leaveOneImageOut(images, 'max');
  assert.equal(rank1, 1);
  assert.deepEqual(
    outcomes.map((o) => o.file),
    ['A@0', 'A@10', 'B@90', 'B@100'],
  );
  // A@0 against A@10 (cos 10° = 0.9848), C@50 (cos 50° = 0.6428), B@90 (0).
  close(outcomes[0]!.genuine, 0.9848, 'A@0 genuine');
  close(outcomes[0]!.impostor, 0.6428, 'A@0 impostor');
  // B@90 against B@100 (0.9848) and C@50 (cos 40° = 0.7660).
  close(outcomes[2]!.impostor, 0.766, 'B@90 impostor');
  // A's two images 70° apart are each nearer C@50 (cos 50° = 0.643, cos 20° = 0.940) than each other (cos 70° = 0.342).
  const miss = leaveOneImageOut([img('A', 0), img('A', 70), img('C', 50)], 'max');
  assert.equal(miss.rank1, 0);
  assert.deepEqual(
    miss.outcomes.map((o) => o.best),
    ['C', 'C'],
  );
  close(miss.outcomes[1]!.bestSimilarity, 0.9397, 'A@70 -> C');
  close(miss.outcomes[1]!.genuine, 0.342, 'A@70 own');
});

test('leaveOnePersonOut and strangerOutcomes report the best other person', () => {
  const lopo = leaveOnePersonOut(images, 'max');
  assert.deepEqual(
    lopo.map((o) => [o.file, o.best]),
    [
      ['A@0', 'C'],
      ['A@10', 'C'],
      ['B@90', 'C'],
      ['B@100', 'C'],
      ['C@50', 'A'],
    ],
  );
  close(lopo[1]!.bestSimilarity, 0.766, 'A@10 -> C (40°)');
  assert.ok(Number.isNaN(lopo[0]!.genuine));
  close(lopo[4]!.bestSimilarity, 0.766, 'C@50 -> A@10 or B@90 (40°)');
  // X@180: A at best cos 170° = -0.985, B@100 cos 80° = 0.174, C cos 130° = -0.643.
  const s = strangerOutcomes(images, [img('X', 180)], 'max');
  assert.equal(s[0]!.best, 'B');
  close(s[0]!.bestSimilarity, 0.1736, 'X@180 -> B@100');
});

test('pairTracks: genuine pairs need a person with 3+ images; impostor pairs remove the person', () => {
  const three = [img('A', 0), img('A', 10), img('A', 20), img('B', 90)];
  const { genuine, impostor } = pairTracks(three, 'mean-embedding', 'max');
  assert.equal(genuine.length, 3); // A's three pairs; B has one image
  assert.equal(impostor.length, 3);
  // Pair (0°, 10°) -> mean direction 5°, best template left is A@20: cos 15° = 0.9659.
  close(genuine[0]!.similarity, 0.9659, 'pair 0/10');
  assert.equal(genuine[0]!.best, 'A');
  // Without A, the pair (0°, 10°) meets only B@90: cos 85° = 0.0872.
  close(impostor[0]!.similarity, 0.0872, 'impostor pair 0/10');
});

test('summarise (nearest-rank) and fractionAtLeast', () => {
  const s = summarise([5, 1, 4, 2, 3, NaN]);
  assert.deepEqual(s, { n: 5, min: 1, p05: 1, median: 3, p95: 5, max: 5 });
  assert.equal(summarise([]).n, 0);
  assert.ok(Number.isNaN(summarise([]).median));
  assert.equal(fractionAtLeast([0.1, 0.5, 0.7, 0.9], 0.5), 0.75);
  assert.ok(Number.isNaN(fractionAtLeast([], 0.5)));
});

test('pairwiseAgreement counts same-cluster and same-person pairs', () => {
  const cases: Array<[string, number[], string[], number, number]> = [
    // truth pairs: (0,1) A-A, (2,3) B-B. Clusters {0,1,2},{3}: together pairs (0,1),(0,2),(1,2) -> 1 correct.
    ['one merge too many', [0, 0, 0, 1], ['A', 'A', 'B', 'B'], 1 / 3, 1 / 2],
    ['perfect', [0, 0, 1, 1], ['A', 'A', 'B', 'B'], 1, 1],
    ['all apart', [0, 1, 2, 3], ['A', 'A', 'B', 'B'], NaN, 0],
    ['all together', [0, 0, 0, 0], ['A', 'A', 'B', 'B'], 2 / 6, 1],
  ];
  for (const [name, labels, truth, precision, recall] of cases) {
    const got = pairwiseAgreement(labels, truth);
    assert.ok(
      Object.is(got.precision, precision) || Math.abs(got.precision - precision) < 1e-9,
      `${name} precision ${got.precision}`,
    );
    assert.ok(Math.abs(got.recall - recall) < 1e-9, `${name} recall ${got.recall}`);
  }
});
