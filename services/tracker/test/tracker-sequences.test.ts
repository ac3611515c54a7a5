import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iou } from '@pmr/common';
import { Tracker } from '../src/tracker.ts';
import { face, runSequence, seeded, type SyntheticFrame, type TestFace } from './synthetic.ts';

const idsOf = (r: ReturnType<typeof runSequence>): Record<string, number[]> =>
  Object.fromEntries([...r.idsByTag.entries()].map(([tag, s]) => [tag, [...s]]));

/** Two 80-px faces crossing at 200 px/s each, 25 fps, 3 s, with ±1.5 px detector jitter. */
function crossing(occlude: boolean): SyntheticFrame[] {
  const jitter = seeded(42);
  const j = (): number => (jitter() - 0.5) * 3;
  const frames: SyntheticFrame[] = [];
  for (let i = 0; i < 75; i++) {
    const t = i * 0.04;
    const a = face('a', 340 + 200 * t + j(), 300 + j(), { size: 80 });
    const b = face('b', 940 - 200 * t + j(), 315 + j(), { size: 80 });
    const overlapping = iou(a.box, b.box) > 0;
    const faces: TestFace[] = occlude && overlapping ? [a] : [a, b]; // b hidden behind a while they overlap
    frames.push({ pts: t, faces: i % 2 === 0 ? faces : faces.toReversed() });
  }
  return frames;
}

test('Tracker: two faces crossing paths keep their identities', () => {
  const r = runSequence(crossing(false));
  assert.deepEqual(idsOf(r), { a: [1], b: [2] });
  assert.deepEqual(
    r.flushed.map((t) => [t.trackId, t.hits]),
    [
      [1, 75],
      [2, 75],
    ],
  );
});

test('Tracker: two faces crossing, one hidden behind the other while they overlap, keep their identities', () => {
  const frames = crossing(true);
  const hidden = frames.filter((f) => f.faces.length === 1).length;
  // they overlap while |600 − 400·t| < 80 px, i.e. for 0.4 s: about 10 frames (jitter may shift one)
  assert.ok(hidden >= 9 && hidden <= 11, `b is hidden for ${hidden} frames`);
  const r = runSequence(frames);
  assert.deepEqual(idsOf(r), { a: [1], b: [2] });
  assert.deepEqual(
    r.flushed.map((t) => [t.trackId, t.hits]),
    [
      [1, 75],
      [2, 75 - hidden],
    ],
  );
});

/** A face moving right at `speed` px/s, present at the given times. */
function moving(times: readonly number[], speed = 100): SyntheticFrame[] {
  return times.map((t) => ({ pts: t, faces: [face('a', 200 + speed * t, 360)] }));
}

const range = (from: number, to: number, step: number): number[] => {
  const out: number[] = [];
  for (let k = Math.round(from / step); k * step <= to + 1e-9; k++) out.push(k * step);
  return out;
};

test('Tracker: a face gone for 0.5 s that returns at its predicted place keeps its id', () => {
  // 150 px/s at 25 fps; visible 0–2 s, no detection in (2, 2.5), back from 2.52 s where constant velocity puts it
  const gone = range(2.04, 2.48, 0.04).map((pts) => ({ pts, faces: [] }));
  const frames = [...moving(range(0, 2, 0.04), 150), ...gone, ...moving(range(2.52, 4, 0.04), 150)];
  const r = runSequence(frames);
  assert.deepEqual(idsOf(r), { a: [1] });
  assert.deepEqual(r.died, []);
  // without motion prediction the returning face would not overlap its last box at all
  const last = face('a', 200 + 150 * 2, 360).box;
  const back = face('a', 200 + 150 * 2.52, 360).box;
  assert.equal(iou(last, back), 0);
});

test('Tracker: max age is in seconds — gone exactly maxAge keeps the id, longer gets a new one', () => {
  // 4 fps (pts exact in binary), a still face
  const still = (pts: number): SyntheticFrame => ({ pts, faces: [face('a', 640, 360)] });
  const empty = (pts: number): SyntheticFrame => ({ pts, faces: [] });
  const exactly = runSequence([
    still(0),
    still(0.25),
    still(0.5),
    empty(0.75),
    empty(1),
    empty(1.25),
    still(1.5),
    still(1.75),
  ]);
  assert.deepEqual(idsOf(exactly), { a: [1] });
  const longer = runSequence([
    still(0),
    still(0.25),
    still(0.5),
    empty(0.75),
    empty(1),
    empty(1.25),
    empty(1.5),
    still(1.75),
    still(2),
  ]);
  assert.deepEqual(idsOf(longer), { a: [1, 2] });
  assert.deepEqual(
    longer.died.map((t) => [t.trackId, t.firstPts, t.lastPts, t.hits]),
    [[1, 0, 0.5, 3]],
  );
  // with maxAgeSeconds 2 the same 1.25 s absence keeps the id
  const gap125 = [still(0), still(0.25), still(0.5), empty(0.75), empty(1), empty(1.25), empty(1.5), still(1.75)];
  assert.deepEqual(idsOf(runSequence(gap125, { maxAgeSeconds: 2 })), { a: [1] });
  // the old track is reported in the update of the first frame past its max age, not before
  const tracker = new Tracker<TestFace>();
  const finishedAt = gap125.map((f, index) =>
    tracker.update({ index, pts: f.pts, width: 1280, height: 720 }, f.faces).finished.map((t) => t.trackId),
  );
  assert.deepEqual(finishedAt, [[], [], [], [], [], [], [], [1]]);
});

