import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameTime, resamples, SlotSampler } from '../src/sampling.ts';

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

test('SlotSampler keeps the first frame of each 1/fps-second slot round(t·fps), never repeating one for an empty slot', () => {
  const keptOf = (fps: number, times: number[]): number[] => {
    const sampler = new SlotSampler(fps);
    return times.filter((t) => sampler.keeps(t));
  };
  // 10 fps thinned to 2: slots change at 0.25, 0.75, …
  assert.deepEqual(keptOf(2, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]), [0, 0.3, 0.8]);
  // a gap of several slots: the next frame is kept, once
  assert.deepEqual(keptOf(2, [0, 0.1, 3, 3.1, 3.3]), [0, 3, 3.3]);
  // hamilton at 5 fps: its first frame (0.844 s) is in slot 4, frame 2 (0.911 s) the first of slot 5
  assert.deepEqual(keptOf(5, [0.844, 0.878, 0.911]), [0.844, 0.911]);
  assert.throws(() => new SlotSampler(0), RangeError);
});
