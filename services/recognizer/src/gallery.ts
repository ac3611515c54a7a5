// The enrolled-person gallery and exact cosine search over it. Pure; no I/O.

import { invalidArgument } from '@pmr/common';
import { dot, normalized, weightedMeanDirection } from './vectors.ts';

/**
 * How one person's templates are turned into a single similarity to a query:
 * - `max`: the best template (nearest neighbour);
 * - `top2-mean`: mean of the two best templates (the best one alone when there is only one);
 * - `centroid`: similarity to the person's mean direction.
 */
export type PersonScoring = 'max' | 'top2-mean' | 'centroid';

/**
 * Default person scoring: `centroid` separates genuine from unknown best on the shared test data (scripts/calibrate.ts;
 * figures in docs/calibration.md). More templates (augmentations) give `max` more chances to hit a stranger.
 */
export const DEFAULT_PERSON_SCORING: PersonScoring = 'centroid';

export interface GalleryPerson {
  readonly name: string;
  /** Unit-length template embeddings (one or more per enrolment image: the original and its augmentations). */
  readonly templates: readonly Float32Array[];
  /** Unit-length mean direction of the templates. */
  readonly centroid: Float32Array;
}

export interface Gallery {
  /** Embedding length every template and query must have. */
  readonly dim: number;
  readonly persons: readonly GalleryPerson[];
}

export interface Match {
  readonly name: string;
  readonly similarity: number;
}

/**
 * Build a gallery from person -> template embeddings. Templates are copied and L2-normalised; persons keep the
 * given order. Throws INVALID_ARGUMENT on a person without templates, a duplicate name or mixed lengths.
 */
export function createGallery(persons: Iterable<readonly [string, readonly Float32Array[]]>): Gallery {
  const out: GalleryPerson[] = [];
  const seen = new Set<string>();
  let dim = -1;
  for (const [name, templates] of persons) {
    if (seen.has(name)) throw invalidArgument(`person ${JSON.stringify(name)} appears twice in the gallery`);
    if (templates.length === 0) throw invalidArgument(`person ${JSON.stringify(name)} has no template embeddings`);
    seen.add(name);
    for (const t of templates) {
      if (dim === -1) dim = t.length;
      if (t.length !== dim)
        throw invalidArgument(`person ${JSON.stringify(name)}: embedding length ${t.length}, expected ${dim}`);
    }
    const unit = templates.map(normalized);
    out.push({ name, templates: unit, centroid: weightedMeanDirection(unit) });
  }
  return { dim: Math.max(dim, 0), persons: out };
}

/** The same gallery without the named persons (for leave-one-person-out evaluation). */
export function galleryWithout(gallery: Gallery, ...names: string[]): Gallery {
  const drop = new Set(names);
  return { dim: gallery.dim, persons: gallery.persons.filter((p) => !drop.has(p.name)) };
}

/** Similarity of a unit-length query to one person under the given scoring. */
export function personSimilarity(
  person: GalleryPerson,
  query: Float32Array,
  scoring: PersonScoring = DEFAULT_PERSON_SCORING,
): number {
  if (scoring === 'centroid') return dot(person.centroid, query);
  let best = -Infinity;
  let second = -Infinity;
  for (const t of person.templates) {
    const s = dot(t, query);
    if (s > best) {
      second = best;
      best = s;
    } else if (s > second) {
      second = s;
    }
  }
  if (scoring === 'max' || second === -Infinity) return best;
  return (best + second) / 2;
}

/** Similarity of the query to every person, in gallery order. The query is normalised first. */
export function similarityToEach(
  gallery: Gallery,
  query: Float32Array,
  scoring: PersonScoring = DEFAULT_PERSON_SCORING,
): Float64Array {
  if (gallery.persons.length > 0 && query.length !== gallery.dim) {
    throw invalidArgument(`query embedding has length ${query.length}, gallery expects ${gallery.dim}`);
  }
  const q = normalized(query);
  return Float64Array.from(gallery.persons, (p) => personSimilarity(p, q, scoring));
}

/** Persons ranked by similarity (best first, ties by gallery order), at most `topK` of them. */
export function rankMatches(gallery: Gallery, similarities: ArrayLike<number>, topK = Infinity): Match[] {
  return gallery.persons
    .map((p, i) => ({ name: p.name, similarity: similarities[i]!, i }))
    .sort((a, b) => b.similarity - a.similarity || a.i - b.i)
    .slice(0, topK)
    .map(({ name, similarity }) => ({ name, similarity }));
}

export interface SearchOptions {
  readonly topK?: number;
  readonly scoring?: PersonScoring;
}

/** Exact cosine search: the `topK` (default 5) best persons for a query embedding. */
export function searchGallery(gallery: Gallery, query: Float32Array, options: SearchOptions = {}): Match[] {
  return rankMatches(gallery, similarityToEach(gallery, query, options.scoring), options.topK ?? 5);
}
