import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterUnknowns } from '../src/cluster.ts';

const deg = (d: number): Float32Array => Float32Array.from([Math.cos((d * Math.PI) / 180), Math.sin((d * Math.PI) / 180)]);

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
    ['unnormalised input', [Float32Array.from([3, 0]), Float32Array.from([0, 0.2]), Float32Array.from([0.5, 0.01])], 0.9, [0, 1, 0]],
  ];
  for (const [name, input, threshold, expected] of cases) assert.deepEqual(clusterUnknowns(input, threshold), expected, name);
});
