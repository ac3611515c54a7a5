// The figures `npm run eval:recognition` prints for the still photos: score statistics, TAR at fixed FAR, rank-1,
// and open-set false accepts at a threshold calibrated as production's is. Pure: descriptors in, Markdown rows out.
import {
  calibratedThreshold,
  describedLeaveOneImageOut,
  describedLeaveOnePersonOut,
  describedPairTracks,
  describedStrangerOutcomes,
  impostorCosines,
  scoreNorm,
  tarAtFar,
  THRESHOLD_MARGIN,
  verificationScores,
  type DescribedFace,
  type DescribedImage,
  type ScoreFusion,
  type Scorer,
} from '@pmr/recognizer';

export const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : String(x));
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[(s.length - 1) >> 1]!;
};

/** The two single-model scorers and a fusion, sharing the norms fitted on a calibration set. */
export interface Calibration {
  readonly set: string;
  readonly norms: Omit<ScoreFusion, 'weight'>;
  /** The fusion weight chosen on the calibration set, and the grid it was chosen from. */
  readonly weight: number;
  readonly grid: ReadonlyArray<{ weight: number; threshold: number; trackTar: number }>;
}

export const scorer = (
  norms: Omit<ScoreFusion, 'weight'>,
  weight: number,
  rest: Partial<Omit<Scorer, 'fusion'>> = {},
): Scorer => ({
  fusion: { ...norms, weight },
  aggregation: rest.aggregation ?? 'mean-embedding',
  templates: rest.templates ?? 'person-centroid',
});

/** Share of simulated two-face genuine tracks named correctly at the threshold. */
function trackTar(
  images: readonly DescribedImage[],
  s: Scorer,
  threshold: number,
): { tar: number; falseAccepts: number; impostors: number } {
  const { genuine, impostor } = describedPairTracks(images, s);
  return {
    tar: genuine.filter((o) => o.best === o.person && o.bestScore >= threshold).length / genuine.length,
    falseAccepts: impostor.filter((o) => o.bestScore >= threshold).length,
    impostors: impostor.length,
  };
}

/**
 * Norms fitted to the calibration set's impostor cosines, and the fusion weight (below 1) that names the most simulated
 * two-face tracks correctly there at its own calibrated threshold (ties go to the larger MobileFaceNet weight). The
 * grid also holds weight 1, MobileFaceNet alone, to compare with.
 */
export function calibrate(set: string, images: readonly DescribedImage[], weights: readonly number[]): Calibration {
  const norms = {
    mobilefacenet: scoreNorm(impostorCosines(images, 'mobilefacenet')),
    faceres: scoreNorm(impostorCosines(images, 'faceres')),
  };
  const grid = [...new Set([...weights, 1])].map((weight) => {
    const s = scorer(norms, weight);
    const threshold = calibratedThreshold(images, s, THRESHOLD_MARGIN);
    return { weight, threshold, trackTar: trackTar(images, s, threshold).tar };
  });
  const best = grid
    .filter((g) => g.weight < 1)
    .reduce((a, b) => (b.trackTar > a.trackTar || (b.trackTar === a.trackTar && b.weight > a.weight) ? b : a));
  return { set, norms, weight: best.weight, grid };
}

export const STILL_HEADER =
  '| set | descriptor | genuine mean / min | impostor mean / max | TAR @ FAR=0 | TAR @ FAR=1e-3 | rank-1 (leave-one-out) |\n|---|---|---|---|---|---|---|';

/** Closed-set figures of one scorer on one set (1:1 on ordered photo pairs, rank-1 leave-one-image-out). */
export function stillRow(set: string, label: string, images: readonly DescribedImage[], s: Scorer): string {
  const { genuine, impostor } = verificationScores(images, s);
  const loo = describedLeaveOneImageOut(images, s);
  const rank1 = loo.filter((o) => o.best === o.person).length / loo.length;
  return (
    `| ${set} | ${label} | ${f3(mean(genuine))} / ${f3(Math.min(...genuine))} | ${f3(mean(impostor))} / ${f3(Math.max(...impostor))} | ` +
    `${f3(tarAtFar(genuine, impostor, 0).tar)} | ${f3(tarAtFar(genuine, impostor, 1e-3).tar)} | ${f3(rank1)} (${loo.length}) |`
  );
}

export const OPEN_HEADER =
  "| calibrated on → measured on | descriptor | threshold | photos named right (LOO) | two-face tracks named right | impostor tracks accepted | left-out persons' photos accepted | strangers accepted |\n|---|---|---|---|---|---|---|---|";

/** Open-set figures of one scorer on a set, at the threshold calibrated for it on the calibration set. */
export function openRow(
  route: string,
  label: string,
  calibrationImages: readonly DescribedImage[],
  images: readonly DescribedImage[],
  strangers: ReadonlyArray<{ file: string; face: DescribedFace }>,
  s: Scorer,
  fixedThreshold?: number,
): { row: string; falseAccepts: number; threshold: number } {
  const threshold = fixedThreshold ?? calibratedThreshold(calibrationImages, s, THRESHOLD_MARGIN);
  const loo = describedLeaveOneImageOut(images, s);
  const named = loo.filter((o) => o.best === o.person && o.bestScore >= threshold).length;
  const tracks = trackTar(images, s, threshold);
  const lopo = describedLeaveOnePersonOut(images, s);
  const lopoFa = lopo.filter((o) => o.bestScore >= threshold);
  const str = describedStrangerOutcomes(images, strangers, s);
  const strFa = str.filter((o) => o.bestScore >= threshold);
  const worst = Math.max(...lopo.map((o) => o.bestScore), ...str.map((o) => o.bestScore));
  return {
    row:
      `| ${route} | ${label} | ${threshold.toFixed(2)} | ${f3(named / loo.length)} | ${f3(tracks.tar)} | ${tracks.falseAccepts}/${tracks.impostors} | ` +
      `${lopoFa.length}/${lopo.length} | ${strFa.length}/${str.length} (largest unknown ${f3(worst)}) |`,
    falseAccepts: tracks.falseAccepts + lopoFa.length + strFa.length,
    threshold,
  };
}

/** Raw cosine statistics of one descriptor's ordered photo pairs (weight 1 is MobileFaceNet's cosine; weight 0 maps FaceRes's). */
export function rawPairStats(images: readonly DescribedImage[], key: 'mobilefacenet' | 'faceres'): string {
  const dot = (a: Float32Array, b: Float32Array): number => a.reduce((s, v, i) => s + v * b[i]!, 0);
  const genuine: number[] = [];
  const impostor: number[] = [];
  const templates = images.map((im) => {
    const t = im.templateSum[key];
    const n = Math.sqrt(dot(t, t));
    return t.map((v) => v / n);
  });
  images.forEach((a, i) =>
    images.forEach((b, j) => {
      if (i !== j) (a.person === b.person ? genuine : impostor).push(dot(templates[i]!, b.face[key]));
    }),
  );
  return `genuine mean ${f3(mean(genuine))} median ${f3(median(genuine))} min ${f3(Math.min(...genuine))}; impostor mean ${f3(mean(impostor))} max ${f3(Math.max(...impostor))}`;
}
