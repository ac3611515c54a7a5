import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameTime, resamples, slotRange } from '../src/sampling.ts';

test('slotRange: the frame ffmpeg 5.1 -vf fps=N shows, and the frames its slot covers', () => {
  // `shown` lists were measured with ffmpeg 5.1 on a 29.97 fps clip whose frames encode their own index.
  const measured = [
    { n: 5, shown: [2, 8, 14, 20, 26, 32, 38, 44, 50, 56, 62, 68, 74, 80, 86] },
    { n: 7, shown: [2, 6, 10, 14, 19, 23, 27, 32, 36, 40, 44, 49, 53, 57, 62, 66, 70, 74, 79, 83, 87] },
    { n: 12, shown: [1, 3, 6, 8, 11, 13, 16, 18, 21, 23, 26, 28, 31, 33, 36, 38, 41, 43, 46, 48, 51, 53, 56, 58, 61, 63, 66, 68, 71, 73, 76, 78, 81, 83, 86, 88] },
  ];
  for (const { n, shown } of measured) {
    const got = shown.map((_, k) => slotRange(k, 30000 / 1001, n));
    assert.deepEqual(got.map((s) => s.shown), shown, `fps=${n}`);
    got.forEach((s, k) => assert.equal(s.first, k === 0 ? 0 : got[k - 1]!.shown + 1, `fps=${n} slot ${k} starts after the previous one`));
  }
  // exact halves round up (30 fps → 5 fps: frame 3 is at slot time 0.5 → slot 1)
  assert.deepEqual([0, 1, 2].map((k) => slotRange(k, 30, 5)), [{ first: 0, shown: 2 }, { first: 3, shown: 8 }, { first: 9, shown: 14 }]);
});

test('frameTime and resamples', () => {
  assert.equal(frameTime(0, 25), 0);
  assert.equal(frameTime(50, 25), 2);
  assert.ok(Math.abs(frameTime(2997, 29.97) - 100) < 1e-9);
  assert.equal(resamples(undefined, 25), false);
  assert.equal(resamples(5, 25), true);
  assert.equal(resamples(25, 25), false);
  assert.equal(resamples(60, 25), false);
});
