// The clip half of `npm run eval:recognition`: the shared clips analysed once by the embedded runtime, then every
// scorer's identity decisions taken offline on the same tracks, and the unknown tracks grouped with MobileFaceNet's or
// the fused similarity.
import { mkdtemp, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RgbImage } from '@pmr/common';
import { framesOf, writeClip, type TimedImage } from '@pmr/decoder/testing';
import {
  calibratedThreshold,
  clusterUnknowns,
  DEFAULT_CLUSTER_THRESHOLD,
  DEFAULT_MATCH_THRESHOLD,
  describedGallery,
  pairwiseAgreement,
  scoreFaces,
  THRESHOLD_MARGIN,
  weightedMeanDirection,
  type DescribedFace,
  type DescribedImage,
  type ScoreFusion,
  type Scorer,
} from '@pmr/recognizer';
import { DEFAULT_ANALYSIS } from '@pmr/results';
import type { Engines, LoadedGallery } from '@pmr/runtime';
import { describeClip, type ClipTrack } from './clip-tracks.ts';
import { describeGalleryFolder, type Describers, type StillSet } from './described-stills.ts';
import { enrolFromVideo } from './gallery-from-video.ts';
import { video } from './paths.ts';
import { f3, scorer, type Calibration } from './recognition-tables.ts';

export interface ClipStudyInput {
  readonly engines: Engines;
  readonly describers: Describers;
  readonly calibrations: readonly Calibration[];
  readonly calibrationImages: Readonly<Record<string, StillSet>>;
  readonly dataDir: string;
}

/** The clips with the gallery persons who really appear in them (videos.json); null: an unlabelled cast (bbt_* names not judged). */
const CLIPS: ReadonlyArray<{ file: string; present: readonly string[] | null }> = [
  { file: 'short_hamilton_clip.mp4', present: ['lin_manuel_miranda', 'barack_obama'] },
  { file: 'head-pose-face-detection-female-and-male.mp4', present: ['intel_woman_a', 'intel_man_b'] },
  { file: 'face-demographics-walking-and-pause.mp4', present: ['intel_woman_a'] },
  { file: 'face-demographics-walking.mp4', present: [] },
  { file: 'facenet_pytorch_walking_crowd.mp4', present: [] },
  { file: 'faceapi_bbt_5frames.mp4', present: null },
];

/** identities/ plus woman A and man B enrolled from frames of their own clips (as the e2e test enrols them). */
async function clipGallery(dataDir: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-eval-gallery-'));
  for (const person of await readdir(join(dataDir, 'identities'), { withFileTypes: true })) {
    if (person.isDirectory() && !person.name.startsWith('_'))
      await symlink(join(dataDir, 'identities', person.name), join(dir, person.name));
  }
  await enrolFromVideo(dir, 'intel_woman_a', video('head-pose-face-detection-female.mp4'), [0.2, 0.9, 1.6]);
  await enrolFromVideo(dir, 'intel_man_b', video('head-pose-face-detection-male.mp4'), [0.5, 2.0, 3.5, 4.8]);
  return dir;
}

/** Woman A, man B, A, B from their single-person clips, one after another; returns when each shot starts. */
async function compositeClip(): Promise<{ path: string; shots: Array<{ start: number; person: string }> }> {
  const path = join(await mkdtemp(join(tmpdir(), 'pmr-eval-composite-')), 'abab.mp4');
  const parts = [
    ['intel_woman_a', 'head-pose-face-detection-female.mp4'],
    ['intel_man_b', 'head-pose-face-detection-male.mp4'],
    ['intel_woman_a', 'head-pose-face-detection-female.mp4'],
    ['intel_man_b', 'head-pose-face-detection-male.mp4'],
  ] as const;
  const shots: Array<{ start: number; person: string }> = [];
  async function* frames(): AsyncGenerator<TimedImage> {
    let offset = 0;
    for (const [person, file] of parts) {
      shots.push({ start: offset, person });
      let last = 0;
      let step = 1 / 12;
      for await (const f of framesOf([video(file)])) {
        if (f.time > last) step = f.time - last;
        last = f.time;
        yield { image: f.image, time: offset + f.time };
      }
      offset += last + step;
    }
  }
  await writeClip(path, frames(), { fps: 12 });
  return { path, shots };
}

