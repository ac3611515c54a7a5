import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterUnknowns } from '../src/cluster.ts';

const deg = (d: number): Float32Array =>
  Float32Array.from([Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)]);

test('clusterUnknowns: average-linkage labels, numbered by first appearance', () => {
  const cases: Array<[string, Float32Array[], number, number[]]> = [
    ['empty', [], 0.5, []],
    ['single', [deg(0)], 0.5, [0]],
    // Two tight groups around 0° and 90°, interleaved; cos(5°)=0.996, cos(85°)=0.087.
    ['two groups', [deg(0), deg(90), deg(5), deg(85)], 0.5, [0, 1, 0, 1]],
    // Same groups but the 90° group appears first: it gets label 0.
    ['first appearance order', [deg(90), deg(0), deg(85), deg(5), deg(3)], 0.5, [0, 1, 0, 1, 1]],
    ['threshold above every pair', [deg(0), deg(5), deg(10)], 0.999, [0, 1, 2]],
    ['threshold below every pair', [deg(0), deg(90), deg(180)], -1, [0, 0, 0]],
    // Chain 0°, 38°, 80°: cos 38° = 0.788 (merged first), cos 42° = 0.743, cos 80° = 0.174.
    // avg({0,38}, 80) = (0.174 + 0.743)/2 = 0.4585 < 0.6, so 80° stays alone (single linkage would chain all three).
    ['average not single linkage', [deg(0), deg(38), deg(80)], 0.6, [0, 0, 1]],
    ['chain merges at a lower threshold', [deg(0), deg(38), deg(80)], 0.45, [0, 0, 0]],
    ['just above the average link', [deg(0), deg(38), deg(80)], 0.46, [0, 0, 1]],
    // Magnitude does not matter (cosine).
    [
      'unnormalised input',
      [Float32Array.from([3, 0]), Float32Array.from([0, 0.2]), Float32Array.from([0.5, 0.01])],
      0.9,
      [0, 1, 0],
    ],
  ];
  for (const [name, input, threshold, expected] of cases)
    assert.deepEqual(clusterUnknowns(input, threshold), expected, name);
});

/** Brute-force reference: recompute every cluster pair's average similarity from scratch at each step. */
function referenceClusters(embeddings: readonly Float32Array[], threshold: number): number[] {
  const unit = embeddings.map((e) => {
    const n = Math.hypot(...e) || 1;
    return Array.from(e, (x) => x / n);
  });
  const cos = (a: number, b: number): number => unit[a]!.reduce((s, x, k) => s + x * unit[b]![k]!, 0);
  let clusters = unit.map((_, i) => [i]);
  for (;;) {
    let best: [number, number, number] | null = null;
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        let s = 0;
        for (const i of clusters[a]!) for (const j of clusters[b]!) s += cos(i, j);
        s /= clusters[a]!.length * clusters[b]!.length;
        if (best === null || s > best[2] + 1e-12) best = [a, b, s];
      }
    }
    if (best === null || best[2] < threshold) break;
    const [a, b] = best;
    clusters = clusters.filter((_, k) => k !== b).map((c, k) => (k === a ? [...c, ...clusters[b]!] : c));
  }
  const labels = new Array<number>(unit.length);
  clusters.sort((x, y) => Math.min(...x) - Math.min(...y)).forEach((c, k) => c.forEach((i) => (labels[i] = k)));
  return labels;
}

test('clusterUnknowns matches a brute-force average-linkage reference on random data', () => {
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let trial = 0; trial < 20; trial++) {
    // 3-8 centres in 8-d, 2-25 points scattered around them.
    const centres = Array.from({ length: 3 + Math.floor(rand() * 6) }, () =>
      Array.from({ length: 8 }, () => rand() * 2 - 1),
    );
    const points = Array.from({ length: 2 + Math.floor(rand() * 24) }, () => {
      const c = centres[Math.floor(rand() * centres.length)]!;
      return Float32Array.from(c, (x) => x + (rand() - 0.5) * 0.8);
    });
    for (const threshold of [0.2, 0.5, 0.8]) {
      assert.deepEqual(
        clusterUnknowns(points, threshold),
        referenceClusters(points, threshold),
        `trial ${trial} @ ${threshold}`,
      );
    }
  }
});

test('clusterUnknowns: cannot-link pairs never share a cluster, even through a third member', () => {
  const v = (x: number, y: number): Float32Array => Float32Array.from([x, y]);
  // a, b, c all nearly identical; a and c were on screen together.
  const embeddings = [v(1, 0), v(1, 0.01), v(1, 0.02)];
  assert.deepEqual(clusterUnknowns(embeddings, 0.5), [0, 0, 0]);
  const labels = clusterUnknowns(embeddings, 0.5, (i, j) => (i === 0 && j === 2) || (i === 2 && j === 0));
  assert.notEqual(labels[0], labels[2]);
  assert.equal(new Set(labels).size, 2, 'b joins one of them');
});
