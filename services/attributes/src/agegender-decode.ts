// Pure: age and gender from model outputs.
import { invalidArgument, type FaceAttributes } from '@pmr/common';

export type AgeResult = NonNullable<FaceAttributes['age']>;
export type GenderResult = NonNullable<FaceAttributes['gender']>;

/** Quantiles of the age distribution reported as `low`/`high`: its central 80 %. */
export const AGE_RANGE_QUANTILES: readonly [number, number] = [0.1, 0.9];

/**
 * Age from FaceRes's 100-way softmax, where class i means i + 1 years (the author's `min_age = 1`).
 * `value` is the distribution's mean, rounded to 0.1 year; `low`/`high` are its 10th and 90th percentiles
 * (the first age whose cumulative probability reaches the quantile), so the range is the model's own central
 * 80 % interval. On the UTKFace chips it holds the true age for 32 of 42 faces.
 */
export function ageFromDistribution(probabilities: ArrayLike<number>): AgeResult {
  const n = probabilities.length;
  if (n === 0) throw invalidArgument('age distribution is empty');
  let total = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    if (!Number.isFinite(p) || p < 0)
      throw invalidArgument(`age distribution: value ${i} is not a finite non-negative number`);
    total += p;
  }
  if (total <= 0) throw invalidArgument('age distribution sums to 0');
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (i + 1) * (probabilities[i]! / total);
  const quantile = (q: number): number => {
    let c = 0;
    for (let i = 0; i < n; i++) {
      c += probabilities[i]! / total;
      if (c >= q - 1e-9) return i + 1;
    }
    return n;
  };
  const value = Math.round(mean * 10) / 10;
  return {
    value,
    low: Math.min(quantile(AGE_RANGE_QUANTILES[0]), value),
    high: Math.max(quantile(AGE_RANGE_QUANTILES[1]), value),
  };
}

/** Gender from P(male): male at 0.5 and above; `confidence` is the winning side's probability. */
export function genderFromMaleProbability(pMale: number): GenderResult {
  if (!(pMale >= 0 && pMale <= 1)) throw invalidArgument(`P(male) must be in [0, 1], got ${pMale}`);
  return pMale >= 0.5 ? { value: 'male', confidence: pMale } : { value: 'female', confidence: 1 - pMale };
}
