import { test } from 'node:test';
import assert from 'node:assert/strict';
import { associate, iouCostMatrix } from '../src/association.ts';

const box = (x: number, y: number, w = 10, h = 10) => ({ x, y, width: w, height: h });

test('iouCostMatrix: 1 − IoU, tracks as rows', () => {
  // shift by 5 of a 10-box: IoU 50/150 = 1/3; disjoint: 0; identical: 1
  const m = iouCostMatrix([box(0, 0), box(100, 100)], [box(5, 0), box(0, 0), box(300, 0)]);
  const want = [
    [2 / 3, 0, 1],
    [1, 1, 1],
  ];
  m.forEach((row, i) =>
    row.forEach((c, j) => assert.ok(Math.abs(c - (want[i]?.[j] ?? NaN)) < 1e-12, `cost[${i}][${j}] = ${c}`)),
  );
});

test('associate: hand-built scenes', () => {
  const cases = [
    { name: 'nothing', tracks: [], dets: [], gate: 0.3, matches: [], ut: [], ud: [] },
    { name: 'no detections', tracks: [box(0, 0)], dets: [], gate: 0.3, matches: [], ut: [0], ud: [] },
    { name: 'no tracks', tracks: [], dets: [box(0, 0)], gate: 0.3, matches: [], ut: [], ud: [0] },
    // detections listed in the other order still go to the nearest track
    {
      name: 'swap order',
      tracks: [box(0, 0), box(50, 0)],
      dets: [box(51, 0), box(1, 0)],
      gate: 0.3,
      matches: [
        { track: 0, detection: 1 },
        { track: 1, detection: 0 },
      ],
      ut: [],
      ud: [],
    },
    // IoU 1/3 passes a 0.3 gate but not a 0.5 gate
    {
      name: 'gate pass',
      tracks: [box(0, 0)],
      dets: [box(5, 0)],
      gate: 0.3,
      matches: [{ track: 0, detection: 0 }],
      ut: [],
      ud: [],
    },
    { name: 'gate fail', tracks: [box(0, 0)], dets: [box(5, 0)], gate: 0.5, matches: [], ut: [0], ud: [0] },
    // 3 tracks, 2 detections: the far track stays unmatched
    {
      name: 'tall',
      tracks: [box(0, 0), box(200, 0), box(100, 0)],
      dets: [box(100, 1), box(0, 1)],
      gate: 0.3,
      matches: [
        { track: 0, detection: 1 },
        { track: 2, detection: 0 },
      ],
      ut: [1],
      ud: [],
    },
    // 1 track, 3 detections: the best overlap wins, the others start nothing here
    {
      name: 'wide',
      tracks: [box(0, 0)],
      dets: [box(4, 0), box(1, 1), box(-3, 0)],
      gate: 0.3,
      matches: [{ track: 0, detection: 1 }],
      ut: [],
      ud: [0, 2],
    },
    // a detection exactly between two identical-distance tracks: the lower track index takes it
    {
      name: 'tie',
      tracks: [box(0, 0), box(10, 0)],
      dets: [box(5, 0)],
      gate: 0.3,
      matches: [{ track: 0, detection: 0 }],
      ut: [1],
      ud: [],
    },
  ];
  for (const c of cases) {
    const a = associate(c.tracks, c.dets, c.gate);
    assert.deepEqual(a.matches, c.matches, `${c.name}: matches`);
    assert.deepEqual(a.unmatchedTracks, c.ut, `${c.name}: unmatched tracks`);
    assert.deepEqual(a.unmatchedDetections, c.ud, `${c.name}: unmatched detections`);
  }
});
