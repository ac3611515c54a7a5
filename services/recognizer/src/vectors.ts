// Small vector helpers for L2-normalised embeddings. Pure; no I/O.

import { invalidArgument } from '@pmr/common';

/** Dot product; for unit vectors this is the cosine similarity. */
export function dot(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw invalidArgument(`embedding length mismatch: ${a.length} vs ${b.length}`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Cosine similarity of two vectors of any length scale; 0 when either is the zero vector. */
export function cosine(a: Float32Array, b: Float32Array): number {
  const na = Math.sqrt(dot(a, a));
  const nb = Math.sqrt(dot(b, b));
  return na > 0 && nb > 0 ? dot(a, b) / (na * nb) : 0;
}

/** A new unit-length copy of `v` (the zero vector stays zero). */
export function normalized(v: Float32Array): Float32Array {
  const out = new Float32Array(v);
  let s = 0;
  for (const x of out) s += x * x;
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < out.length; i++) out[i] = out[i]! / n;
  return out;
}

/**
 * Weighted sum of vectors, L2-normalised. Weights must be ≥ 0; when they sum to 0 every vector weighs the same.
 * This is the "mean direction" of a set of embeddings.
 */
export function weightedMeanDirection(vectors: readonly Float32Array[], weights?: readonly number[]): Float32Array {
  const first = vectors[0];
  if (first === undefined) throw invalidArgument('cannot average an empty set of embeddings');
  if (weights !== undefined && weights.length !== vectors.length) {
    throw invalidArgument(`got ${weights.length} weights for ${vectors.length} embeddings`);
  }
  const total = weights?.reduce((a, w) => a + Math.max(0, w), 0) ?? 0;
  const sum = new Float32Array(first.length);
  vectors.forEach((v, k) => {
    if (v.length !== first.length) throw invalidArgument(`embedding length mismatch: ${v.length} vs ${first.length}`);
    const w = weights !== undefined && total > 0 ? Math.max(0, weights[k]!) : 1;
    for (let i = 0; i < v.length; i++) sum[i] = sum[i]! + w * v[i]!;
  });
  return normalized(sum);
}
