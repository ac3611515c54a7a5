// Open-set evaluation with two face descriptors (MobileFaceNet and FaceRes) and their score fusion, for
// e2e/bench/recognition.ts (`npm run eval:recognition`). Pure: descriptors in, figures out.
//
// A gallery person is scored the way production scores one (gallery.ts, `centroid`): each photo adds its plain chip and
// its augmentations as templates, and the person's template is their mean direction. `photo-max` instead keeps one
// template per photo (the mean direction of that photo's templates) and takes the best photo.

import { invalidArgument } from '@pmr/common';
import { fuseScores, type ScoreFusion } from './fusion.ts';
import { dot, normalized, weightedMeanDirection } from './vectors.ts';

/** One face's descriptors, both unit-length; `faceres` is null for a face the FaceRes model did not see. */
export interface DescribedFace {
  readonly mobilefacenet: Float32Array;
  readonly faceres: Float32Array | null;
  /** Face quality in [0, 1], the face's weight in a track's mean. */
  readonly quality: number;
}

/** One enrolment photo: the plain chip's descriptors and the sums of its unit templates (chip and augmentations). */
export interface DescribedImage {
  readonly person: string;
  readonly file: string;
  readonly face: DescribedFace & { readonly faceres: Float32Array };
  readonly templateSum: { readonly mobilefacenet: Float32Array; readonly faceres: Float32Array };
}

/** How a person's photos become templates: one mean direction per person (production), or the best of one per photo. */
export type GalleryTemplates = 'person-centroid' | 'photo-max';

/**
 * How a track's faces are combined: `mean-embedding` compares the quality-weighted mean direction of each descriptor
 * (production, decide.ts); `best-face` takes each person's best fused face score; `top3-mean` the mean of its three
 * best (all of them when fewer).
 */
export type FaceAggregation = 'mean-embedding' | 'best-face' | 'top3-mean';

export interface Scorer {
  readonly fusion: ScoreFusion;
  readonly aggregation: FaceAggregation;
  readonly templates: GalleryTemplates;
}

interface Templates {
  readonly mobilefacenet: readonly Float32Array[];
  readonly faceres: readonly Float32Array[];
}

/** A gallery of described photos: per person, one centroid per descriptor and one template per photo. */
export interface DescribedGallery {
  readonly persons: readonly string[];
  readonly centroid: Templates;
  readonly photos: ReadonlyArray<Templates>;
}

interface Base {
  readonly persons: readonly string[];
  readonly members: ReadonlyArray<readonly DescribedImage[]>;
  readonly gallery: DescribedGallery;
}

/** Full galleries already built, per photo array: galleries without a few photos are derived from them. */
const bases = new WeakMap<readonly DescribedImage[], Base>();

function centroidOf(own: readonly DescribedImage[], key: 'mobilefacenet' | 'faceres'): Float32Array {
  const sum = new Float32Array(own[0]!.templateSum[key].length);
  for (const im of own) {
    const v = im.templateSum[key];
    for (let i = 0; i < v.length; i++) sum[i] = sum[i]! + v[i]!;
  }
  return normalized(sum);
}

const photoTemplates = new WeakMap<DescribedImage, { mobilefacenet: Float32Array; faceres: Float32Array }>();
function photoTemplate(im: DescribedImage): { mobilefacenet: Float32Array; faceres: Float32Array } {
  let t = photoTemplates.get(im);
  if (t === undefined) {
    t = { mobilefacenet: normalized(im.templateSum.mobilefacenet), faceres: normalized(im.templateSum.faceres) };
    photoTemplates.set(im, t);
  }
  return t;
}

function galleryOfGroups(
  persons: readonly string[],
  groups: ReadonlyArray<readonly DescribedImage[]>,
): DescribedGallery {
  return {
    persons,
    centroid: {
      mobilefacenet: groups.map((g) => centroidOf(g, 'mobilefacenet')),
      faceres: groups.map((g) => centroidOf(g, 'faceres')),
    },
    photos: groups.map((g) => ({
      mobilefacenet: g.map((im) => photoTemplate(im).mobilefacenet),
      faceres: g.map((im) => photoTemplate(im).faceres),
    })),
  };
}

function baseOf(images: readonly DescribedImage[]): Base {
  let b = bases.get(images);
  if (b === undefined) {
    const byPerson = new Map<string, DescribedImage[]>();
    for (const im of images) {
      const list = byPerson.get(im.person);
      if (list === undefined) byPerson.set(im.person, [im]);
      else list.push(im);
    }
    const persons = [...byPerson.keys()];
    const members = persons.map((p) => byPerson.get(p)!);
    b = { persons, members, gallery: galleryOfGroups(persons, members) };
    bases.set(images, b);
  }
  return b;
}

/**
 * Gallery of the given photos but the excluded ones, persons in order of first appearance (a person with no photo
 * left is not in it). The full gallery is built once per array (which must not change afterwards); only the persons
 * who lose a photo are recomputed.
 */
