// Recognition benchmark (issue 16): MobileFaceNet (what PMR decides with), the FaceRes 1024-d descriptor (computed by
// the age/gender run) and their score fusion, on both still sets of the shared test media (identities/ and
// identities-hard/) and on the shared clips. Prints Markdown tables; the figures and their reading are in
// docs/calibration.md ("Recognition benchmark").
//
//   PMR_MODELS_DIR=../shared/models npm run eval:recognition -- [--cache FILE] [--no-clips] [--weights 0.5,0.6,...]
//
// Everything goes through production's path: YuNet, the enrolment's face selection, alignment, padded retry and 7
// augmentations, MobileFaceNet without flip TTA, person centroids, and the embedded runtime for the clips.
// --cache keeps the still photos' descriptors in a JSON file (reused while the models and data folder are the same).
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadAgeGenderModel } from '@pmr/attributes/analyzer';
import { manifest, resolveModel } from '@pmr/models';
import { DEFAULT_MATCH_THRESHOLD } from '@pmr/recognizer';
import { loadEngines } from '@pmr/runtime';
import { dataDir, missingData, missingModels, modelsDir } from '../src/paths.ts';
import {
  describeGalleryFolder,
  describeStrangers,
  readStillsCache,
  writeStillsCache,
  type DescribedStills,
  type Describers,
  type StillSet,
} from '../src/described-stills.ts';
import {
  calibrate,
  OPEN_HEADER,
  openRow,
  rawPairStats,
  scorer,
  STILL_HEADER,
  stillRow,
  type Calibration,
} from '../src/recognition-tables.ts';
import { clipStudy } from '../src/recognition-clips.ts';

const { values } = parseArgs({
  options: {
    cache: { type: 'string' },
    'no-clips': { type: 'boolean', default: false },
    weights: { type: 'string', default: '0.5,0.6,0.7,0.8,0.9' },
  },
});
const skip = missingModels() ?? missingData();
if (skip !== null) {
  console.error(`eval:recognition: ${skip}`);
  process.exit(2);
}
const weights = values.weights.split(',').map(Number);
const SETS = ['identities', 'identities-hard'] as const;
/**
 * UTKFace chips that are not strangers to a set: utkface_59_0_1_… shows Denzel Washington himself (checked by eye
 * against identities-hard/denzel_washington; UTKFace was gathered from the web), so naming him is right, not a false accept.
 */
const NOT_STRANGERS: Readonly<Record<string, readonly string[]>> = {
  'identities-hard': ['utkface_59_0_1_20170111171747518.jpg'],
};

const engines = await loadEngines({ modelsDir, detector: 'yunet', threads: 1 });
const ageGender = await loadAgeGenderModel(
  { kind: 'faceres', path: await resolveModel('agegender', { modelsDir }) },
  1,
);
const describers: Describers = {
  detect: (image) => engines.detector.detect(image),
  embed: (chip) => engines.embedder.embed(chip),
  faceres: async (chip) => (await ageGender.predict(chip)).descriptor!,
};

const key = [manifest.yunet.sha256, manifest.mobilefacenet.sha256, manifest.agegender.sha256, dataDir].join(':');
let stills: DescribedStills | null = values.cache === undefined ? null : await readStillsCache(values.cache, key);
if (stills === null) {
  const sets: Record<string, StillSet> = {};
  for (const set of SETS) sets[set] = await describeGalleryFolder(join(dataDir, set), describers);
  const { strangers, missed } = await describeStrangers(dataDir, describers);
  stills = { sets, strangers, strangersMissed: missed };
  if (values.cache !== undefined) await writeStillsCache(values.cache, key, stills);
}
const { sets } = stills;
const strangersOf = (set: string): DescribedStills['strangers'] =>
  stills.strangers.filter((s) => !(NOT_STRANGERS[set] ?? []).includes(s.file));

console.log('## Data\n');
for (const set of SETS) {
  const s = sets[set]!;
  console.log(
    `- ${set}/: ${s.images.length} photos of ${new Set(s.images.map((i) => i.person)).size} persons enrolled, ${s.rejected.length} rejected${s.rejected.length > 0 ? ` (${s.rejected.join(', ')})` : ''}`,
  );
  console.log(
    `  - raw cosines of ordered photo pairs (gallery photo's templates vs plain chip), MobileFaceNet: ${rawPairStats(s.images, 'mobilefacenet')}`,
  );
  console.log(`  - FaceRes: ${rawPairStats(s.images, 'faceres')}`);
}
console.log(
  `- strangers: ${stills.strangers.length} UTKFace chips${stills.strangersMissed.length > 0 ? `, missed: ${stills.strangersMissed.join(', ')}` : ''}`,
);
for (const [set, files] of Object.entries(NOT_STRANGERS))
  console.log(`  - not strangers to ${set}/ (the person is in it): ${files.join(', ')}`);

