import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tracker } from '../src/tracker.ts';
import { face, runSequence, type SyntheticFrame, type TestFace } from './synthetic.ts';

const meta = (index: number, pts: number) => ({ index, pts, width: 1280, height: 720 });

test('Tracker: a tentative track is confirmed after minHits and its earlier detections are reported retroactively', () => {
  const t = new Tracker<TestFace>({ minHits: 3 });
  const f = [face('a', 100, 100), face('a', 102, 100), face('a', 104, 100), face('a', 106, 100)];
  const r0 = t.update(meta(0, 0), [f[0] as TestFace]);
  const r1 = t.update(meta(1, 0.04), [f[1] as TestFace]);
  const r2 = t.update(meta(2, 0.08), [f[2] as TestFace]);
  const r3 = t.update(meta(3, 0.12), [f[3] as TestFace]);
  assert.deepEqual(r0.assigned, []);
  assert.deepEqual(r1.assigned, []);
  assert.deepEqual(
    r2.assigned.map((a) => [a.trackId, a.frameIndex, a.pts, a.face]),
    [
      [1, 0, 0, f[0]],
      [1, 1, 0.04, f[1]],
      [1, 2, 0.08, f[2]],
    ],
  );
  assert.deepEqual(
    r3.assigned.map((a) => [a.trackId, a.frameIndex, a.face]),
    [[1, 3, f[3]]],
  );
  const [done, ...rest] = t.finish();
  assert.equal(rest.length, 0);
  assert.deepEqual(
    { ...done, selected: done?.selected.length },
    {
      trackId: 1,
      firstPts: 0,
      lastPts: 0.12,
      firstFrame: 0,
      lastFrame: 3,
      hits: 4,
      selected: 1,
      lateAssigned: [],
    },
  );
  // quality ties and all within 0.5 s: the first face is the one kept
  assert.equal(done?.selected[0]?.face, f[0]);
});

test('Tracker: minHits 1 confirms at once', () => {
  const t = new Tracker<TestFace>({ minHits: 1 });
  const r = t.update(meta(0, 0), [face('a', 100, 100), face('b', 400, 100)]);
  assert.deepEqual(
    r.assigned.map((a) => [a.trackId, a.face.tag]),
    [
      [1, 'a'],
      [2, 'b'],
    ],
  );
});

test('Tracker: short clip — a face seen once, in the last frames, is reported by finish() with lateAssigned', () => {
  const t = new Tracker<TestFace>();
  const f = face('a', 200, 200, { q: 0.8 });
  assert.deepEqual(
    t.update(meta(0, 0), [f]),
    { assigned: [], finished: [], kept: [f] },
    'tentative, but its first face is kept',
  );
  const out = t.finish();
  assert.deepEqual(out, [
    {
      trackId: 1,
      firstPts: 0,
      lastPts: 0,
      firstFrame: 0,
      lastFrame: 0,
      hits: 1,
      selected: [{ frameIndex: 0, pts: 0, face: f }],
      lateAssigned: [{ trackId: 1, frameIndex: 0, pts: 0, face: f }],
    },
  ]);
  assert.deepEqual(t.finish(), [], 'a second finish returns nothing');
  assert.throws(() => t.update(meta(1, 0.04), []), /after finish/);
});

test('Tracker: a single detection followed by more than maxAge without it starts nothing and consumes no id', () => {
  const frames: SyntheticFrame[] = [{ pts: 0, faces: [face('ghost', 600, 300)] }];
  for (let i = 1; i <= 40; i++) frames.push({ pts: i * 0.04, faces: [] }); // 1.6 s of nothing
  frames.push({ pts: 1.64, faces: [face('b', 100, 100)] }, { pts: 1.68, faces: [face('b', 100, 100)] });
  const r = runSequence(frames);
  assert.deepEqual(
    [...r.idsByTag.entries()].map(([tag, ids]) => [tag, [...ids]]),
    [['b', [1]]],
  );
  assert.deepEqual(r.died, []);
  assert.deepEqual(
    r.flushed.map((t) => t.trackId),
    [1],
  );
});