/** A scorer's track decision: the best person when at or above the threshold. */
function decide(
  gallery: ReturnType<typeof describedGallery>,
  faces: readonly DescribedFace[],
  s: Scorer,
  threshold: number,
): { name: string | null; score: number; best: string } {
  const scores = scoreFaces(gallery, faces, s);
  let best = 0;
  for (let p = 1; p < scores.length; p++) if (scores[p]! > scores[best]!) best = p;
  const score = scores[best]!;
  return { name: score >= threshold ? gallery.persons[best]! : null, score, best: gallery.persons[best]! };
}

/** Faces with FaceRes only where production computes it (the attribute faces), or on every face. */
function withFaceres(t: ClipTrack, everyFace: boolean): DescribedFace[] {
  return t.faces.map((f, i) => (everyFace || t.attributeFaces.includes(i) ? f : { ...f, faceres: null }));
}

/**
 * Vectors whose cosine is an affine function of the fused similarity of two tracks (each track's mean MobileFaceNet
 * and FaceRes directions), and the cosine threshold equivalent to `threshold` in fused units: [√w·m, √((1-w)σm/σf)·f]
 * all have the same length, so clusterUnknowns' average linkage works on the fused score unchanged.
 */
function fusedClusterVectors(
  tracks: readonly ClipTrack[],
  fusion: ScoreFusion,
  threshold: number,
): { vectors: Float32Array[]; threshold: number } {
  const w = fusion.weight;
  const ratio = fusion.mobilefacenet.std / fusion.faceres.std;
  const a = Math.sqrt(w);
  const b = Math.sqrt((1 - w) * ratio);
  const vectors = tracks.map((t) => {
    const q = t.faces.map((f) => f.quality);
    const m = weightedMeanDirection(
      t.faces.map((f) => f.mobilefacenet),
      q,
    );
    const f = weightedMeanDirection(
      t.faces.map((x) => x.faceres!),
      q,
    );
    const v = new Float32Array(m.length + f.length);
    m.forEach((x, i) => (v[i] = a * x));
    f.forEach((x, i) => (v[m.length + i] = b * x));
    return v;
  });
  const c = (1 - w) * (fusion.mobilefacenet.mean - ratio * fusion.faceres.mean);
  return { vectors, threshold: (threshold - c) / (w + (1 - w) * ratio) };
}

/** Groups unknown tracks as groupTracks does (time overlap or a poor best face keeps two apart). */
function group(tracks: readonly ClipTrack[], fusion: ScoreFusion | null): number[] {
  const apart = (i: number, j: number): boolean => {
    const [x, y] = [tracks[i]!, tracks[j]!];
    if (x.quality < DEFAULT_ANALYSIS.clusterMinQuality || y.quality < DEFAULT_ANALYSIS.clusterMinQuality) return true;
    return Math.max(x.firstSeen, y.firstSeen) < Math.min(x.lastSeen, y.lastSeen);
  };
  if (fusion === null) {
    const vectors = tracks.map((t) =>
      weightedMeanDirection(
        t.faces.map((f) => f.mobilefacenet),
        t.faces.map((f) => f.quality),
      ),
    );
    return clusterUnknowns(vectors, DEFAULT_CLUSTER_THRESHOLD, apart);
  }
  const { vectors, threshold } = fusedClusterVectors(tracks, fusion, DEFAULT_CLUSTER_THRESHOLD);
  return clusterUnknowns(vectors, threshold, apart);
}

interface Clip {
  readonly file: string;
  readonly present: readonly string[] | null;
  readonly tracks: readonly ClipTrack[];
}

interface ClipOutcome {
  /** Enrolled people who appear, and how many of them were named in their clip. */
  readonly present: number;
  readonly found: number;
  /** Enrolled people who appear but were not named, as person (clip). */
  readonly missed: string[];
  /** Tracks named after someone who is not in their clip. */
  readonly wrong: string[];
  /** bbt_* names given in the unlabelled Big Bang Theory clip (not judged). */
  readonly bbt: string[];
  /** Score and verdict of the track the runtime names Barack Obama in Hamilton. */
  readonly obama: string;
  /** The best score of any track in the clips where no enrolled person appears. */
  readonly strangerMax: number;
  /** Tracks this scorer names otherwise than the runtime did. */
  readonly mismatches: string[];
}