export function describedGallery(
  images: readonly DescribedImage[],
  excluded: ReadonlySet<DescribedImage> = new Set(),
): DescribedGallery {
  const base = baseOf(images);
  if (excluded.size === 0) return base.gallery;
  const persons: string[] = [];
  const mobilefacenet: Float32Array[] = [];
  const faceres: Float32Array[] = [];
  const photos: Templates[] = [];
  base.persons.forEach((person, k) => {
    const all = base.members[k]!;
    const kept = all.some((im) => excluded.has(im)) ? all.filter((im) => !excluded.has(im)) : all;
    if (kept.length === 0) return;
    const g = kept === all ? null : galleryOfGroups([person], [kept]);
    persons.push(person);
    mobilefacenet.push(g?.centroid.mobilefacenet[0] ?? base.gallery.centroid.mobilefacenet[k]!);
    faceres.push(g?.centroid.faceres[0] ?? base.gallery.centroid.faceres[k]!);
    photos.push(g?.photos[0] ?? base.gallery.photos[k]!);
  });
  return { persons, centroid: { mobilefacenet, faceres }, photos };
}

/** Cosine of a unit query to each person under the gallery-template choice; NaN for a null query. */
function similarities(
  gallery: DescribedGallery,
  query: Float32Array | null,
  key: 'mobilefacenet' | 'faceres',
  templates: GalleryTemplates,
): Float64Array {
  const out = new Float64Array(gallery.persons.length);
  if (query === null) return out.fill(Number.NaN);
  for (let p = 0; p < out.length; p++) {
    if (templates === 'person-centroid') out[p] = dot(gallery.centroid[key][p]!, query);
    else out[p] = Math.max(...gallery.photos[p]![key].map((t) => dot(t, query)));
  }
  return out;
}

/** Per-person fused similarity of one photo's or track's faces, in gallery order. */
export function scoreFaces(gallery: DescribedGallery, faces: readonly DescribedFace[], scorer: Scorer): Float64Array {
  if (faces.length === 0) throw invalidArgument('cannot score a track with no faces');
  const n = gallery.persons.length;
  const { fusion, templates } = scorer;
  // With photo-max and fusion, each photo's two scores are fused before the best photo is taken.
  const fusedFor = (m: Float32Array, f: Float32Array | null): Float64Array => {
    if (templates === 'person-centroid' || f === null) {
      const sm = similarities(gallery, m, 'mobilefacenet', templates);
      const sf = similarities(gallery, f, 'faceres', templates);
      return Float64Array.from(sm, (s, p) => fuseScores(s, sf[p]!, fusion));
    }
    return Float64Array.from(gallery.photos, (photos) =>
      Math.max(...photos.mobilefacenet.map((t, k) => fuseScores(dot(t, m), dot(photos.faceres[k]!, f), fusion))),
    );
  };
  if (scorer.aggregation === 'mean-embedding') {
    const weights = faces.map((f) => (Number.isFinite(f.quality) ? Math.max(0, f.quality) : 0));
    const m = weightedMeanDirection(
      faces.map((f) => f.mobilefacenet),
      weights,
    );
    const withF = faces.flatMap((f, k) => (f.faceres === null ? [] : [{ v: f.faceres, w: weights[k]! }]));
    const f =
      withF.length === 0
        ? null
        : weightedMeanDirection(
            withF.map((x) => x.v),
            withF.map((x) => x.w),
          );
    return fusedFor(m, f);
  }
  const perFace = faces.map((f) => fusedFor(f.mobilefacenet, f.faceres));
  const k = scorer.aggregation === 'best-face' ? 1 : 3;
  const out = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    const best = perFace
      .map((s) => s[p]!)
      .sort((a, b) => b - a)
      .slice(0, k);
    out[p] = best.reduce((a, b) => a + b, 0) / best.length;
  }
  return out;
}

export interface Outcome {
  readonly person: string;
  readonly file: string;
  /** Best-scoring gallery person, its score, and the query's own person's score (NaN when not in the gallery). */
  readonly best: string | null;
  readonly bestScore: number;
  readonly genuine: number;
}

function outcome(
  gallery: DescribedGallery,
  person: string,
  file: string,
  faces: readonly DescribedFace[],
  scorer: Scorer,
): Outcome {
  const scores = scoreFaces(gallery, faces, scorer);
  let best = -1;
  for (let p = 0; p < scores.length; p++) if (best === -1 || scores[p]! > scores[best]!) best = p;
  const own = gallery.persons.indexOf(person);
  return {
    person,
    file,
    best: best === -1 ? null : gallery.persons[best]!,
    bestScore: best === -1 ? Number.NEGATIVE_INFINITY : scores[best]!,
    genuine: own === -1 ? Number.NaN : scores[own]!,
  };
}

