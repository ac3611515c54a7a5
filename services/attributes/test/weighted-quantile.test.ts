import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weightedQuantile } from '../src/weighted-quantile.ts';

const eq = (values: number[], weights?: number[]) => values.map((value, i) => ({ value, weight: weights?.[i] ?? 1 }));

test('weightedQuantile: table of hand-checked cases', () => {
  const cases = [
    { what: 'single sample, any q', samples: eq([5]), q: 0.5, want: 5 },
    { what: 'single sample, q=0', samples: eq([5]), q: 0, want: 5 },
    { what: 'single sample, q=1', samples: eq([5]), q: 1, want: 5 },
    // centres at 0.25 and 0.75: the median is half-way
    { what: 'two equal weights: mean of the middle two', samples: eq([20, 30]), q: 0.5, want: 25 },
    { what: 'q at the first centre', samples: eq([20, 30]), q: 0.25, want: 20 },
    { what: 'q below the first centre clamps', samples: eq([20, 30]), q: 0.1, want: 20 },
    { what: 'q above the last centre clamps', samples: eq([20, 30]), q: 0.9, want: 30 },
    { what: 'three equal weights: middle value', samples: eq([10, 20, 30]), q: 0.5, want: 20 },
    // centres 1/6, 1/2, 5/6; 0.25 is a quarter of the way from 1/6 to 1/2
    { what: 'three equal weights: lower quartile', samples: eq([10, 20, 30]), q: 0.25, want: 12.5 },
    { what: 'three equal weights: upper quartile', samples: eq([10, 20, 30]), q: 0.75, want: 27.5 },
    { what: 'unsorted input', samples: eq([30, 10, 20]), q: 0.5, want: 20 },
    // total 4: centres 1.5/4 = 0.375 and 3.5/4 = 0.875; 0.5 is a quarter of the way
    { what: 'heavier sample pulls the median', samples: eq([10, 20], [3, 1]), q: 0.5, want: 12.5 },
    { what: 'zero-weight samples are ignored', samples: eq([100, 10, 20], [0, 1, 1]), q: 0.5, want: 15 },
    { what: 'tied values', samples: eq([7, 7, 7, 9]), q: 0.5, want: 7 },
  ];
  for (const c of cases) {
    assert.ok(
      Math.abs(weightedQuantile(c.samples, c.q) - c.want) < 1e-12,
      `${c.what}: got ${weightedQuantile(c.samples, c.q)}, want ${c.want}`,
    );
  }
});

test('weightedQuantile: rejects unusable input', () => {
  const cases = [
    { what: 'no samples', samples: eq([]), q: 0.5 },
    { what: 'all weights zero', samples: eq([1, 2], [0, 0]), q: 0.5 },
    { what: 'q above 1', samples: eq([1]), q: 1.5 },
    { what: 'q NaN', samples: eq([1]), q: Number.NaN },
  ];
  for (const c of cases) assert.throws(() => weightedQuantile(c.samples, c.q), { code: 'INVALID_ARGUMENT' }, c.what);
});
