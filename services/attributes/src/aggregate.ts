// Pure: one track's attributes from the attributes of its faces, each weighted by the caller (e.g. face quality).
import { EXPRESSIONS, invalidArgument, type Expression, type FaceAttributes, type Gender } from '@pmr/common';
import { weightedQuantile, type WeightedValue } from './weighted-quantile.ts';

export interface WeightedAttributes {
  readonly attributes: FaceAttributes;
  /** Non-negative, finite; typically the face's quality score. */
  readonly weight: number;
}

export interface TrackAttributes {
  /** How many faces were aggregated. */
  readonly faces: number;
  /**
   * Soft vote: every face adds weight × its probability of each class. `shares` are those sums normalised
   * to 1; `value` is the largest share (ties: earlier in EXPRESSIONS) and `confidence` that share. Null when no faces.
   */
  readonly expression: {
    readonly value: Expression;
    readonly confidence: number;
    readonly shares: Readonly<Record<Expression, number>>;
  } | null;
  /**
   * Weighted median of the per-face ages. `low`/`high` are the weighted medians of the per-face bounds,
   * widened to cover the weighted interquartile range of the per-face ages (their spread over the track).
   * Null when no face carried an age.
   */
  readonly age: { readonly value: number; readonly low: number; readonly high: number } | null;
  /**
   * Soft vote: every face adds weight × confidence to its gender and weight × (1 − confidence) to the other.
   * `confidence` is the winner's share (ties: female). Null when no face carried a gender.
   */
  readonly gender: { readonly value: Gender; readonly confidence: number } | null;
}

/** Weights as given, or all equal when every one is zero (the faces still count, just without preference). */
function usableWeights(items: readonly WeightedAttributes[]): number[] {
  const weights = items.map((it) => it.weight);
  return weights.some((w) => w > 0) ? weights : weights.map(() => 1);
}

function aggregateExpression(items: readonly WeightedAttributes[]): TrackAttributes['expression'] {
  if (items.length === 0) return null;
  const weights = usableWeights(items);
  const sums = EXPRESSIONS.map((name) =>
    items.reduce((s, it, i) => s + weights[i]! * it.attributes.expression.scores[name], 0),
  );
  const total = sums.reduce((a, b) => a + b, 0);
  const shares = {} as Record<Expression, number>;
  let best = 0;
  EXPRESSIONS.forEach((name, c) => {
    shares[name] = total > 0 ? sums[c]! / total : 1 / EXPRESSIONS.length;
    if (sums[c]! > sums[best]!) best = c;
  });
  const value = EXPRESSIONS[best]!;
  return { value, confidence: shares[value], shares };
}

function aggregateAge(items: readonly WeightedAttributes[]): TrackAttributes['age'] {
  const aged = items.filter((it) => it.attributes.age !== null);
  if (aged.length === 0) return null;
  const weights = usableWeights(aged);
  const pick = (f: (a: NonNullable<FaceAttributes['age']>) => number): WeightedValue[] =>
    aged.map((it, i) => ({ value: f(it.attributes.age!), weight: weights[i]! }));
  const values = pick((a) => a.value);
  const value = weightedQuantile(values, 0.5);
  const low = Math.min(
    weightedQuantile(
      pick((a) => a.low),
      0.5,
    ),
    weightedQuantile(values, 0.25),
  );
  const high = Math.max(
    weightedQuantile(
      pick((a) => a.high),
      0.5,
    ),
    weightedQuantile(values, 0.75),
  );
  return { value, low: Math.min(low, value), high: Math.max(high, value) };
}

function aggregateGender(items: readonly WeightedAttributes[]): TrackAttributes['gender'] {
  const gendered = items.filter((it) => it.attributes.gender !== null);
  if (gendered.length === 0) return null;
  const weights = usableWeights(gendered);
  let female = 0;
  let total = 0;
  gendered.forEach((it, i) => {
    const g = it.attributes.gender!;
    female += weights[i]! * (g.value === 'female' ? g.confidence : 1 - g.confidence);
    total += weights[i]!;
  });
  const share = female / total;
  return share >= 0.5 ? { value: 'female', confidence: share } : { value: 'male', confidence: 1 - share };
}

/** Aggregate the per-face attributes of one track. Throws INVALID_ARGUMENT for a negative or non-finite weight. */
export function aggregateAttributes(items: readonly WeightedAttributes[]): TrackAttributes {
  items.forEach((it, i) => {
    if (!Number.isFinite(it.weight) || it.weight < 0)
      throw invalidArgument(`item ${i}: weight must be finite and >= 0, got ${it.weight}`);
  });
  return {
    faces: items.length,
    expression: aggregateExpression(items),
    age: aggregateAge(items),
    gender: aggregateGender(items),
  };
}