test('Tracker: low-score detections continue a confirmed track but never start or confirm one', () => {
  // a) only low-score detections: nothing at all
  const lowOnly = runSequence(
    Array.from({ length: 20 }, (_, i) => ({ pts: i * 0.04, faces: [face('low', 300, 300, { score: 0.4 })] })),
  );
  assert.equal(lowOnly.assigned.length, 0);
  assert.deepEqual(lowOnly.flushed, []);

  // b) started by 3 high-score frames, then 60 low-score frames (2.4 s, longer than maxAge) moving 50 px/s
  const frames: SyntheticFrame[] = [];
  for (let i = 0; i < 63; i++)
    frames.push({ pts: i * 0.04, faces: [face('a', 300 + 2 * i, 300, { score: i < 3 ? 0.9 : 0.4 })] });
  const cont = runSequence(frames);
  assert.deepEqual([...(cont.idsByTag.get('a') ?? [])], [1]);
  assert.equal(cont.assigned.length, 63, 'every frame is in the timeline');
  assert.deepEqual(
    cont.flushed.map((t) => [t.trackId, t.hits]),
    [[1, 63]],
  );

  // c) the same with the second pass off (lowScore = highScore): the low detections are ignored, the track
  //    ends after maxAge and nothing else starts
  const off = runSequence(frames, { lowScore: 0.6 });
  assert.equal(off.assigned.length, 3);
  assert.deepEqual(
    off.died.map((t) => [t.trackId, t.hits, t.lastFrame]),
    [[1, 3, 2]],
  );
  assert.deepEqual(off.flushed, []);

  // d) scores below lowScore are ignored even by confirmed tracks
  const below = runSequence(
    frames.map((f, i) => ({ pts: f.pts, faces: f.faces.map((x) => ({ ...x, score: i < 3 ? 0.9 : 0.2 })) })),
  );
  assert.equal(below.assigned.length, 3);

  // e) a low-score detection does not keep a tentative track: high, low, high, high → the first tentative
  //    track dies at frame 1, a new one starts at frame 2 and is confirmed at frame 3 with 2 hits
  const t = new Tracker<TestFace>();
  t.update(meta(0, 0), [face('a', 100, 100)]);
  assert.deepEqual(t.update(meta(1, 0.04), [face('a', 100, 100, { score: 0.4 })]).assigned, []);
  assert.deepEqual(t.update(meta(2, 0.08), [face('a', 100, 100)]).assigned, []);
  const fourth = t.update(meta(3, 0.12), [face('a', 100, 100)]);
  assert.deepEqual(
    fourth.assigned.map((a) => [a.trackId, a.frameIndex]),
    [
      [1, 2],
      [1, 3],
    ],
  );
  assert.deepEqual(
    t.finish().map((x) => [x.trackId, x.hits, x.firstFrame]),
    [[1, 2, 2]],
  );
});

test('Tracker: a tentative track missed in the next frame is dropped (no coasting before confirmation)', () => {
  const t = new Tracker<TestFace>();
  t.update(meta(0, 0), [face('a', 100, 100)]);
  t.update(meta(1, 0.04), []);
  assert.equal(t.liveTracks, 0);
  // seen again: a new tentative track, confirmed with the next hit; frame 0 is not part of it
  t.update(meta(2, 0.08), [face('a', 100, 100)]);
  const r = t.update(meta(3, 0.12), [face('a', 100, 100)]);
  assert.deepEqual(
    r.assigned.map((a) => [a.trackId, a.frameIndex]),
    [
      [1, 2],
      [1, 3],
    ],
  );
});

test('Tracker: a confirmed track keeps its detection when a tentative one competes for it', () => {
  const t = new Tracker<TestFace>();
  t.update(meta(0, 0), [face('a', 100, 100)]);
  t.update(meta(1, 0.04), [face('a', 100, 100)]); // track 1 confirmed
  // a spurious detection next to it starts a tentative track
  t.update(meta(2, 0.08), [face('a', 100, 100), face('x', 125, 100)]);
  // now only one detection, between both: the confirmed track takes it although it is nearer the tentative one
  const r = t.update(meta(3, 0.12), [face('a', 120, 100)]);
  assert.deepEqual(
    r.assigned.map((a) => [a.trackId, a.face.tag]),
    [[1, 'a']],
  );
});

