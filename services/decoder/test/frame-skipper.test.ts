import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrameSkipper, type KeptRange } from '../src/frame-skipper.ts';

/** Run a skipper over scalar "frames" (distance = |a − b|) and collect the released ranges. */
function run(
  values: readonly number[],
  threshold: number,
  maxGap: number,
  indices?: readonly number[],
  end?: number,
): KeptRange<number>[] {
  const skipper = new FrameSkipper<number, number>({ threshold, maxGap, distance: (a, b) => Math.abs(a - b) });
  const out: KeptRange<number>[] = [];
  values.forEach((v, i) => {
    const { closed } = skipper.push(indices?.[i] ?? i, v, indices?.[i] ?? i);
    if (closed !== null) out.push(closed);
  });
  const last = skipper.finish(end);
  if (last !== null) out.push(last);
  return out;
}

const spans = (ranges: KeptRange<number>[]): [number, number][] => ranges.map((r) => [r.first, r.last]);

test('FrameSkipper: table of hand-checked ranges', () => {
  const cases = [
    { name: 'static shot, big gap', values: [0, 0, 0, 0, 0], threshold: 1, maxGap: 100, want: [[0, 4]] },
    {
      name: 'cut at 3',
      values: [0, 0, 0, 5, 5, 5],
      threshold: 1,
      maxGap: 100,
      want: [
        [0, 2],
        [3, 5],
      ],
    },
    // compared with the last KEPT frame: 0.4 steps add up, kept when ≥ 1 away from the kept one
    {
      name: 'slow drift',
      values: [0, 0.4, 0.8, 1.2, 1.6, 2.0, 2.4],
      threshold: 1,
      maxGap: 100,
      want: [
        [0, 2],
        [3, 5],
        [6, 6],
      ],
    },
    {
      name: 'maxGap on a static shot',
      values: [0, 0, 0, 0, 0, 0, 0],
      threshold: 1,
      maxGap: 3,
      want: [
        [0, 2],
        [3, 5],
        [6, 6],
      ],
    },
    {
      name: 'threshold 0 keeps all',
      values: [0, 0, 0],
      threshold: 0,
      maxGap: 100,
      want: [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
    },
    {
      name: 'maxGap 1 keeps all',
      values: [0, 0, 0],
      threshold: 1,
      maxGap: 1,
      want: [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
    },
    { name: 'single frame', values: [7], threshold: 1, maxGap: 5, want: [[0, 0]] },
    { name: 'empty', values: [], threshold: 1, maxGap: 5, want: [] },
  ];
  for (const { name, values, threshold, maxGap, want } of cases)
    assert.deepEqual(spans(run(values, threshold, maxGap)), want, name);
});

test('FrameSkipper: kept items are the first frame of their range', () => {
  const ranges = run([0, 0, 9, 9, 0], 1, 100);
  assert.deepEqual(
    ranges.map((r) => r.item),
    [0, 2, 4],
  );
});

test('FrameSkipper: sampled indices and an explicit end cover every source frame', () => {
  // slots start at 0, 3, 9, 15; the stream ends at source frame 20
  assert.deepEqual(spans(run([0, 0, 5, 5], 1, 100, [0, 3, 9, 15], 20)), [
    [0, 8],
    [9, 20],
  ]);
  assert.deepEqual(
    spans(run([0, 5], 1, 100, [0, 3], 1)),
    [
      [0, 2],
      [3, 3],
    ],
    'end never precedes the kept frame',
  );
});

test('FrameSkipper: every source frame covered exactly once, ranges contiguous (random streams)', () => {
  let seed = 12345;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let trial = 0; trial < 200; trial++) {
    const n = 1 + Math.floor(random() * 60);
    const values = Array.from({ length: n }, () => (random() < 0.2 ? random() * 10 : 0));
    const ranges = run(values, 0.5 + random() * 3, 1 + Math.floor(random() * 10));
    let next = 0;
    for (const r of ranges) {
      assert.equal(r.first, next, 'contiguous');
      assert.ok(r.last >= r.first);
      assert.equal(r.item, r.first);
      next = r.last + 1;
    }
    assert.equal(next, n, 'covers every frame');
  }
});

test('FrameSkipper: one push releases at most the previous kept frame', () => {
  const skipper = new FrameSkipper<number, string>({ threshold: 1, maxGap: 10, distance: (a, b) => Math.abs(a - b) });
  assert.deepEqual(skipper.push(0, 0, 'a'), { kept: true, closed: null });
  assert.deepEqual(skipper.push(1, 0, 'b'), { kept: false, closed: null });
  assert.deepEqual(skipper.push(2, 3, 'c'), { kept: true, closed: { item: 'a', first: 0, last: 1 } });
  assert.deepEqual(skipper.finish(), { item: 'c', first: 2, last: 2 });
  assert.equal(skipper.finish(), null);
});

test('FrameSkipper: rejects bad input', () => {
  const distance = (a: number, b: number): number => Math.abs(a - b);
  assert.throws(() => new FrameSkipper({ threshold: 1, maxGap: 0, distance }), RangeError);
  assert.throws(() => new FrameSkipper({ threshold: Number.NaN, maxGap: 1, distance }), RangeError);
  const skipper = new FrameSkipper<number, number>({ threshold: 1, maxGap: 5, distance });
  skipper.push(3, 0, 0);
  assert.throws(() => skipper.push(3, 0, 0), RangeError);
  assert.throws(() => skipper.push(2, 0, 0), RangeError);
});

test('FrameSkipper: force keeps a frame whatever its distance', () => {
  const skipper = new FrameSkipper<number, string>({ threshold: 10, maxGap: 100, distance: (a, b) => Math.abs(a - b) });
  assert.equal(skipper.push(0, 0, 'a').kept, true);
  assert.equal(skipper.push(1, 0, 'b').kept, false);
  const forced = skipper.push(2, 0, 'c', true);
  assert.equal(forced.kept, true);
  assert.deepEqual(forced.closed, { item: 'a', first: 0, last: 1 });
  assert.deepEqual(skipper.finish(), { item: 'c', first: 2, last: 2 });
});

test('FrameSkipper: keeps() answers what push() would do without changing anything; pass() records a frame not kept', () => {
  const distance = (a: number, b: number): number => Math.abs(a - b);
  const asked = new FrameSkipper<number, string>({ threshold: 1, maxGap: 3, distance });
  const pushed = new FrameSkipper<number, string>({ threshold: 1, maxGap: 3, distance });
  const values = [0, 0.5, 0.2, 0.9, 3, 3.1, 3.2];
  const ranges: Array<[number, number]> = [];
  values.forEach((v, i) => {
    assert.equal(asked.keeps(i, v), asked.keeps(i, v), 'asking twice gives the same answer');
    const keep = asked.keeps(i, v);
    const reference = pushed.push(i, v, String(i));
    assert.equal(keep, reference.kept, `frame ${i}`);
    if (keep) {
      const { closed } = asked.push(i, v, String(i));
      if (closed !== null) ranges.push([closed.first, closed.last]);
    } else asked.pass(i);
  });
  assert.deepEqual(ranges, [
    [0, 2],
    [3, 3],
  ]);
  assert.deepEqual(asked.finish(), pushed.finish());
  assert.throws(() => asked.pass(6), RangeError, 'indices still increase');
});
