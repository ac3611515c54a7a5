import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceClock } from '../src/source-clock.ts';

test('SourceClock: without records, start + index / fps', () => {
  const clock = new SourceClock(10, 0.5);
  assert.equal(clock.at(0), 0.5);
  assert.equal(clock.at(7), 1.2);
});

test('SourceClock: recorded times are kept for the latest two frames; others counted in frame periods from the nearest', () => {
  const clock = new SourceClock(10, 0);
  assert.equal(clock.record(0, 0), 0);
  assert.equal(clock.record(1, 1), 1); // a one-second gap (variable rate)
  assert.equal(clock.at(1), 1);
  assert.equal(clock.at(0), 0);
  assert.equal(clock.at(3), 1.2);
  assert.equal(clock.record(2, 3), 3);
  assert.equal(clock.at(1), 1);
  assert.equal(clock.at(0), 0.9, 'forgotten: one period before frame 1');
});

test('SourceClock: a frame without a timestamp is one period after the frame before', () => {
  const clock = new SourceClock(4, 0);
  clock.record(0, 2);
  assert.equal(clock.record(1, null), 2.25);
  assert.equal(clock.at(1), 2.25);
});
