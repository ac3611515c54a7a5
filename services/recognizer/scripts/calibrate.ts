// Open-set calibration of the recognizer on the shared test media. Runs the real models; prints the figures behind
// DEFAULT_MATCH_THRESHOLD (src/threshold.ts), DEFAULT_FLIP, DEFAULT_PERSON_SCORING and DEFAULT_TRACK_AGGREGATION.
//
//   PMR_MODELS_DIR=../shared/models npx node services/recognizer/scripts/calibrate.ts [yunet|scrfd]   (from the repo root)
//
// PMR_DATA_DIR defaults to <repo>/../shared/data, PMR_MODELS_DIR to <repo>/../shared/models.

import { join } from 'node:path';
import { createImage } from '@pmr/common';
import { createDetector } from '@pmr/detector';
import { resolveModel } from '@pmr/models';
import { DEFAULT_AUGMENTATIONS } from '../src/augment.ts';
import { clusterUnknowns, DEFAULT_CLUSTER_THRESHOLD } from '../src/cluster.ts';
import { DEFAULT_TRACK_AGGREGATION, type TrackAggregation } from '../src/decide.ts';
import { createEmbedder, DEFAULT_FLIP } from '../src/embedder.ts';
import {
  fractionAtLeast,
  leaveOneImageOut,
  leaveOnePersonOut,
  pairTracks,
  pairwiseAgreement,
  strangerOutcomes,
  summarise,
  type LabelledImage,
  type Summary,
} from '../src/evaluation.ts';
import { DEFAULT_PERSON_SCORING, type PersonScoring } from '../src/gallery.ts';
import { DEFAULT_MATCH_THRESHOLD, THRESHOLD_MARGIN } from '../src/threshold.ts';
import { loadIdentityImages, loadStrangers } from './calibration-data.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
const modelsDir = process.env.PMR_MODELS_DIR ?? join(repoRoot, '..', 'shared', 'models');
const kind = process.argv[2] === 'scrfd' ? 'scrfd' : 'yunet';

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : String(x));
const fs = (s: Summary): string =>
  `n=${s.n} min=${f3(s.min)} p05=${f3(s.p05)} median=${f3(s.median)} p95=${f3(s.p95)} max=${f3(s.max)}`;

const detector = await createDetector({ kind, modelPath: await resolveModel(kind, { modelsDir }), threads: 1 });
const embedPath = await resolveModel('mobilefacenet', { modelsDir });
const embedders = {
  plain: await createEmbedder({ modelPath: embedPath, flip: false }),
  flip: await createEmbedder({ modelPath: embedPath, flip: true }),
};
const detect = detector.detect.bind(detector);

// Timing: median of 50 embeddings of one chip after 5 warm-up runs, per embedder.
for (const [name, e] of Object.entries(embedders)) {
  const chip = createImage(112, 112, 100);
  for (let i = 0; i < 5; i++) await e.embed(chip);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await e.embed(chip);
    times.push(performance.now() - t);
  }
  console.log(`embedding time (${name}, 1 thread): median ${summarise(times).median.toFixed(2)} ms`);
}

interface Variant {
  readonly label: string;
  readonly flip: boolean;
  readonly images: LabelledImage[];
  readonly strangers: LabelledImage[];
}
const variants: Variant[] = [];
for (const flip of [false, true]) {
  const embedder = flip ? embedders.flip : embedders.plain;
  const embed = embedder.embed.bind(embedder);
  const { images, report } = await loadIdentityImages(dataDir, detect, embed, DEFAULT_AUGMENTATIONS);
  const { strangers, missed, padded } = await loadStrangers(dataDir, detect, embed);
  if (!flip) {
    console.log(
      `\ndetector ${kind}; identities: ${report.accepted.length} images accepted, ${report.rejected.length} rejected`,
    );
    for (const r of report.rejected) console.log(`  rejected ${r.file}: ${r.reason} (${r.detail})`);
    console.log(
      `strangers: ${strangers.length} embedded, padded before detection: ${padded.length} [${padded.join(', ')}], missed: [${missed.join(', ')}]`,
    );
  }
  const only = (keep: (k: number) => boolean) =>
    images.map((im) => ({ ...im, templates: im.templates.filter((_, k) => keep(k)) }));
  const flipIndex = 1 + DEFAULT_AUGMENTATIONS.findIndex((a) => a.kind === 'flip');
  const tta = flip ? '+flipTTA' : '';
  variants.push({ label: `no-aug${tta}`, flip, images: only((k) => k === 0), strangers });
  variants.push({ label: `aug-flip-only${tta}`, flip, images: only((k) => k === 0 || k === flipIndex), strangers });
  variants.push({ label: `aug-photometric${tta}`, flip, images: only((k) => k !== flipIndex), strangers });
  variants.push({ label: `aug-all${tta}`, flip, images, strangers });
}

console.log(
  '\n== configuration comparison (gap = genuine p05 - max(impostor max, stranger max); higher separates better)',
);
const scorings: PersonScoring[] = ['max', 'top2-mean', 'centroid'];
for (const v of variants) {
  for (const scoring of scorings) {
    const loo = leaveOneImageOut(v.images, scoring);
    const gen = summarise(loo.outcomes.map((o) => o.genuine));
    const imp = summarise(leaveOnePersonOut(v.images, scoring).map((o) => o.bestSimilarity));
    const str = summarise(strangerOutcomes(v.images, v.strangers, scoring).map((o) => o.bestSimilarity));
    const gap = gen.p05 - Math.max(imp.max, str.max);
    console.log(
      `${v.label.padEnd(26)} ${scoring.padEnd(9)} rank1=${f3(loo.rank1)} genuine min=${f3(gen.min)} p05=${f3(gen.p05)} ` +
        `median=${f3(gen.median)}  impostor max=${f3(imp.max)}  strangers max=${f3(str.max)}  gap=${f3(gap)}`,
    );
  }
}