const calibrations: Calibration[] = SETS.map((set) => calibrate(set, sets[set]!.images, weights));
console.log(
  '\n## Fusion weight, chosen on each calibration set (share of two-face tracks named right at the calibrated threshold; w=1 is MobileFaceNet alone)\n',
);
for (const c of calibrations) {
  const n = c.norms;
  console.log(
    `- calibrated on ${c.set}: impostor norms MobileFaceNet ${n.mobilefacenet.mean.toFixed(3)} ± ${n.mobilefacenet.std.toFixed(3)}, ` +
      `FaceRes ${n.faceres.mean.toFixed(3)} ± ${n.faceres.std.toFixed(3)}; ` +
      c.grid.map((g) => `w=${g.weight}: thr ${g.threshold.toFixed(2)} tracks ${g.trackTar.toFixed(3)}`).join(', ') +
      ` → **w = ${c.weight}**`,
  );
}

const descriptors = (c: Calibration): Array<[string, number]> => [
  ['MobileFaceNet', 1],
  [`FaceRes 1024-d (cal. ${c.set})`, 0],
  [`fusion w=${c.weight} (cal. ${c.set})`, c.weight],
];

console.log(
  '\n## Still photos: 1:1 verification (ordered photo pairs: a one-photo gallery against a plain chip) and rank-1\n\n' +
    "Scores in MobileFaceNet units: FaceRes (weight 0) and the fusion are mapped onto MobileFaceNet's impostor scale with the norms of the named calibration set (identities/ when not named); raw cosines are under Data.\n",
);
console.log(STILL_HEADER);
for (const set of SETS) {
  const images = sets[set]!.images;
  for (const [label, w] of descriptors(calibrations[0]!))
    console.log(stillRow(set, label, images, scorer(calibrations[0]!.norms, w)));
  const other = calibrations[1]!;
  console.log(stillRow(set, `fusion w=${other.weight} (cal. ${other.set})`, images, scorer(other.norms, other.weight)));
}

console.log(
  `\n## Open set: threshold = ceil₂(largest two-face impostor track on the calibration set + 0.15), as DEFAULT_MATCH_THRESHOLD (${DEFAULT_MATCH_THRESHOLD}) is\n`,
);
console.log(OPEN_HEADER);
for (const set of SETS) {
  const s = scorer(calibrations[0]!.norms, 1);
  console.log(
    openRow(`production → ${set}`, 'MobileFaceNet', [], sets[set]!.images, strangersOf(set), s, DEFAULT_MATCH_THRESHOLD)
      .row,
  );
}
for (const c of calibrations) {
  for (const set of SETS) {
    for (const [label, w] of descriptors(c)) {
      console.log(
        openRow(
          `${c.set} → ${set}`,
          label,
          sets[c.set]!.images,
          sets[set]!.images,
          strangersOf(set),
          scorer(c.norms, w),
        ).row,
      );
    }
  }
}

console.log(
  '\n## Track aggregation and gallery templates on simulated two-face tracks (threshold calibrated on the other set)\n',
);
console.log(OPEN_HEADER);
for (const c of calibrations) {
  const set = SETS.find((s) => s !== c.set)!;
  for (const [label, w] of [descriptors(c)[0]!, descriptors(c)[2]!]) {
    for (const aggregation of ['mean-embedding', 'best-face', 'top3-mean'] as const) {
      for (const templates of ['person-centroid', 'photo-max'] as const) {
        if (aggregation !== 'mean-embedding' && templates !== 'person-centroid') continue;
        const s = scorer(c.norms, w, { aggregation, templates });
        console.log(
          openRow(
            `${c.set} → ${set}`,
            `${label}, ${aggregation}, ${templates}`,
            sets[c.set]!.images,
            sets[set]!.images,
            strangersOf(set),
            s,
          ).row,
        );
      }
    }
  }
}

if (!values['no-clips']) await clipStudy({ engines, describers, calibrations, calibrationImages: sets, dataDir });

await Promise.all([engines.release(), ageGender.release()]);