test('Tracker: a face gone for longer than maxAge returns with a new id and the old track is finished mid-video', () => {
  const frames = [
    ...moving(range(0, 1, 0.04)),
    ...range(1.04, 2.2, 0.04).map((pts) => ({ pts, faces: [] })),
    ...moving(range(2.24, 3, 0.04)),
  ];
  const r = runSequence(frames);
  assert.deepEqual(idsOf(r), { a: [1, 2] });
  assert.deepEqual(
    r.died.map((t) => [t.trackId, t.lastFrame]),
    [[1, 25]],
  );
  assert.ok((r.died[0]?.selected.length ?? 0) > 0, 'the finished track comes with its selected faces');
  assert.deepEqual(
    r.flushed.map((t) => t.trackId),
    [2],
  );
});

test('Tracker: skipped frames (gaps in pts) keep tracks, predicted over the real time gap', () => {
  // 250 px/s, 60-px face; runs of 25 fps frames separated by gaps of 0.4 s, 0.32 s and 0.6 s (100, 80, 150 px)
  const times = [...range(0, 0.4, 0.04), ...range(0.8, 0.92, 0.04), ...range(1.24, 1.4, 0.04), ...range(2, 2.2, 0.04)];
  const frames = moving(times, 250);
  // across each gap the face moves farther than its own size: no overlap with its last box
  for (let i = 1; i < frames.length; i++) {
    const gap = (frames[i]?.pts ?? 0) - (frames[i - 1]?.pts ?? 0);
    if (gap > 0.05)
      assert.equal(
        iou(frames[i - 1]?.faces[0]?.box ?? face('', 0, 0).box, frames[i]?.faces[0]?.box ?? face('', 0, 0).box),
        0,
      );
  }
  const r = runSequence(frames);
  assert.deepEqual(idsOf(r), { a: [1] });
  assert.equal(r.assigned.length, times.length, 'every detection is in the timeline');
  // the same frames counted as if they were evenly spaced would lose the track at the first gap
  const evenly = runSequence(frames.map((f, i) => ({ ...f, pts: i * 0.04 })));
  assert.ok((evenly.idsByTag.get('a')?.size ?? 0) > 1, 'frame-count prediction splits the track');
});

test('Tracker: a face leaving the frame is matched by its clipped box while it leaves', () => {
  // 60-px face moving right at 300 px/s across the right edge (x = 1280); the detector clips boxes to the frame
  const frames: SyntheticFrame[] = [];
  for (let i = 0; i < 30; i++) {
    const t = i * 0.04;
    const f = face('a', 1150 + 300 * t, 360);
    const right = Math.min(1280, f.box.x + f.box.width);
    if (right - f.box.x >= 10) frames.push({ pts: t, faces: [{ ...f, box: { ...f.box, width: right - f.box.x } }] });
    else frames.push({ pts: t, faces: [] });
  }
  const r = runSequence(frames);
  assert.deepEqual(idsOf(r), { a: [1] });
  assert.equal(r.assigned.length, frames.filter((f) => f.faces.length > 0).length);
});

test('Tracker: 24 drifting faces with dropouts, low scores and frame gaps keep one id each', () => {
  // 24 faces on a grid drifting up to 15 px/s; per frame each face is missed with probability 0.1 and
  // scores low (0.4) with probability 0.15; 10 % of frame steps are 0.2 s gaps instead of 0.04 s.
  const rnd = seeded(99);
  const people = Array.from({ length: 24 }, (_, k) => ({
    tag: `p${k}`,
    x: 100 + (k % 6) * 200,
    y: 120 + Math.floor(k / 6) * 160,
    vx: (rnd() - 0.5) * 30,
    vy: (rnd() - 0.5) * 20,
  }));
  const frames: SyntheticFrame[] = [];
  let pts = 0;
  for (let i = 0; i < 300; i++) {
    pts += rnd() < 0.1 ? 0.2 : 0.04;
    const faces: TestFace[] = [];
    for (const p of people) {
      if (rnd() < 0.1) continue;
      const score = rnd() < 0.15 ? 0.4 : 0.9;
      faces.push(
        face(p.tag, p.x + p.vx * pts + (rnd() - 0.5) * 3, p.y + p.vy * pts + (rnd() - 0.5) * 3, { size: 70, score }),
      );
    }
    frames.push({ pts, faces });
  }
  const r = runSequence(frames);
  const ids = idsOf(r);
  assert.equal(Object.keys(ids).length, 24);
  for (const [tag, list] of Object.entries(ids)) assert.equal(list.length, 1, `${tag} has ids ${list.join(', ')}`);
  assert.equal(new Set(Object.values(ids).flat()).size, 24, 'no id shared by two faces');
  assert.equal(r.died.length + r.flushed.length, 24);
  const detections = frames.reduce((n, f) => n + f.faces.length, 0);
  // only detections before a face's track is confirmed with high scores can be left out of the timeline
  assert.ok(r.assigned.length >= detections - 48, `${r.assigned.length} of ${detections} detections assigned`);
});
