// Tracker checkpoints: a snapshot taken after any frame, sent through node:v8 (as the tracker service stores it),
// restored and fed the rest of the video gives exactly what the uninterrupted tracker gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import { Tracker, type TrackerSnapshot } from '../src/tracker.ts';
import type { TrackerOptions } from '../src/options.ts';
import { face, seeded, type TestFace } from './synthetic.ts';

interface Step {
  readonly pts: number;
  readonly sceneCut: boolean;
  readonly faces: readonly TestFace[];
}

/**
 * 240 frames at 25 fps with gaps (skipped frames), five people walking at their own speeds and entering and leaving,
 * missed detections, low-score detections, one-frame false positives (tentative tracks that die), faces of varying
 * quality (so the bounded selection replaces faces), and three scene cuts.
 */
function busyVideo(seed: number): Step[] {
  const rnd = seeded(seed);
  const people = Array.from({ length: 5 }, (_, p) => ({
    tag: `p${p}`,
    x: 150 + 220 * p,
    y: 200 + 60 * (p % 3),
    vx: (rnd() - 0.5) * 160,
    vy: (rnd() - 0.5) * 60,
    from: Math.floor(rnd() * 80),
    to: 120 + Math.floor(rnd() * 120),
  }));
  const steps: Step[] = [];
  let pts = 0;
  for (let i = 0; i < 240; i++) {
    pts += rnd() < 0.1 ? 0.12 : 0.04;
    const faces: TestFace[] = [];
    for (const p of people) {
      if (i < p.from || i > p.to || rnd() < 0.12) continue;
      const score = rnd() < 0.1 ? 0.45 : 0.9;
      faces.push(
        face(p.tag, p.x + p.vx * pts, p.y + p.vy * pts, { size: 70, score, q: Math.round(rnd() * 100) / 100 }),
      );
    }
    if (rnd() < 0.08) faces.push(face('noise', 50 + rnd() * 1100, 600, { size: 40, score: 0.7 }));
    steps.push({ pts, sceneCut: i === 60 || i === 61 || i === 170, faces });
  }
  return steps;
}

/** Everything the tracker says for frames [from, to): each cut and each update. */
function feed(tracker: Tracker<TestFace>, steps: readonly Step[], from: number, to: number): unknown[] {
  const out: unknown[] = [];
  for (let i = from; i < to; i++) {
    const s = steps[i]!;
    if (s.sceneCut) out.push({ cut: tracker.cut() });
    out.push(tracker.update({ index: i, pts: s.pts, width: 1280, height: 720 }, s.faces));
  }
  return out;
}

/** Everything the tracker says from frame `from` to the end of the video, then its whole state, then finish. */
const runFrom = (tracker: Tracker<TestFace>, steps: readonly Step[], from: number): unknown[] => [
  ...feed(tracker, steps, from, steps.length),
  { state: tracker.snapshot() },
  { finish: tracker.finish() },
];

/** Through node:v8, as the tracker service stores a checkpoint. */
const viaV8 = <T>(value: T): T => deserialize(serialize(value)) as T;

/** Every object in `value` is a plain object, an array or a typed array: no class instance, no function. */
function assertPlain(value: unknown, path = 'snapshot'): void {
  if (typeof value === 'function') assert.fail(`${path} is a function`);
  if (value === null || typeof value !== 'object') return;
  if (ArrayBuffer.isView(value)) return;
  const proto = Object.getPrototypeOf(value) as unknown;
  assert.ok(proto === Object.prototype || proto === Array.prototype, `${path} is a class instance`);
  for (const [key, v] of Object.entries(value)) assertPlain(v, `${path}.${key}`);
}

const cases: Array<{ name: string; seed: number; options: TrackerOptions }> = [
  { name: 'default settings', seed: 7, options: {} },
  {
    name: 'minHits 3, 2 faces a track, 0.2 s apart, max age 0.3 s',
    seed: 11,
    options: { minHits: 3, facesPerTrack: 2, minSelectionGapSeconds: 0.2, maxAgeSeconds: 0.3 },
  },
];

for (const { name, seed, options } of cases) {
  test(`Tracker snapshot/restore through node:v8 after every frame continues exactly (${name})`, () => {
    const steps = busyVideo(seed);
    const reference = runFrom(new Tracker<TestFace>(options), steps, 0);
    const finished = reference.filter(
      (r) => 'finished' in (r as object) || 'cut' in (r as object) || 'finish' in (r as object),
    );
    assert.ok(finished.length > 0);

    // The video really has what a snapshot must carry: tentative and coasting tracks, full selections, dead tracks.
    const probe = new Tracker<TestFace>(options);
    const seen = { tentative: false, coasting: false, fullSelection: false, died: false };
    steps.forEach((s, k) => {
      if (s.sceneCut) probe.cut();
      seen.died ||= probe.update({ index: k, pts: s.pts, width: 1280, height: 720 }, s.faces).finished.length > 0;
      const snap = probe.snapshot();
      seen.tentative ||= snap.tracks.some((t) => t.id === 0);
      seen.coasting ||= snap.tracks.some((t) => t.lastFrame < k);
      seen.fullSelection ||= snap.tracks.some((t) => t.selector.kept.length === snap.options.facesPerTrack);
    });
    assert.deepEqual(seen, { tentative: true, coasting: true, fullSelection: true, died: true });

    for (let k = 0; k <= steps.length; k++) {
      const original = new Tracker<TestFace>(options);
      const head = feed(original, steps, 0, k);
      const snapshot = original.snapshot();
      assertPlain(snapshot);
      const restored = Tracker.restore(viaV8<TrackerSnapshot<TestFace>>(snapshot));
      const tail = runFrom(restored, steps, k);
      assert.deepStrictEqual([...head, ...tail], reference, `restored after frame ${k - 1}`);
      // Taking the snapshot changed nothing in the original.
      assert.deepStrictEqual(runFrom(original, steps, k), tail, `original after a snapshot at frame ${k - 1}`);
    }
  });
}

test('Tracker.restore keeps the settings and the end: a finished tracker stays finished', () => {
  const tracker = new Tracker<TestFace>({ minHits: 4 });
  tracker.update({ index: 0, pts: 0, width: 100, height: 100 }, [face('a', 50, 50, { size: 20 })]);
  assert.equal(tracker.finish().length, 1);
  const restored = Tracker.restore(viaV8(tracker.snapshot()));
  assert.equal(restored.settings.minHits, 4);
  assert.deepEqual(restored.finish(), []);
  assert.throws(() => restored.update({ index: 1, pts: 0.1, width: 100, height: 100 }, []), /after finish/);
});

test('Tracker.restore checks the settings it is given', () => {
  const snapshot = new Tracker<TestFace>().snapshot();
  assert.throws(() => Tracker.restore({ ...snapshot, options: { ...snapshot.options, minHits: 0 } }), /minHits/);
});
