// Pure: quantiles of weighted samples.
import { invalidArgument } from '@pmr/common';

export interface WeightedValue {
  readonly value: number;
  readonly weight: number;
}

/**
 * Weighted quantile `q` in [0, 1]. Each sample, sorted by value, owns a slice of [0, 1] as wide as its share
 * of the total weight and sits at that slice's centre; between neighbouring centres the quantile is
 * interpolated linearly, and outside the first/last centre it is the smallest/largest value.
 * With equal weights this is the usual median (mean of the middle two for an even count).
 * Zero-weight samples are ignored; at least one sample must have a positive weight.
 */
export function weightedQuantile(samples: readonly WeightedValue[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw invalidArgument(`quantile must be in [0, 1], got ${q}`);
  const used = samples.filter((s) => s.weight > 0).sort((a, b) => a.value - b.value);
  const total = used.reduce((sum, s) => sum + s.weight, 0);
  if (used.length === 0 || !Number.isFinite(total)) {
    throw invalidArgument('weighted quantile needs at least one sample with a finite positive weight');
  }
  let before = 0;
  let prev: { pos: number; value: number } | null = null;
  for (const s of used) {
    const pos = (before + s.weight / 2) / total;
    if (q <= pos) {
      if (prev === null) return s.value;
      return prev.value + ((q - prev.pos) / (pos - prev.pos)) * (s.value - prev.value);
    }
    prev = { pos, value: s.value };
    before += s.weight;
  }
  return used[used.length - 1]!.value;
}