// The chosen defaults in detail.
const chosen = variants.find((v) => v.flip === DEFAULT_FLIP && v.label.startsWith('aug-all'))!;
const scoring = DEFAULT_PERSON_SCORING;
console.log(`\n== defaults: flip=${DEFAULT_FLIP}, augmentations=${DEFAULT_AUGMENTATIONS.length}, scoring=${scoring}`);
const loo = leaveOneImageOut(chosen.images, scoring);
console.log(
  `leave-one-image-out rank-1: ${f3(loo.rank1)} (${loo.outcomes.filter((o) => o.best === o.person).length}/${loo.outcomes.length})`,
);
for (const o of loo.outcomes.filter((o) => o.best !== o.person)) {
  console.log(`  miss ${o.file}: best ${o.best} ${f3(o.bestSimilarity)}, own ${f3(o.genuine)}`);
}
const genuine = loo.outcomes.map((o) => o.genuine);
console.log(`genuine similarity (own person, leave-one-image-out): ${fs(summarise(genuine))}`);
for (const o of loo.outcomes.filter((o) => o.genuine < DEFAULT_MATCH_THRESHOLD)) {
  console.log(`  genuine below ${DEFAULT_MATCH_THRESHOLD}: ${o.file} ${f3(o.genuine)}`);
}
const lopo = leaveOnePersonOut(chosen.images, scoring);
const persons = [...new Set(lopo.map((o) => o.person))];
console.log('best impostor similarity, leave-one-person-out (per removed person: max over their images, best match):');
for (const p of persons) {
  const worst = lopo.filter((o) => o.person === p).reduce((a, b) => (b.bestSimilarity > a.bestSimilarity ? b : a));
  console.log(`  ${p.padEnd(20)} ${f3(worst.bestSimilarity)} (${worst.file} -> ${worst.best})`);
}
const impostorMax = summarise(lopo.map((o) => o.bestSimilarity));
console.log(`impostor maxima over all ${lopo.length} queries: ${fs(impostorMax)}`);
const strangers = strangerOutcomes(chosen.images, chosen.strangers, scoring).sort(
  (a, b) => b.bestSimilarity - a.bestSimilarity,
);
console.log(`strangers best similarity: ${fs(summarise(strangers.map((o) => o.bestSimilarity)))}`);
for (const o of strangers.slice(0, 5)) console.log(`  ${o.file} -> ${o.best} ${f3(o.bestSimilarity)}`);

const worstUnknown = Math.max(impostorMax.max, summarise(strangers.map((o) => o.bestSimilarity)).max);
const suggested = Math.ceil((worstUnknown + THRESHOLD_MARGIN) * 100) / 100;
console.log(
  `\nsuggested threshold = ceil2(max(impostor max, stranger max) ${f3(worstUnknown)} + margin ${THRESHOLD_MARGIN}) = ${suggested}; ` +
    `DEFAULT_MATCH_THRESHOLD = ${DEFAULT_MATCH_THRESHOLD}`,
);
for (const t of new Set([suggested, DEFAULT_MATCH_THRESHOLD])) {
  const correctAccepted =
    loo.outcomes.filter((o) => o.best === o.person && o.bestSimilarity >= t).length / loo.outcomes.length;
  console.log(
    `  at ${t}: genuine >= t ${f3(fractionAtLeast(genuine, t))}, correct-and-accepted ${f3(correctAccepted)}, ` +
      `impostors accepted ${lopo.filter((o) => o.bestSimilarity >= t).length}/${lopo.length}, ` +
      `strangers accepted ${strangers.filter((o) => o.bestSimilarity >= t).length}/${strangers.length}, ` +
      `margin over worst unknown ${f3(t - worstUnknown)}`,
  );
}

console.log('\n== track aggregation (simulated two-face tracks = every pair of images of a person)');
for (const aggregation of ['mean-embedding', 'mean-similarity'] as TrackAggregation[]) {
  const { genuine: g, impostor: i } = pairTracks(chosen.images, aggregation, scoring);
  const gs = g.map((o) => o.similarity);
  const is = i.map((o) => o.similarity);
  console.log(
    `${aggregation.padEnd(16)}${aggregation === DEFAULT_TRACK_AGGREGATION ? '*' : ' '} genuine correct ${f3(g.filter((o) => o.best === o.person).length / g.length)} ` +
      `${fs(summarise(gs))} | impostor ${fs(summarise(is))} | genuine >= ${DEFAULT_MATCH_THRESHOLD}: ${f3(fractionAtLeast(gs, DEFAULT_MATCH_THRESHOLD))}, ` +
      `impostor >= ${DEFAULT_MATCH_THRESHOLD}: ${i.filter((o) => o.similarity >= DEFAULT_MATCH_THRESHOLD).length}/${i.length}`,
  );
}

console.log('\n== clustering all identity images as unknowns (average linkage; pairwise precision/recall vs person)');
const truth = chosen.images.map((im) => im.person);
for (const t of [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
  const labels = clusterUnknowns(
    chosen.images.map((im) => im.query),
    t,
  );
  const { precision, recall } = pairwiseAgreement(labels, truth);
  console.log(
    `  threshold ${t.toFixed(2)}${t === DEFAULT_CLUSTER_THRESHOLD ? '*' : ' '} clusters ${Math.max(-1, ...labels) + 1} ` +
      `(persons ${new Set(truth).size}) precision ${f3(precision)} recall ${f3(recall)}`,
  );
}

await Promise.all([detector.release(), embedders.plain.release(), embedders.flip.release()]);
