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
  // short_hamilton_clip.mp4 (2997/100 fps) starts 0.844014 s into its container; measured by matching frame hashes
  const hamilton5 = [1, 7, 13, 19, 25, 31, 37, 43, 49, 55, 61, 67, 73, 79, 85, 91, 97, 103, 109, 115, 121, 127, 133, 139, 145, 151, 157, 163, 169, 175, 181, 187, 193, 199, 205, 211, 217, 223, 229, 235, 241, 247, 253, 259, 265, 271];
  assert.deepEqual(hamilton5.map((_, k) => slotRange(k, 29.97, 5, 0.844014).shown), hamilton5);
  const hamilton7 = [2, 6, 11, 15, 19, 23, 28, 32, 36, 41, 45, 49, 53, 58, 62, 66, 71, 75, 79, 83, 88, 92, 96, 101, 105, 109, 113, 118, 122, 126, 130, 135, 139, 143, 148, 152, 156, 160, 165, 169, 173, 178, 182, 186, 190, 195, 199, 203, 208, 212, 216, 220, 225, 229, 233, 238, 242, 246, 250, 255, 259, 263, 267, 272];
  assert.deepEqual(hamilton7.map((_, k) => slotRange(k, 29.97, 7, 0.844014).shown), hamilton7);
  assert.deepEqual(slotRange(0, 29.97, 5, 0.844014), { first: 0, shown: 1 });
  assert.deepEqual(slotRange(1, 29.97, 5, 0.844014), { first: 2, shown: 7 });
  // exact halves round up (30 fps → 5 fps: frame 3 is at slot time 0.5 → slot 1)
  assert.deepEqual([0, 1, 2].map((k) => slotRange(k, 30, 5)), [{ first: 0, shown: 2 }, { first: 3, shown: 8 }, { first: 9, shown: 14 }]);
});

test('frameTime and resamples', () => {
  assert.equal(frameTime(0, 25), 0);
  assert.equal(frameTime(50, 25), 2);
  assert.equal(frameTime(50, 25, 0.5), 2.5);
  assert.ok(Math.abs(frameTime(2997, 29.97) - 100) < 1e-9);
  assert.equal(resamples(undefined, 25), false);
  assert.equal(resamples(5, 25), true);
  assert.equal(resamples(25, 25), false);
  assert.equal(resamples(60, 25), false);
});
