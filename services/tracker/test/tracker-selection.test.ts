import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Tracker } from '../src/tracker.ts';
import { face, seeded, type TestFace } from './synthetic.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PEAKS = new Map([
  [1234, 0.9],
  [3456, 0.8],
  [5678, 0.95],
  [5679, 0.94], // next frame after the best one: too close in time to be kept as well
  [7890, 0.85],
  [9012, 0.7],
]);

test('Tracker: a 10,000-frame track keeps at most K faces, spaced in time, and holds no other face', async () => {
  const K = 5;
  const t = new Tracker<TestFace>({ facesPerTrack: K, minSelectionGapSeconds: 0.5 });
  const jitter = seeded(7);
  const refs: WeakRef<TestFace>[] = [];
  let maxHeld = 0;
  let assignedCount = 0;
  let diedCount = 0;
  for (let i = 0; i < 10_000; i++) {
    // a still face with ±2 px detector jitter and quality below 0.6 except at the peaks
    const q = PEAKS.get(i) ?? 0.5 + jitter() * 0.1;
    const f = face('a', 640 + (jitter() - 0.5) * 4, 360 + (jitter() - 0.5) * 4, { size: 100, q });
    refs.push(new WeakRef(f));
    const r = t.update({ index: i, pts: i / 25, width: 1280, height: 720 }, [f]);
    assignedCount += r.assigned.length;
    diedCount += r.finished.length;
    maxHeld = Math.max(maxHeld, t.heldFaces);
  }
  assert.equal(assignedCount, 10_000, 'every frame assigned');
  assert.equal(diedCount, 0);
  assert.equal(t.liveTracks, 1);
  assert.ok(maxHeld <= K, `held at most ${maxHeld} faces`);

  // Memory: once the current job is over, every face the tracker did not keep can be collected. (WeakRef
  // targets are kept until the current job ends; V8 may also hold a recent object for a moment, e.g. in a
  // background compile job, so collect a few times, 20 ms apart, before judging.)
  const selectedFrames = [1234, 3456, 5678, 7890, 9012];
  let alive: number[] = [];
  for (let round = 0; round < 5; round++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    gc();
    alive = refs.flatMap((r, i) => (r.deref() === undefined ? [] : [i]));
    if (alive.length <= selectedFrames.length) break;
  }
  assert.deepEqual(alive, selectedFrames, 'only the selected faces are still reachable');

  const [track, ...rest] = t.finish();
  assert.equal(rest.length, 0);
  assert.equal(track?.trackId, 1);
  assert.equal(track?.hits, 10_000);
  assert.deepEqual(
    track?.selected.map((s) => s.frameIndex),
    [1234, 3456, 5678, 7890, 9012],
  );
  assert.deepEqual(
    track?.selected.map((s) => s.face.quality.score),
    [0.9, 0.8, 0.95, 0.85, 0.7],
  );
});

test('Tracker: selected faces of a steady track are spread in time, never from adjacent frames', () => {
  const t = new Tracker<TestFace>({ facesPerTrack: 3, minSelectionGapSeconds: 1 });
  for (let i = 0; i < 250; i++)
    t.update({ index: i, pts: i / 25, width: 1280, height: 720 }, [face('a', 300, 300, { q: 0.6 })]);
  const [track] = t.finish();
  // equal quality: the first face of each 1 s window is kept (frames 0, 25, 50)
  assert.deepEqual(
    track?.selected.map((s) => s.frameIndex),
    [0, 25, 50],
  );
});