function clipOutcome(
  clips: readonly Clip[],
  gallery: ReturnType<typeof describedGallery>,
  s: Scorer,
  threshold: number,
  everyFace: boolean,
): ClipOutcome {
  let present = 0;
  let found = 0;
  let obama = '';
  let strangerMax = Number.NEGATIVE_INFINITY;
  const wrong: string[] = [];
  const missed: string[] = [];
  const bbt = new Set<string>();
  const mismatches: string[] = [];
  for (const c of clips) {
    const named = new Set<string>();
    for (const t of c.tracks) {
      const d = decide(gallery, withFaceres(t, everyFace), s, threshold);
      if (d.name !== t.runtime.name) mismatches.push(`${c.file} track ${t.id}: ${d.name} vs runtime ${t.runtime.name}`);
      if (c.file.startsWith('short_hamilton') && t.runtime.name === 'barack_obama')
        obama = `${f3(d.score)} → ${d.name ?? 'unknown'}`;
      if (c.present?.length === 0) strangerMax = Math.max(strangerMax, d.score);
      if (d.name === null) continue;
      named.add(d.name);
      if (c.present === null && d.name.startsWith('bbt_')) bbt.add(d.name);
      else if (c.present === null || !c.present.includes(d.name)) wrong.push(`${c.file}#${t.id}→${d.name}`);
    }
    present += c.present?.length ?? 0;
    found += (c.present ?? []).filter((p) => named.has(p)).length;
    missed.push(...(c.present ?? []).filter((p) => !named.has(p)).map((p) => `${p} (${c.file.replace(/\.mp4$/, '')})`));
  }
  return { present, found, missed, wrong, bbt: [...bbt], obama, strangerMax, mismatches };
}

