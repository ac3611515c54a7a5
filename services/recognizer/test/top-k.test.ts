import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TopK } from '../src/top-k.ts';

const ids = ['e', 'b', 'd', 'a', 'c', 'f'];
const idOf = (row: number): string => ids[row]!;

test('TopK keeps the k best, best first, equal scores by id whatever the offer order', () => {
  const scores = [0.5, 0.9, 0.5, 0.5, 0.1, 0.9];
  const orders = [
    [0, 1, 2, 3, 4, 5],
    [5, 4, 3, 2, 1, 0],
    [3, 0, 5, 2, 4, 1],
  ];
  for (const order of orders) {
    const top = new TopK(4, idOf);
    for (const row of order) top.offer(row, scores[row]!);
    assert.deepEqual(top.rows().map(idOf), ['b', 'f', 'a', 'd'], `order ${order.join()}`);
    assert.deepEqual(top.scores(), [0.9, 0.9, 0.5, 0.5]);
  }
});

test('TopK floor is −Infinity until full, then the lowest score held', () => {
  const top = new TopK(2, idOf);
  assert.equal(top.floor, -Infinity);
  top.offer(0, 0.3);
  assert.equal(top.floor, -Infinity);
  top.offer(1, 0.7);
  assert.equal(top.floor, 0.3);
  top.offer(2, 0.1);
  assert.equal(top.floor, 0.3);
  top.offer(3, 0.8);
  assert.equal(top.floor, 0.7);
  assert.equal(top.size, 2);
  assert.deepEqual(top.rows(), [3, 1]);
});

test('TopK with more room than offers holds them all, sorted', () => {
  const top = new TopK(10, idOf);
  for (const [row, s] of [
    [4, 0.2],
    [2, 0.6],
    [0, -0.4],
  ] as const)
    top.offer(row, s);
  assert.deepEqual(top.rows(), [2, 4, 0]);
  assert.deepEqual(top.scores(), [0.6, 0.2, -0.4]);
});
