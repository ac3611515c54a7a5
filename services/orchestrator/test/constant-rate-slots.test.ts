import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConstantRateSlots } from '../src/runtime/constant-rate-slots.ts';

/** For each output slot, the index of the frame it shows. */
function shown(times: readonly number[], rate: number): number[] {
  const slots = new ConstantRateSlots(rate);
  const out: number[] = [];
  times.forEach((pts, i) => out.push(...Array<number>(slots.arrive(pts)).fill(Math.max(0, i - 1))));
  out.push(...Array<number>(slots.finish()).fill(times.length - 1));
  return out;
}

test('ConstantRateSlots: a constant-rate video from time 0 maps one to one', () => {
  assert.deepEqual(shown([0, 0.1, 0.2, 0.3], 10), [0, 1, 2, 3]);
  assert.deepEqual(shown(Array.from({ length: 275 }, (_, i) => i / 29.97), 29.97), Array.from({ length: 275 }, (_, i) => i));
});

test('ConstantRateSlots: a late start repeats the first frame from time 0 (hamilton: 26 slots before 0.844 s)', () => {
  const hamilton = Array.from({ length: 275 }, (_, i) => (10118 + 400 * i) / 11988);
  const out = shown(hamilton, 29.97);
  assert.equal(out.length, 275 + 26);
  assert.deepEqual(out.slice(0, 27), Array<number>(27).fill(0));
  assert.deepEqual(out.slice(27, 30), [1, 2, 3]);
  assert.equal(out.at(-1), 274);
});

test('ConstantRateSlots: a variable rate holds each frame until the next one', () => {
  // frames at 0, 0.1 and 1.0 s, then 1.05 s (between slots), at 10 slots a second
  assert.deepEqual(shown([0, 0.1, 1.0, 1.05], 10), [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3]);
  assert.deepEqual(shown([], 10), []);
  assert.throws(() => new ConstantRateSlots(0), RangeError);
});