export async function clipStudy(input: ClipStudyInput): Promise<void> {
  const { engines, describers, calibrations, calibrationImages } = input;
  const enrolled = await describeGalleryFolder(await clipGallery(input.dataDir), describers);
  const loaded: LoadedGallery = {
    gallery: enrolled.gallery,
    summary: { persons: enrolled.gallery.persons.length, accepted: enrolled.report.accepted.length, rejected: [] },
  };
  const gallery = describedGallery(enrolled.images);
  const faceres = (chip: RgbImage): Promise<Float32Array> => describers.faceres(chip);
  const clips: Array<{ file: string; present: readonly string[] | null; tracks: ClipTrack[]; unknownPersons: number }> =
    [];
  for (const c of CLIPS) clips.push({ ...c, ...(await describeClip(video(c.file), engines, faceres, loaded)) });

  console.log(
    `\n## Clips (gallery: identities/ + woman A and man B from frames of their own clips, ${gallery.persons.length} persons)\n`,
  );
  for (const c of clips)
    console.log(`- ${c.file}: ${c.tracks.length} tracks, ${c.tracks.reduce((n, t) => n + t.faces.length, 0)} faces`);
  const header =
    "| threshold | enrolled people found | false names (tracks) | Obama's track | largest track score in the clips with nobody enrolled | bbt names |";
  const cells = (o: ClipOutcome, threshold: number): string =>
    `${threshold.toFixed(2)} | ${o.found}/${o.present}${o.missed.length > 0 ? ` (missed ${o.missed.join(', ')})` : ''} | ${o.wrong.length}${o.wrong.length > 0 ? ` (${o.wrong.join(', ')})` : ''} | ${o.obama} | ${f3(o.strangerMax)} | ${o.bbt.join(', ') || '—'} |`;
  console.log(`\n| scorer (thresholds calibrated on the named still set) ${header}\n|---|---|---|---|---|---|---|`);
  const production = clipOutcome(clips, gallery, scorer(calibrations[0]!.norms, 1), DEFAULT_MATCH_THRESHOLD, false);
  console.log(
    `| MobileFaceNet, mean-embedding, production's threshold | ${cells(production, DEFAULT_MATCH_THRESHOLD)}`,
  );
  for (const cal of calibrations) {
    const images: readonly DescribedImage[] = calibrationImages[cal.set]!.images;
    const variants: Array<[string, Scorer, boolean]> = [
      ['MobileFaceNet, mean-embedding', scorer(cal.norms, 1), false],
      ['MobileFaceNet, best-face', scorer(cal.norms, 1, { aggregation: 'best-face' }), false],
      ['MobileFaceNet, top3-mean', scorer(cal.norms, 1, { aggregation: 'top3-mean' }), false],
      [`fusion w=${cal.weight}, mean-embedding, FaceRes on attribute faces`, scorer(cal.norms, cal.weight), false],
      [`fusion w=${cal.weight}, mean-embedding, FaceRes on every face`, scorer(cal.norms, cal.weight), true],
      [
        `fusion w=${cal.weight}, best-face, FaceRes on every face`,
        scorer(cal.norms, cal.weight, { aggregation: 'best-face' }),
        true,
      ],
      [
        `fusion w=${cal.weight}, top3-mean, FaceRes on every face`,
        scorer(cal.norms, cal.weight, { aggregation: 'top3-mean' }),
        true,
      ],
    ];
    for (const [label, s, everyFace] of variants) {
      const threshold = calibratedThreshold(images, s, THRESHOLD_MARGIN);
      console.log(
        `| ${label} (cal. ${cal.set}) | ${cells(clipOutcome(clips, gallery, s, threshold, everyFace), threshold)}`,
      );
    }
  }
  console.log(
    production.mismatches.length === 0
      ? `\nMobileFaceNet mean-embedding at ${DEFAULT_MATCH_THRESHOLD}, decided offline, names every track as the runtime did.`
      : `\nOffline MobileFaceNet decisions differ from the runtime's: ${production.mismatches.join('; ')}`,
  );

  console.log(
    `\n| fusion weight, mean-embedding, FaceRes on attribute faces (norms and threshold from the still set) ${header}\n|---|---|---|---|---|---|---|`,
  );
  for (const cal of calibrations) {
    for (const w of [0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1]) {
      const s = scorer(cal.norms, w);
      const threshold = calibratedThreshold(calibrationImages[cal.set]!.images, s, THRESHOLD_MARGIN);
      console.log(`| w=${w} (cal. ${cal.set}) | ${cells(clipOutcome(clips, gallery, s, threshold, false), threshold)}`);
    }
  }

  // Grouping unknowns: Hamilton's unknown tracks (production's decisions), and a composite A, B, A, B clip with no gallery.
  const composite = await compositeClip();
  const abab = await describeClip(composite.path, engines, faceres, null);
  const truth = abab.tracks.map((t) => composite.shots.filter((s) => s.start <= t.firstSeen + 1e-3).at(-1)!.person);
  const hamilton = clips[0]!.tracks.filter((t) => t.runtime.name === null);
  console.log(
    '\n| grouping unknown tracks (threshold 0.40 in MobileFaceNet units) | Hamilton unknown persons | A,B,A,B clip: persons (truth 2) | pairwise precision / recall |\n|---|---|---|---|',
  );
  const rows: Array<[string, ScoreFusion | null]> = [
    ['MobileFaceNet track means (today)', null],
    ...calibrations.map((c): [string, ScoreFusion] => [
      `fused, w=${c.weight} (cal. ${c.set})`,
      { ...c.norms, weight: c.weight },
    ]),
  ];
  for (const [label, fusion] of rows) {
    const h = group(hamilton, fusion);
    const a = group(abab.tracks, fusion);
    const { precision, recall } = pairwiseAgreement(a, truth);
    console.log(
      `| ${label} | ${Math.max(-1, ...h) + 1} (of ${hamilton.length} tracks; runtime ${clips[0]!.unknownPersons}) | ${Math.max(-1, ...a) + 1} (of ${a.length} tracks) | ${f3(precision)} / ${f3(recall)} |`,
    );
  }
}
