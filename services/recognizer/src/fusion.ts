// Score fusion of the two face descriptors PMR computes: MobileFaceNet's 128-d embedding and the FaceRes 1024-d
// descriptor that the age/gender run yields. Pure; no I/O.
//
// Each model's cosine similarity is normalised by that model's own impostor distribution (z-norm), the two z-scores are
// mixed with a weight, and the mix is mapped back onto MobileFaceNet's impostor scale. The fused score is therefore in
// MobileFaceNet's units: weight 1 gives MobileFaceNet's cosine unchanged, and a threshold margin means the same number
// of impostor standard deviations whatever the weight.

import { invalidArgument } from '@pmr/common';

/** Location and scale of one model's impostor scores. */
export interface ScoreNorm {
  readonly mean: number;
  readonly std: number;
}

export interface ScoreFusion {
  /** Weight of MobileFaceNet's z-score in [0, 1]; FaceRes's is 1 - weight. */
  readonly weight: number;
  readonly mobilefacenet: ScoreNorm;
  readonly faceres: ScoreNorm;
}

/** Mean and (population) standard deviation of a sample of impostor scores. */
export function scoreNorm(impostorScores: ArrayLike<number>): ScoreNorm {
  const n = impostorScores.length;
  if (n < 2) throw invalidArgument(`a score norm needs at least 2 impostor scores, got ${n}`);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += impostorScores[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (impostorScores[i]! - mean) ** 2;
  const std = Math.sqrt(ss / n);
  if (!(std > 0)) throw invalidArgument('impostor scores have no spread');
  return { mean, std };
}

/** MobileFaceNet alone, as a fusion (weight 1): its cosine passes through unchanged. */
export function mobilefacenetOnly(fusion: Omit<ScoreFusion, 'weight'>): ScoreFusion {
  return { ...fusion, weight: 1 };
}

/**
 * The fused score of one comparison, in MobileFaceNet's units. `faceres` may be NaN when that face has no FaceRes
 * descriptor; MobileFaceNet's score is then used alone.
 */
export function fuseScores(mobilefacenet: number, faceres: number, fusion: ScoreFusion): number {
  const { weight, mobilefacenet: m, faceres: f } = fusion;
  if (weight === 1 || Number.isNaN(faceres)) return mobilefacenet;
  const z = weight * ((mobilefacenet - m.mean) / m.std) + (1 - weight) * ((faceres - f.mean) / f.std);
  return m.mean + m.std * z;
}
