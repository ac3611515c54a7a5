import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRawFrames } from '../src/raw-frames.ts';

async function* chunksOf(...chunks: number[][]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield Uint8Array.from(c);
  await Promise.resolve();
}

async function collect(chunks: number[][], frameSize: number): Promise<{ frames: number[][]; tail: number }> {
  const frames: number[][] = [];
  let tail = 0;
  for await (const f of readRawFrames(chunksOf(...chunks), frameSize, undefined, (n) => (tail = n))) frames.push(Array.from(f));
  return { frames, tail };
}

test('readRawFrames: frames across any chunking', async () => {
  const cases = [
    { chunks: [[1, 2, 3, 4, 5, 6]], size: 3, frames: [[1, 2, 3], [4, 5, 6]], tail: 0 },
    { chunks: [[1], [2], [3, 4], [5, 6, 7]], size: 3, frames: [[1, 2, 3], [4, 5, 6]], tail: 1 },
    { chunks: [[1, 2], [], [3, 4, 5, 6, 7, 8, 9]], size: 3, frames: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], tail: 0 },
    { chunks: [[1, 2]], size: 3, frames: [], tail: 2 },
    { chunks: [], size: 3, frames: [], tail: 0 },
  ];
  for (const { chunks, size, frames, tail } of cases) assert.deepEqual(await collect(chunks, size), { frames, tail }, JSON.stringify(chunks));
});

test('readRawFrames: allocates one buffer per frame, lazily, after the previous frame was taken', async () => {
  const events: string[] = [];
  const pool = [new Uint8Array(2), new Uint8Array(2)];
  let n = 0;
  const allocate = (): Uint8Array => {
    events.push(`alloc${n}`);
    return pool[n++ % 2]!;
  };
  for await (const f of readRawFrames(chunksOf([1, 2, 3], [4]), 2, allocate)) events.push(`got ${Array.from(f).join(',')}`);
  assert.deepEqual(events, ['alloc0', 'got 1,2', 'alloc1', 'got 3,4']);
  await assert.rejects(async () => {
    for await (const f of readRawFrames(chunksOf([1]), 2, () => new Uint8Array(3))) void f;
  }, RangeError);
});