/** Each photo of a person with another photo, against a gallery of all the other photos (single-photo persons are distractors). */
export function leaveOneImageOut(images: readonly DescribedImage[], scorer: Scorer): Outcome[] {
  return images.flatMap((image) => {
    if (!images.some((o) => o !== image && o.person === image.person)) return [];
    return [outcome(describedGallery(images, new Set([image])), image.person, image.file, [image.face], scorer)];
  });
}

/** Every person removed from the gallery in turn, each of their photos queried: the best score is a false accept's. */
export function leaveOnePersonOut(images: readonly DescribedImage[], scorer: Scorer): Outcome[] {
  const persons = [...new Set(images.map((im) => im.person))];
  return persons.flatMap((person) => {
    const own = images.filter((im) => im.person === person);
    const gallery = describedGallery(images, new Set(own));
    return own.map((im) => outcome(gallery, person, im.file, [im.face], scorer));
  });
}

/** Best match of each stranger (a person in no gallery) against the gallery of all the photos. */
export function strangerOutcomes(
  images: readonly DescribedImage[],
  strangers: ReadonlyArray<{ file: string; face: DescribedFace }>,
  scorer: Scorer,
): Outcome[] {
  const gallery = describedGallery(images);
  return strangers.map((s) => outcome(gallery, `stranger:${s.file}`, s.file, [s.face], scorer));
}

/**
 * Simulated two-face tracks, as scripts/calibrate.ts makes them: every pair of one person's photos. Genuine: against the
 * gallery of all the other photos (persons with fewer than 3 photos skipped); impostor: with the person removed.
 */
export function pairTracks(
  images: readonly DescribedImage[],
  scorer: Scorer,
): { genuine: Outcome[]; impostor: Outcome[] } {
  const genuine: Outcome[] = [];
  const impostor: Outcome[] = [];
  for (const person of new Set(images.map((im) => im.person))) {
    const own = images.filter((im) => im.person === person);
    const without = describedGallery(images, new Set(own));
    for (let a = 0; a < own.length; a++) {
      for (let b = a + 1; b < own.length; b++) {
        const pair = [own[a]!, own[b]!];
        const file = `${pair[0]!.file}+${pair[1]!.file}`;
        const faces = pair.map((im) => im.face);
        impostor.push(outcome(without, person, file, faces, scorer));
        if (own.length < 3) continue;
        genuine.push(outcome(describedGallery(images, new Set(pair)), person, file, faces, scorer));
      }
    }
  }
  return { genuine, impostor };
}

/**
 * 1:1 verification of ordered photo pairs: photo A as a one-photo gallery (its templates' mean direction), photo B's
 * plain chip as the query, as when a single gallery photo meets a face. Genuine when both show one person.
 */
export function verificationScores(
  images: readonly DescribedImage[],
  scorer: Scorer,
): { genuine: number[]; impostor: number[] } {
  const genuine: number[] = [];
  const impostor: number[] = [];
  const single = images.map((im) => describedGallery([im]));
  images.forEach((a, i) => {
    images.forEach((b, j) => {
      if (i === j) return;
      const s = scoreFaces(single[i]!, [b.face], scorer)[0]!;
      (a.person === b.person ? genuine : impostor).push(s);
    });
  });
  return { genuine, impostor };
}

/** Raw cosines of each photo's plain chip to every other person's centroid, for one descriptor: the impostor scores a norm is fitted to. */
export function impostorCosines(images: readonly DescribedImage[], key: 'mobilefacenet' | 'faceres'): number[] {
  const gallery = describedGallery(images);
  return images.flatMap((im) =>
    gallery.persons.flatMap((p, k) => (p === im.person ? [] : [dot(gallery.centroid[key][k]!, im.face[key])])),
  );
}

/**
 * True accept rate at a false accept rate: the threshold lets through at most floor(far × impostors) impostor scores
 * (a score is accepted when strictly above it), and TAR is the share of genuine scores above it.
 */
export function tarAtFar(
  genuine: readonly number[],
  impostor: readonly number[],
  far: number,
): { tar: number; threshold: number } {
  if (impostor.length === 0 || genuine.length === 0) return { tar: Number.NaN, threshold: Number.NaN };
  const sorted = [...impostor].sort((a, b) => b - a);
  const allowed = Math.floor(far * sorted.length + 1e-9);
  const threshold = allowed >= sorted.length ? Number.NEGATIVE_INFINITY : sorted[allowed]!;
  return { tar: genuine.filter((g) => g > threshold).length / genuine.length, threshold };
}

/** A threshold calibrated as DEFAULT_MATCH_THRESHOLD is: the largest simulated-track impostor score plus a margin, rounded up to 0.01. */
export function calibratedThreshold(images: readonly DescribedImage[], scorer: Scorer, margin: number): number {
  const worst = Math.max(...pairTracks(images, scorer).impostor.map((o) => o.bestScore));
  return Math.ceil((worst + margin) * 100 - 1e-9) / 100;
}
