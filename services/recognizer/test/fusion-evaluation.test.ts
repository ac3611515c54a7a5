import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  calibratedThreshold,
  describedGallery,
  leaveOneImageOut,
  leaveOnePersonOut,
  pairTracks,
  scoreFaces,
  strangerOutcomes,
  tarAtFar,
  verificationScores,
  type DescribedImage,
  type Scorer,
} from '../src/fusion-evaluation.ts';

const deg = (d: number): Float32Array =>
  Float32Array.from([Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)]);
const close = (a: number, b: number, what: string): void =>
  assert.ok(Math.abs(a - b) < 1e-4, `${what}: got ${a}, expected ${b}`);
/** A photo at angle m for MobileFaceNet and f for FaceRes, its templates the plain chip only. */
const img = (person: string, m: number, f = m): DescribedImage => ({
  person,
  file: `${person}@${m}`,
  face: { mobilefacenet: deg(m), faceres: deg(f), quality: 1 },
  templateSum: { mobilefacenet: deg(m), faceres: deg(f) },
});
const norms = { mobilefacenet: { mean: 0, std: 1 }, faceres: { mean: 0, std: 1 } };
const mfn: Scorer = { fusion: { ...norms, weight: 1 }, aggregation: 'mean-embedding', templates: 'person-centroid' };
const faceres: Scorer = { ...mfn, fusion: { ...norms, weight: 0 } };

const images = [img('A', 0), img('A', 10), img('A', 20), img('B', 90), img('B', 100), img('C', 50)];

test('describedGallery: person centroids, one template per photo, and photos left out', () => {
  const g = describedGallery(images);
  assert.deepEqual(g.persons, ['A', 'B', 'C']);
  close(g.centroid.mobilefacenet[0]![0]!, Math.cos(Math.PI / 18), 'A centroid at 10°');
  assert.equal(g.photos[0]!.mobilefacenet.length, 3);
  const without = describedGallery(images, new Set([images[5]!, images[0]!]));
  assert.deepEqual(without.persons, ['A', 'B']);
  close(without.centroid.mobilefacenet[0]![1]!, Math.sin(Math.PI / 12), 'A without 0° centred at 15°');
  assert.equal(without.centroid.mobilefacenet[1], g.centroid.mobilefacenet[1], 'an untouched person is reused');
});

test('scoreFaces: weights pick the descriptor; photo-max takes the best photo; aggregations of a track', () => {
  // A query at 0° for MobileFaceNet and 90° for FaceRes: MobileFaceNet says A, FaceRes says B.
  const q = { mobilefacenet: deg(0), faceres: deg(90), quality: 1 };
  const g = describedGallery(images);
  assert.ok(scoreFaces(g, [q], mfn)[0]! > scoreFaces(g, [q], mfn)[1]!);
  assert.ok(scoreFaces(g, [q], faceres)[1]! > scoreFaces(g, [q], faceres)[0]!);
  close(scoreFaces(g, [q], { ...mfn, templates: 'photo-max' })[0]!, 1, 'best photo of A is at 0°');
  // Two faces at 0° and 20°: mean-embedding compares 10° to A's centroid (10°); each face is 10° off it.
  const track = [0, 20].map((d) => ({ mobilefacenet: deg(d), faceres: deg(d), quality: 1 }));
  close(scoreFaces(g, track, mfn)[0]!, 1, 'mean direction');
  close(scoreFaces(g, track, { ...mfn, aggregation: 'best-face' })[0]!, Math.cos(Math.PI / 18), 'best face 10° off');
  close(scoreFaces(g, track, { ...mfn, aggregation: 'top3-mean' })[0]!, Math.cos(Math.PI / 18), 'both faces 10° off');
});

test('leave-one-out, leave-one-person-out, strangers and pair tracks', () => {
  const loo = leaveOneImageOut(images, mfn);
  assert.deepEqual(
    loo.map((o) => o.file),
    ['A@0', 'A@10', 'A@20', 'B@90', 'B@100'],
  );
  assert.ok(loo.every((o) => o.best === o.person));
  const lopo = leaveOnePersonOut(images, mfn);
  assert.deepEqual(
    lopo.map((o) => o.best),
    ['C', 'C', 'C', 'C', 'C', 'A'],
  );
  assert.ok(Number.isNaN(lopo[0]!.genuine));
  const [s] = strangerOutcomes(
    images,
    [{ file: 'x', face: { mobilefacenet: deg(65), faceres: deg(65), quality: 1 } }],
    mfn,
  );
  close(s!.bestScore, Math.cos(Math.PI / 12), 'stranger 15° from C');
  assert.equal(s!.best, 'C');
  const { genuine, impostor } = pairTracks(images, mfn);
  assert.equal(genuine.length, 3, 'only A has 3 photos');
  assert.equal(impostor.length, 3 + 1);
  // The largest impostor track: A@10+A@20 (mean 15°) against C at 50°, cos 35°; the threshold adds the margin.
  const worst = Math.cos((35 * Math.PI) / 180);
  close(Math.max(...impostor.map((o) => o.bestScore)), worst, 'worst impostor track');
  assert.equal(calibratedThreshold(images, mfn, 0.05), Math.ceil((worst + 0.05) * 100) / 100);
});

test('verificationScores and tarAtFar', () => {
  const { genuine, impostor } = verificationScores(images, mfn);
  assert.equal(genuine.length, 3 * 2 + 2);
  assert.equal(impostor.length, 6 * 5 - 8);
  // The best impostor pair is 30° apart (A@20 and C@50); every genuine pair is at most 20° apart.
  const zero = tarAtFar(genuine, impostor, 0);
  close(zero.threshold, Math.cos(Math.PI / 6), 'FAR=0 threshold');
  assert.equal(zero.tar, 1);
  // Accepted means strictly above the threshold; FAR 0.25 of 4 impostors lets the best one through.
  assert.deepEqual(tarAtFar([0.9, 0.5, 0.3], [0.1, 0.2, 0.5, 0.4], 0), { tar: 1 / 3, threshold: 0.5 });
  assert.deepEqual(tarAtFar([0.9, 0.5, 0.3], [0.1, 0.2, 0.5, 0.4], 0.25), { tar: 2 / 3, threshold: 0.4 });
  assert.ok(Number.isNaN(tarAtFar([], impostor, 0).tar));
});
