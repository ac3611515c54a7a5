import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowStore } from '../src/row-store.ts';

test('RowStore keeps its rows through growth, moves rows, and scans what it holds', () => {
  const store = new RowStore('f32', 3, 4);
  const row = (r: number): Float32Array => Float32Array.from([r, 1, -r]);
  for (let r = 0; r < 1000; r++) {
    store.reserve(r + 1);
    store.setRow(r, row(r));
  }
  assert.ok(store.capacity >= 1000 && store.capacity < 2000, `capacity ${store.capacity}`);
  store.moveRow(999, 3);
  store.setQuery(0, Float32Array.from([1, 0, 0]));
  store.setQuery(1, Float32Array.from([0, 2, 0]));
  const one = store.scan(1000, 1);
  assert.equal(one.length, 1000);
  assert.deepEqual([one[0], one[3], one[500], one[999]], [0, 999, 500, 999]);
  assert.equal(store.scoreRow(3, 1), 2);
  store.setQuery(2, Float32Array.from([0, 0, 1]));
  store.setQuery(3, Float32Array.from([1, 1, 1]));
  const four = store.scan(1000, 4);
  assert.deepEqual([four[3], four[1000 + 3], four[2000 + 3], four[3000 + 3]], [999, 2, -999, 1]);
  assert.throws(() => store.scan(1000, 2), RangeError);
});

test('an i8 RowStore scores codes times the row scale', () => {
  const store = new RowStore('i8', 2, 4);
  store.reserve(2);
  store.setRow(0, Int8Array.from([127, -3]), 0.5);
  store.setRow(1, Int8Array.from([1, 1]), 0.25);
  store.setQuery(0, Int16Array.from([2, 100]));
  assert.deepEqual(Array.from(store.scan(2, 1)), [(254 - 300) * 0.5, 102 * 0.25]);
});

test('a RowStore refuses rows past 4 GiB', () => {
  const store = new RowStore('f32', 4096, 4);
  assert.throws(() => store.reserve(300_000), { name: 'PmrError', code: 'RESOURCE_EXHAUSTED' });
});
