import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameTime, resamples } from '../src/sampling.ts';

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
