// Identity decision for a whole track (never a single frame). Pure; no I/O.

import { invalidArgument } from '@pmr/common';
import { DEFAULT_PERSON_SCORING, similarityToEach, type Gallery, type PersonScoring } from './gallery.ts';
import { normalized, weightedMeanDirection } from './vectors.ts';

/**
 * How the faces of a track are combined:
 * - `mean-embedding`: search once with the quality-weighted mean direction of the face embeddings;
 * - `mean-similarity`: per person, the quality-weighted mean of each face's similarity to that person.
 */
export type TrackAggregation = 'mean-embedding' | 'mean-similarity';

/**
 * Default track aggregation. Averaging embeddings first cancels per-face noise before comparing (on the two-face tracks
 * scripts/calibrate.ts simulates it separates genuine from impostor more widely; docs/calibration.md), and it also
 * yields the track embedding used for clustering.
 */
export const DEFAULT_TRACK_AGGREGATION: TrackAggregation = 'mean-embedding';

export interface TrackFace {
  readonly embedding: Float32Array;
  /** Face quality in [0, 1]; used as the face's weight. */
  readonly quality: number;
}

export interface IdentityDecision {
  /** The accepted person, or null (unknown) when the best similarity is below the threshold. */
  readonly name: string | null;
  /** The best person's aggregated similarity (whether accepted or not); -1 for an empty gallery. */
  readonly similarity: number;
  /** Best person's similarity minus the runner-up's; absent when the gallery has fewer than two persons. */
  readonly margin?: number;
  /** The best-matching person even when it was not accepted; null for an empty gallery. */
  readonly candidate: string | null;
  /** Unit-length quality-weighted mean embedding of the track, for clustering unknowns. */
  readonly embedding: Float32Array;
}

export interface DecideOptions {
  readonly aggregation?: TrackAggregation;
  readonly scoring?: PersonScoring;
}

/**
 * Decide who a track is. Each face weighs by its quality (all equal when every quality is 0); the best person is
 * accepted when its aggregated similarity is at least `threshold`.
 */
export function decideIdentity(
  faces: ReadonlyArray<TrackFace>,
  gallery: Gallery,
  threshold: number,
  options: DecideOptions = {},
): IdentityDecision {
  if (faces.length === 0) throw invalidArgument('cannot decide the identity of a track with no faces');
  const aggregation = options.aggregation ?? DEFAULT_TRACK_AGGREGATION;
  const scoring = options.scoring ?? DEFAULT_PERSON_SCORING;
  const units = faces.map((f) => normalized(f.embedding));
  const weights = faces.map((f) => (Number.isFinite(f.quality) ? Math.max(0, f.quality) : 0));
  const embedding = weightedMeanDirection(units, weights);

  let sims: Float64Array;
  if (aggregation === 'mean-embedding') {
    sims = similarityToEach(gallery, embedding, scoring);
  } else {
    const total = weights.reduce((a, w) => a + w, 0);
    sims = new Float64Array(gallery.persons.length);
    units.forEach((u, k) => {
      const w = total > 0 ? weights[k]! / total : 1 / units.length;
      const s = similarityToEach(gallery, u, scoring);
      for (let i = 0; i < sims.length; i++) sims[i] = sims[i]! + w * s[i]!;
    });
  }

  let best = -1;
  let second = -1;
  for (let i = 0; i < sims.length; i++) {
    if (best === -1 || sims[i]! > sims[best]!) {
      second = best;
      best = i;
    } else if (second === -1 || sims[i]! > sims[second]!) {
      second = i;
    }
  }
  if (best === -1) return { name: null, similarity: -1, candidate: null, embedding };
  const similarity = sims[best]!;
  const candidate = gallery.persons[best]!.name;
  const name = similarity >= threshold ? candidate : null;
  return second === -1
    ? { name, similarity, candidate, embedding }
    : { name, similarity, margin: similarity - sims[second]!, candidate, embedding };
}
