import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferPool } from '../src/inference/buffer-pool.ts';

test('BufferPool gives back the newest buffer of the asked size, once', () => {
  const pool = new BufferPool(8, 1000);
  const a = new ArrayBuffer(10);
  const b = new ArrayBuffer(10);
  const c = new ArrayBuffer(20);
  pool.give([a, c, b]);
  assert.equal(pool.take(10), b);
  assert.equal(pool.take(10), a);
  assert.equal(pool.take(10), undefined);
  assert.equal(pool.take(30), undefined);
  assert.equal(pool.take(20), c);
  assert.deepEqual([pool.count, pool.bytes], [0, 0]);
});

test('BufferPool drops the oldest beyond its count and byte bounds', () => {
  const byCount = new BufferPool(2, 1000);
  const [x, y, z] = [new ArrayBuffer(1), new ArrayBuffer(2), new ArrayBuffer(3)];
  byCount.give([x, y]);
  byCount.give([z]);
  assert.deepEqual([byCount.count, byCount.bytes], [2, 5]);
  assert.equal(byCount.take(1), undefined, 'the oldest went');
  const byBytes = new BufferPool(10, 100);
  const frame = new ArrayBuffer(60);
  byBytes.give([frame, new ArrayBuffer(30)]);
  byBytes.give([new ArrayBuffer(20)]);
  assert.equal(byBytes.take(60), undefined, '60 + 30 + 20 > 100: the oldest, the 60-byte one, went');
  assert.deepEqual([byBytes.count, byBytes.bytes], [2, 50]);
  byBytes.give([new ArrayBuffer(200)]);
  assert.deepEqual([byBytes.count, byBytes.bytes], [0, 0], 'a buffer larger than the bound is not kept');
});

test('BufferPool keeps frame-sized buffers while face batches of changing size come and go', () => {
  // The detector's pattern: per frame a frame-sized input and a face batch, 3 frames in flight before theirs come back.
  const pool = new BufferPool(8, 24 * 1024 * 1024);
  const frameBytes = 2_949_120;
  const inflight: ArrayBuffer[][] = [];
  let fresh = 0;
  for (let i = 0; i < 100; i++) {
    const frame = pool.take(frameBytes) ?? (fresh++, new ArrayBuffer(frameBytes));
    inflight.push([frame, new ArrayBuffer(110_592 * 3 * (1 + (i % 5)))]);
    if (inflight.length > 3) pool.give(inflight.shift()!);
  }
  assert.equal(fresh, 4, 'only the first frames in flight get new buffers');
});
