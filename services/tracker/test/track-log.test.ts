import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deserialize, serialize } from 'node:v8';
import { TrackLog, type TrackLogSnapshot } from '../src/track-log.ts';
import { FrameTimes, type FrameTimesSnapshot } from '../src/frame-times.ts';

const box = (x: number) => ({ x, y: 10, width: 20, height: 30 });
const span = (i: number, fps = 10) => ({ sourceFirst: i, sourceLast: i, pts: i / fps, end: (i + 1) / fps });

test('TrackLog samples the timeline every interval and always ends at the last detection', () => {
  const log = new TrackLog(0.5);
  // detections at 0.0, 0.1, …, 1.2 s
  for (let i = 0; i <= 12; i++) log.record(7, span(i), box(i));
  const rec = log.take(7)!;
  assert.deepEqual(
    rec.timeline.map((p) => p.t),
    [0, 0.5, 1, 1.2],
  );
  assert.deepEqual(rec.timeline.at(-1)!.box, [12, 10, 20, 30]);
  assert.equal(rec.detections, 13);
  assert.equal(rec.firstSeen, 0);
  assert.equal(rec.lastSeen, 1.3, 'the end of the last frame');
  assert.deepEqual([rec.firstFrame, rec.lastFrame], [0, 12]);
  assert.equal(log.take(7), undefined, 'taken once');
});

test('TrackLog: an analysed frame standing for skipped frames extends the track to the end of its range', () => {
  const log = new TrackLog(0);
  log.record(1, { sourceFirst: 0, sourceLast: 4, pts: 0, end: 0.5 }, box(0));
  log.record(1, { sourceFirst: 5, sourceLast: 9, pts: 0.5, end: 1.0 }, box(5));
  const rec = log.take(1)!;
  assert.deepEqual([rec.firstFrame, rec.lastFrame, rec.firstSeen, rec.lastSeen], [0, 9, 0, 1]);
  assert.equal(rec.timeline.length, 2, 'interval 0 keeps every analysed frame');
});

test('FrameTimes forgets frames older than its window', () => {
  const times = new FrameTimes(3);
  for (let i = 0; i < 6; i++) times.add(i, span(i));
  assert.equal(times.get(2), undefined);
  assert.deepEqual(times.get(3), span(3));
  assert.deepEqual(times.get(5), span(5));
});

test('TrackLog snapshot/restore through node:v8 mid-track gives the same records', () => {
  const run = (cutAt: number): unknown[] => {
    let log = new TrackLog(0.25);
    for (let i = 0; i < 20; i++) {
      if (i === cutAt) log = TrackLog.restore(deserialize(serialize(log.snapshot())) as TrackLogSnapshot);
      log.record(i % 3 === 0 ? 2 : 1, span(i), box(i));
    }
    return [log.take(1), log.take(2), log.take(3)];
  };
  const reference = run(-1);
  for (let k = 0; k < 20; k++) assert.deepStrictEqual(run(k), reference, `restored before detection ${k}`);
});

test('FrameTimes snapshot/restore through node:v8 keeps its window and what it remembers', () => {
  const times = new FrameTimes(3);
  for (let i = 0; i < 5; i++) times.add(i, span(i));
  const restored = FrameTimes.restore(deserialize(serialize(times.snapshot())) as FrameTimesSnapshot);
  for (let i = 0; i < 5; i++) assert.deepStrictEqual(restored.get(i), times.get(i));
  restored.add(5, span(5));
  assert.equal(restored.get(2), undefined, 'the window is kept: frame 2 is forgotten when frame 5 comes');
  assert.deepStrictEqual(restored.get(3), span(3));
});
