// Open-set evaluation maths for calibrating the match threshold (used by scripts/calibrate.ts and the model tests).
// Pure: embeddings in, figures out.

import { decideIdentity, type TrackAggregation } from './decide.ts';
import { createGallery, rankMatches, similarityToEach, type Gallery, type PersonScoring } from './gallery.ts';

/** One enrolment image: its person, a name for reports, the query embedding and the templates it contributes. */
export interface LabelledImage {
  readonly person: string;
  readonly file: string;
  /** Embedding used when this image is a query (the plain chip's). */
  readonly query: Float32Array;
  /** Embeddings this image adds to a gallery (the chip's and its augmentations'). */
  readonly templates: readonly Float32Array[];
  /** Face quality in [0, 1], the weight when the image is one face of a simulated track. */
  readonly quality: number;
}

/** Gallery of the given images, persons in order of first appearance. */
export function galleryOf(images: readonly LabelledImage[]): Gallery {
  const byPerson = new Map<string, Float32Array[]>();
  for (const im of images) {
    const list = byPerson.get(im.person) ?? [];
    list.push(...im.templates);
    byPerson.set(im.person, list);
  }
  return createGallery(byPerson);
}

export interface QueryOutcome {
  readonly person: string;
  readonly file: string;
  /** Best-ranked gallery person and its similarity. */
  readonly best: string | null;
  readonly bestSimilarity: number;
  /** Similarity to the query's own person (NaN when that person is not in the gallery). */
  readonly genuine: number;
  /** Best similarity among the other persons (-Infinity when there are none). */
  readonly impostor: number;
}

function outcome(gallery: Gallery, image: LabelledImage, scoring: PersonScoring): QueryOutcome {
  const sims = similarityToEach(gallery, image.query, scoring);
  const top = rankMatches(gallery, sims, 1)[0];
  let genuine = NaN;
  let impostor = -Infinity;
  gallery.persons.forEach((p, i) => {
    if (p.name === image.person) genuine = sims[i]!;
    else impostor = Math.max(impostor, sims[i]!);
  });
  return {
    person: image.person,
    file: image.file,
    best: top?.name ?? null,
    bestSimilarity: top?.similarity ?? -Infinity,
    genuine,
    impostor,
  };
}

/**
 * Leave-one-image-out identification: each image whose person has at least one other image is queried against a
 * gallery of all the other images. Persons with a single image only act as distractors.
 */
export function leaveOneImageOut(
  images: readonly LabelledImage[],
  scoring: PersonScoring,
): { rank1: number; outcomes: QueryOutcome[] } {
  const outcomes: QueryOutcome[] = [];
  images.forEach((image, k) => {
    const others = images.filter((_, j) => j !== k);
    if (!others.some((o) => o.person === image.person)) return;
    outcomes.push(outcome(galleryOf(others), image, scoring));
  });
  const correct = outcomes.filter((o) => o.best === o.person).length;
  return { rank1: outcomes.length === 0 ? NaN : correct / outcomes.length, outcomes };
}

/** Leave-one-person-out: every person is removed from the gallery in turn and each of their images queried. */
export function leaveOnePersonOut(images: readonly LabelledImage[], scoring: PersonScoring): QueryOutcome[] {
  const persons = [...new Set(images.map((im) => im.person))];
  return persons.flatMap((person) => {
    const gallery = galleryOf(images.filter((im) => im.person !== person));
    return images.filter((im) => im.person === person).map((im) => outcome(gallery, im, scoring));
  });
}

/** Best match of each stranger (a person in no gallery) against the full gallery. */
export function strangerOutcomes(
  images: readonly LabelledImage[],
  strangers: readonly LabelledImage[],
  scoring: PersonScoring,
): QueryOutcome[] {
  const gallery = galleryOf(images);
  return strangers.map((s) => outcome(gallery, s, scoring));
}

export interface TrackOutcome {
  readonly person: string;
  readonly files: readonly string[];
  readonly best: string | null;
  readonly similarity: number;
}

/**
 * Simulated two-face tracks: for every pair of images of one person, decide the pair's identity with the given
 * aggregation. Genuine: the other images of everyone stay in the gallery (persons with fewer than 3 images are
 * skipped so their gallery is not empty). Impostor: the person is removed from the gallery.
 */
export function pairTracks(
  images: readonly LabelledImage[],
  aggregation: TrackAggregation,
  scoring: PersonScoring,
): { genuine: TrackOutcome[]; impostor: TrackOutcome[] } {
  const genuine: TrackOutcome[] = [];
  const impostor: TrackOutcome[] = [];
  const persons = [...new Set(images.map((im) => im.person))];
  for (const person of persons) {
    const own = images.filter((im) => im.person === person);
    const withoutPerson = galleryOf(images.filter((im) => im.person !== person));
    for (let a = 0; a < own.length; a++) {
      for (let b = a + 1; b < own.length; b++) {
        const pair = [own[a]!, own[b]!];
        const faces = pair.map((im) => ({ embedding: im.query, quality: im.quality }));
        const files = pair.map((im) => im.file);
        const lopo = decideIdentity(faces, withoutPerson, Infinity, { aggregation, scoring });
        impostor.push({ person, files, best: lopo.candidate, similarity: lopo.similarity });
        if (own.length < 3) continue;
        const rest = galleryOf(images.filter((im) => !pair.includes(im)));
        const d = decideIdentity(faces, rest, Infinity, { aggregation, scoring });
        genuine.push({ person, files, best: d.candidate, similarity: d.similarity });
      }
    }
  }
  return { genuine, impostor };
}

export interface Summary {
  readonly n: number;
  readonly min: number;
  readonly p05: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
}

/** Order statistics of a sample (nearest-rank percentiles); NaN fields for an empty sample. */
export function summarise(values: readonly number[]): Summary {
  const s = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const at = (q: number): number =>
    s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { n: s.length, min: s[0] ?? NaN, p05: at(0.05), median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}

/** Fraction of values at or above a threshold. */
export function fractionAtLeast(values: readonly number[], threshold: number): number {
  return values.length === 0 ? NaN : values.filter((v) => v >= threshold).length / values.length;
}

/**
 * Pairwise agreement of a clustering with the truth: precision = share of same-cluster pairs that are the same
 * person, recall = share of same-person pairs put in one cluster (NaN when there are no such pairs).
 */
export function pairwiseAgreement(
  labels: readonly number[],
  truth: readonly string[],
): { precision: number; recall: number } {
  let together = 0;
  let same = 0;
  let both = 0;
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const t = labels[i] === labels[j];
      const s = truth[i] === truth[j];
      if (t) together++;
      if (s) same++;
      if (t && s) both++;
    }
  }
  return { precision: together === 0 ? NaN : both / together, recall: same === 0 ? NaN : both / same };
}
