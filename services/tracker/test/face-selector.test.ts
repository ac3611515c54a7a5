import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestFace, FaceSelector } from '../src/face-selector.ts';

/** Offer (pts, score) pairs with the pts as the item, return the kept items. */
function run(capacity: number, gap: number, offers: readonly (readonly [number, number])[]): number[] {
  const s = new FaceSelector<number>(capacity, gap);
  for (const [pts, score] of offers) s.offer({ item: pts, pts, score });
  return s.selected().map((c) => c.item);
}

test('FaceSelector: hand-checked table', () => {
  const cases: { name: string; k: number; gap: number; offers: [number, number][]; want: number[] }[] = [
    { name: 'nothing offered', k: 3, gap: 0.5, offers: [], want: [] },
    {
      name: 'fills up to capacity',
      k: 3,
      gap: 0.5,
      offers: [
        [0, 0.5],
        [1, 0.4],
        [2, 0.6],
      ],
      want: [0, 1, 2],
    },
    // full: 3 (0.9) evicts the worst kept (1 at 0.4); 4 (0.3) is worse than every kept one
    {
      name: 'evicts the worst',
      k: 3,
      gap: 0.5,
      offers: [
        [0, 0.5],
        [1, 0.4],
        [2, 0.6],
        [3, 0.9],
        [4, 0.3],
      ],
      want: [0, 2, 3],
    },
    // 0.2 is within the gap of 0 and better: replaces it; 0.4 is within the gap of 0.2 but worse: dropped
    {
      name: 'close in time: better replaces',
      k: 3,
      gap: 0.5,
      offers: [
        [0, 0.5],
        [0.2, 0.7],
        [0.4, 0.6],
      ],
      want: [0.2],
    },
    // a tie within the gap keeps the earlier face
    {
      name: 'close in time: tie keeps earlier',
      k: 3,
      gap: 0.5,
      offers: [
        [0, 0.5],
        [0.3, 0.5],
      ],
      want: [0],
    },
    // exactly the gap apart is allowed
    {
      name: 'exactly the gap',
      k: 3,
      gap: 0.5,
      offers: [
        [0, 0.5],
        [0.5, 0.5],
        [1, 0.5],
      ],
      want: [0, 0.5, 1],
    },
    // full with ties: a new equal score never evicts; lowest score is evicted, earliest among equals
    {
      name: 'ties when full',
      k: 2,
      gap: 0,
      offers: [
        [0, 0.5],
        [1, 0.5],
        [2, 0.5],
        [3, 0.6],
      ],
      want: [1, 3],
    },
    // gap 0: every face is a candidate; the best K win
    {
      name: 'gap 0',
      k: 2,
      gap: 0,
      offers: [
        [0, 0.1],
        [0.01, 0.9],
        [0.02, 0.8],
        [0.03, 0.2],
      ],
      want: [0.01, 0.02],
    },
    // capacity 1: the best face of the track
    {
      name: 'k = 1',
      k: 1,
      gap: 0.5,
      offers: [
        [0, 0.3],
        [1, 0.8],
        [2, 0.5],
        [3, 0.8],
      ],
      want: [1],
    },
  ];
  for (const c of cases) assert.deepEqual(run(c.k, c.gap, c.offers), c.want, c.name);
});

test('FaceSelector: 10,000 faces keep at most K, spaced in time, with the quality peaks', () => {
  const K = 5;
  const gap = 0.5;
  const s = new FaceSelector<number>(K, gap);
  let maxSize = 0;
  // 25 fps for 400 s; quality 0.5 with peaks of increasing height every 1000 frames (0.60, 0.61, …, 0.69),
  // each with its neighbouring frames at 0.59 (they must not crowd the selection).
  for (let i = 0; i < 10_000; i++) {
    const pts = i / 25;
    const peak = i % 1000 === 500 ? 0.6 + Math.floor(i / 1000) / 100 : Math.abs((i % 1000) - 500) <= 3 ? 0.59 : 0.5;
    s.offer({ item: i, pts, score: peak });
    maxSize = Math.max(maxSize, s.size);
  }
  assert.equal(maxSize, K, 'never holds more than K');
  const kept = s.selected();
  // the five highest peaks: frames 5500, 6500, 7500, 8500, 9500
  assert.deepEqual(
    kept.map((c) => c.item),
    [5500, 6500, 7500, 8500, 9500],
  );
  for (let i = 1; i < kept.length; i++)
    assert.ok((kept[i]?.pts ?? 0) - (kept[i - 1]?.pts ?? 0) >= gap, 'spaced by the gap');
});

test('FaceSelector: a steady-quality track is spread by the gap, not taken from adjacent frames', () => {
  const kept = run(
    3,
    0.5,
    Array.from({ length: 100 }, (_, i): [number, number] => [i * 0.04, 0.7]),
  );
  // equal scores: the first of every 0.5 s window (frames at 0, 0.52, 1.04 s — 13 frames apart)
  assert.deepEqual(
    kept.map((p) => Math.round(p / 0.04)),
    [0, 13, 26],
  );
});

test('bestFace: the highest quality score, the first of equals', () => {
  const face = (id: string, score: number): { id: string; quality: { score: number } } => ({ id, quality: { score } });
  assert.equal(bestFace([face('a', 0.2), face('b', 0.9), face('c', 0.5)]).id, 'b');
  assert.equal(bestFace([face('a', 0.7), face('b', 0.7)]).id, 'a');
  assert.equal(bestFace([face('only', 0)]).id, 'only');
});