test('Tracker: ids are 1, 2, … in order of confirmation and the whole output is deterministic', () => {
  const frames: SyntheticFrame[] = [];
  for (let i = 0; i < 100; i++) {
    const faces = [];
    if (i >= 30) faces.push(face('late', 900, 400)); // appears third
    if (i < 50) faces.push(face('first', 100 + 3 * i, 200)); // leaves at 2 s
    if (i >= 5) faces.push(face('second', 500, 500 - 2 * i)); // appears second
    frames.push({ pts: i * 0.04, faces });
  }
  const a = runSequence(frames);
  const b = runSequence(frames);
  assert.deepEqual(a, b);
  const ids = Object.fromEntries([...a.idsByTag.entries()].map(([tag, s]) => [tag, [...s]]));
  assert.deepEqual(ids, { first: [1], second: [2], late: [3] });
  assert.deepEqual(
    a.died.map((t) => [t.trackId, t.lastFrame]),
    [[1, 49]],
  );
  assert.deepEqual(
    a.flushed.map((t) => t.trackId),
    [2, 3],
  );
  // faces that appear in the same frame are numbered in detection order
  const same = runSequence([0, 0.04].map((pts) => ({ pts, faces: [face('p', 800, 300), face('q', 200, 300)] })));
  assert.deepEqual(
    same.assigned.map((x) => [x.trackId, x.face.tag, x.frameIndex]),
    [
      [1, 'p', 0],
      [2, 'q', 0],
      [1, 'p', 1],
      [2, 'q', 1],
    ],
  );
});

test('Tracker: kept names the faces of the frame that a track now holds among its selected faces', () => {
  // Selection keeps the better face of any two less than 0.5 s apart, up to 5 faces per track.
  const t = new Tracker<TestFace>({ minHits: 2 });
  const a0 = face('a', 100, 100, { q: 0.5 });
  const b0 = face('b', 600, 100, { q: 0.5 });
  assert.deepEqual(t.update(meta(0, 0), [a0, b0]).kept, [a0, b0], 'each new track keeps its first face');
  const a1 = face('a', 102, 100, { q: 0.7 });
  const b1 = face('b', 602, 100, { q: 0.4 });
  assert.deepEqual(
    t.update(meta(1, 0.04), [a1, b1]).kept,
    [a1],
    'a better face replaces the one 0.04 s before; a worse one is not kept',
  );
  const a2 = face('a', 104, 100, { q: 0.6 });
  const b2 = face('b', 604, 100, { q: 0.3 });
  const c2 = face('c', 1000, 500, { q: 0.1 });
  assert.deepEqual(
    t.update(meta(2, 0.6), [c2, a2, b2]).kept,
    [c2, a2, b2],
    'in the order given: 0.5 s on, every face is kept',
  );
  const [a, b] = t.finish();
  assert.deepEqual(
    a?.selected.map((s) => s.face),
    [a1, a2],
  );
  assert.deepEqual(
    b?.selected.map((s) => s.face),
    [b0, b2],
  );
});

test('Tracker: rejects malformed input', () => {
  const t = new Tracker<TestFace>();
  t.update(meta(0, 1), []);
  assert.throws(() => t.update(meta(1, 0.5), []), /time order/);
  assert.throws(() => t.update(meta(-1, 2), []), /index/);
  assert.throws(() => t.update({ index: 1, pts: 2, width: 0, height: 720 }, []), /size/);
  assert.throws(() => t.update(meta(1, 2), [{ ...face('a', 0, 0), score: NaN }]), /finite/);
  // an empty box is ignored, not tracked
  assert.deepEqual(t.update(meta(1, 2), [{ ...face('a', 10, 10), box: { x: 5, y: 5, width: 0, height: 10 } }]), {
    assigned: [],
    finished: [],
    kept: [],
  });
  assert.equal(t.liveTracks, 0);
  assert.throws(() => new Tracker({ iouGate: 2 }), /iouGate/);
});

test('Tracker.cut ends every live track and keeps counting ids', () => {
  const face = (x: number) => ({
    box: { x, y: 10, width: 50, height: 50 },
    score: 0.9,
    quality: { score: 0.8, detector: 0.9, size: 0.8, sharpness: 0.8, frontalness: 0.8 },
  });
  const tracker = new Tracker();
  tracker.update({ index: 0, pts: 0, width: 640, height: 360 }, [face(100)]);
  tracker.update({ index: 1, pts: 0.04, width: 640, height: 360 }, [face(101)]);
  const cut = tracker.cut();
  assert.deepEqual(
    cut.map((t) => t.trackId),
    [1],
  );
  assert.equal(tracker.liveTracks, 0);
  // the same place after the cut is a new track with the next id
  tracker.update({ index: 2, pts: 0.08, width: 640, height: 360 }, [face(101)]);
  const r = tracker.update({ index: 3, pts: 0.12, width: 640, height: 360 }, [face(102)]);
  assert.deepEqual([...new Set(r.assigned.map((a) => a.trackId))], [2]);
  assert.deepEqual(
    tracker.finish().map((t) => t.trackId),
    [2],
  );
  assert.deepEqual(tracker.finish(), []);
});
