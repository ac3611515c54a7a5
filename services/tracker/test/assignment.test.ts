import { test } from 'node:test';
import assert from 'node:assert/strict';
import { solveAssignment, solveGatedAssignment, type CostMatrix } from '../src/assignment.ts';

const total = (cost: CostMatrix, rowToCol: readonly number[]): number =>
  rowToCol.reduce((s, j, i) => s + (j >= 0 ? (cost[i]?.[j] ?? NaN) : 0), 0);

test('solveAssignment: hand-checked square, rectangular and tie cases', () => {
  const cases: { name: string; cost: number[][]; want: number[]; sum: number }[] = [
    { name: 'empty', cost: [], want: [], sum: 0 },
    { name: '1x1', cost: [[7]], want: [0], sum: 7 },
    // greedy (row 0 → col 0 at 1) would force 1 + 100; optimum crosses: 2 + 3
    {
      name: 'greedy trap',
      cost: [
        [1, 2],
        [3, 100],
      ],
      want: [1, 0],
      sum: 5,
    },
    // classic 3x3: 1 + 2 + 2 = 5 (rows → 1, 0, 2)
    {
      name: '3x3',
      cost: [
        [4, 1, 3],
        [2, 0, 5],
        [3, 2, 2],
      ],
      want: [1, 0, 2],
      sum: 5,
    },
    // wide 2x3: pairs r0c1 (2) + r1c0 (2) = 4 beat every other choice (5, 7, 8, 5, 7)
    {
      name: 'wide 2x3',
      cost: [
        [1, 2, 3],
        [2, 4, 6],
      ],
      want: [1, 0],
      sum: 4,
    },
    // tall 3x2: same numbers transposed; row 2 stays out
    {
      name: 'tall 3x2',
      cost: [
        [1, 2],
        [2, 4],
        [3, 6],
      ],
      want: [1, 0, -1],
      sum: 4,
    },
    // tall 3x1: only the cheapest row gets the column
    { name: 'tall 3x1', cost: [[5], [2], [9]], want: [-1, 0, -1], sum: 2 },
    // wide 1x4 with a tie: the lowest column among equals
    { name: 'wide 1x4 tie', cost: [[3, 1, 1, 2]], want: [1], sum: 1 },
    // all equal: identity (rows in order, lowest free column)
    {
      name: 'all ties 3x3',
      cost: [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
      want: [0, 1, 2],
      sum: 3,
    },
    // two optimal solutions (0+0 either way round on the diagonal or anti-diagonal both cost 0)
    {
      name: 'tied optima',
      cost: [
        [0, 0],
        [0, 0],
      ],
      want: [0, 1],
      sum: 0,
    },
    // negative costs are fine
    {
      name: 'negatives',
      cost: [
        [-1, -5],
        [-2, -3],
      ],
      want: [1, 0],
      sum: -7,
    },
  ];
  for (const { name, cost, want, sum } of cases) {
    const got = solveAssignment(cost);
    assert.deepEqual(got, want, name);
    assert.equal(total(cost, got), sum, `${name} total`);
  }
});

/** Every injective assignment of the smaller side, by brute force. */
function bruteForceMin(cost: number[][]): number {
  const rows = cost.length;
  const cols = cost[0]?.length ?? 0;
  const k = Math.min(rows, cols);
  let best = Infinity;
  const usedCols = new Array<boolean>(cols).fill(false);
  const walk = (i: number, matched: number, sum: number): void => {
    if (matched === k) {
      best = Math.min(best, sum);
      return;
    }
    if (rows - i < k - matched) return;
    if (rows > cols) walk(i + 1, matched, sum); // row i may stay out
    for (let j = 0; j < cols; j++) {
      if (usedCols[j]) continue;
      usedCols[j] = true;
      walk(i + 1, matched + 1, sum + (cost[i]?.[j] ?? NaN));
      usedCols[j] = false;
    }
  };
  walk(0, 0, 0);
  return best;
}

test('solveAssignment: equals brute force on 300 seeded random matrices up to 6x6, with many ties', () => {
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let trial = 0; trial < 300; trial++) {
    const rows = 1 + Math.floor(rand() * 6);
    const cols = 1 + Math.floor(rand() * 6);
    const cost = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(rand() * 5)));
    const got = solveAssignment(cost);
    const assignedCols = got.filter((j) => j >= 0);
    assert.equal(assignedCols.length, Math.min(rows, cols), `trial ${trial}: smaller side fully matched`);
    assert.equal(new Set(assignedCols).size, assignedCols.length, `trial ${trial}: no column used twice`);
    assert.equal(total(cost, got), bruteForceMin(cost), `trial ${trial}: optimal total for ${JSON.stringify(cost)}`);
    assert.deepEqual(solveAssignment(cost), got, `trial ${trial}: deterministic`);
  }
});

test('solveAssignment: rejects ragged or non-finite matrices', () => {
  assert.throws(() => solveAssignment([[1, 2], [3]]), /same length/);
  assert.throws(() => solveAssignment([[1, Infinity]]), /finite/);
  assert.throws(() => solveAssignment([[NaN]]), /finite/);
});

