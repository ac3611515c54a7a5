import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemble, type DecidedTrack } from '../src/assemble.ts';

function track(id: number, name: string | null, firstSeen: number, lastSeen: number): DecidedTrack {
  return {
    id,
    firstSeen,
    lastSeen,
    firstFrame: Math.round(firstSeen * 10),
    lastFrame: Math.round(lastSeen * 10),
    detections: 3,
    facesAnalysed: 2,
    quality: 0.5,
    identity: { name, similarity: name === null ? 0.1 : 0.7 },
    attributes: { expression: null, age: null, gender: null },
    timeline: [],
    bestShot: 'data:image/jpeg;base64,',
  };
}

test('assemble labels strangers by first appearance and sums screen time per person', () => {
  const tracks = [
    track(3, null, 5, 6), // second stranger cluster seen first? no: cluster labels follow firstSeen order below
    track(1, 'obama', 0, 2),
    track(2, null, 1, 3),
    track(4, 'obama', 1.5, 4),
    track(5, null, 7, 8),
  ];
  // Unknown tracks in firstSeen order: 2 (t=1), 3 (t=5), 5 (t=7). Tracks 2 and 5 are the same stranger.
  const { tracks: out, persons } = assemble(tracks, [4, 9, 4]);
  assert.deepEqual(
    out.map((t) => [t.id, t.label]),
    [
      [1, 'obama'],
      [2, 'unknown-1'],
      [4, 'obama'],
      [3, 'unknown-2'],
      [5, 'unknown-1'],
    ],
  );
  const byLabel = Object.fromEntries(persons.map((p) => [p.label, p]));
  // obama: [0,2] ∪ [1.5,4] = 4 s; unknown-1: [1,3] ∪ [7,8] = 3 s; unknown-2: 1 s
  assert.equal(byLabel.obama!.screenTime, 4);
  assert.deepEqual(byLabel.obama!.tracks, [1, 4]);
  assert.equal(byLabel['unknown-1']!.screenTime, 3);
  assert.deepEqual(byLabel['unknown-1']!.tracks, [2, 5]);
  assert.equal(byLabel['unknown-1']!.name, null);
  assert.equal(byLabel['unknown-2']!.screenTime, 1);
  assert.deepEqual(
    persons.map((p) => p.label),
    ['obama', 'unknown-1', 'unknown-2'],
  );
});

test('assemble refuses a cluster list that does not match the unknown tracks', () => {
  assert.throws(() => assemble([track(1, null, 0, 1)], []), /1 unknown tracks but 0 cluster labels/);
});