test('solveGatedAssignment: hand-checked cases with a cost limit', () => {
  const cases: { name: string; cost: number[][]; max: number; want: { row: number; col: number }[] }[] = [
    { name: 'empty', cost: [], max: 0.7, want: [] },
    { name: 'no columns', cost: [[], []], max: 0.7, want: [] },
    {
      name: 'all above limit',
      cost: [
        [0.9, 0.8],
        [0.95, 1],
      ],
      max: 0.7,
      want: [],
    },
    {
      name: 'one allowed pair',
      cost: [
        [0.9, 0.2],
        [0.95, 1],
      ],
      max: 0.7,
      want: [{ row: 0, col: 1 }],
    },
    // full matchings cost 0.1 + 0.95 (banned) or 0.4 + 0.6 = 1.0; r0c0 alone costs 0.1 + 0.7 (r1, c1 free) = 0.8
    {
      name: 'partial beats full',
      cost: [
        [0.1, 0.4],
        [0.6, 0.95],
      ],
      max: 0.7,
      want: [{ row: 0, col: 0 }],
    },
    // crossing pairs 0.2 + 0.3 = 0.5 beat the diagonal 0.1 + 0.5 = 0.6 and any single pair (≥ 0.1 + 0.7)
    {
      name: 'full crossing',
      cost: [
        [0.1, 0.2],
        [0.3, 0.5],
      ],
      max: 0.7,
      want: [
        { row: 0, col: 1 },
        { row: 1, col: 0 },
      ],
    },
    // two weak pairs (0.65 + 0.65 = 1.3) lose to one strong pair plus two free ends (0.1 + 0.7 = 0.8)
    {
      name: 'one strong beats two weak',
      cost: [
        [0.65, 0.1],
        [1, 0.65],
      ],
      max: 0.7,
      want: [{ row: 0, col: 1 }],
    },
    // … but two good pairs (0.2 + 0.3 = 0.5) beat one excellent pair plus two free ends (0 + 0.7)
    {
      name: 'two good beat one excellent',
      cost: [
        [0.2, 0],
        [1, 0.3],
      ],
      max: 0.7,
      want: [
        { row: 0, col: 0 },
        { row: 1, col: 1 },
      ],
    },
    // a pair at exactly the limit is matched
    { name: 'at the limit', cost: [[0.7]], max: 0.7, want: [{ row: 0, col: 0 }] },
    { name: 'just over the limit', cost: [[0.7000001]], max: 0.7, want: [] },
    // rectangular: 3 tracks, 1 detection — the cheapest track gets it
    { name: 'tall', cost: [[0.5], [0.2], [0.3]], max: 0.7, want: [{ row: 1, col: 0 }] },
    // rectangular: 1 track, 3 detections, tie between columns 0 and 2: lowest column
    { name: 'wide tie', cost: [[0.3, 0.9, 0.3]], max: 0.7, want: [{ row: 0, col: 0 }] },
  ];
  for (const { name, cost, max, want } of cases) assert.deepEqual(solveGatedAssignment(cost, max), want, name);
});

test('solveGatedAssignment: rejects a bad limit', () => {
  assert.throws(() => solveGatedAssignment([[0]], -1), /maxCost/);
  assert.throws(() => solveGatedAssignment([[0]], NaN), /maxCost/);
});

test('solveGatedAssignment: equals brute force over partial matchings on 200 seeded random matrices', () => {
  let seed = 777;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const limit = 0.7;
  for (let trial = 0; trial < 200; trial++) {
    const rows = 1 + Math.floor(rand() * 5);
    const cols = 1 + Math.floor(rand() * 5);
    const cost = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.round(rand() * 10) / 10));
    // objective: matched costs + limit/2 for every free row and every free column
    let best = Infinity;
    const used = new Array<boolean>(cols).fill(false);
    const walk = (i: number, sum: number, matched: number): void => {
      if (i === rows) {
        best = Math.min(best, sum + ((rows - matched + cols - matched) * limit) / 2);
        return;
      }
      walk(i + 1, sum, matched);
      for (let j = 0; j < cols; j++) {
        const c = cost[i]?.[j] ?? NaN;
        if (used[j] || c > limit) continue;
        used[j] = true;
        walk(i + 1, sum + c, matched + 1);
        used[j] = false;
      }
    };
    walk(0, 0, 0);
    const got = solveGatedAssignment(cost, limit);
    const sum = got.reduce((s, m) => s + (cost[m.row]?.[m.col] ?? NaN), 0);
    const value = sum + ((rows - got.length + cols - got.length) * limit) / 2;
    assert.ok(
      Math.abs(value - best) < 1e-9,
      `trial ${trial}: ${value} vs brute force ${best} for ${JSON.stringify(cost)}`,
    );
    assert.ok(
      got.every((m) => (cost[m.row]?.[m.col] ?? Infinity) <= limit),
      `trial ${trial}: gate respected`,
    );
    assert.equal(new Set(got.map((m) => m.col)).size, got.length, `trial ${trial}: columns distinct`);
  }
});
