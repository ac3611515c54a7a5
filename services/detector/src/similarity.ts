// 2-D similarity transforms (rotation + uniform scale + translation, no reflection) and their least-squares fit.
import type { Landmarks5, Point } from '@pmr/common';
import { invalidArgument } from '@pmr/common';

/** x' = a·x − b·y + tx,  y' = b·x + a·y + ty  (scale = hypot(a, b), rotation = atan2(b, a)). */
export interface Similarity {
  readonly a: number;
  readonly b: number;
  readonly tx: number;
  readonly ty: number;
}

/** The ArcFace 112×112 reference landmarks (MODELS.md), in the detectors' landmark order. */
export const ARCFACE_TEMPLATE: Landmarks5 = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

export const ARCFACE_SIZE = 112;

export function applySimilarity(t: Similarity, p: Point): Point {
  return { x: t.a * p.x - t.b * p.y + t.tx, y: t.b * p.x + t.a * p.y + t.ty };
}

export function invertSimilarity(t: Similarity): Similarity {
  const d = t.a * t.a + t.b * t.b;
  if (!(d > 0)) throw invalidArgument('a similarity with zero scale has no inverse');
  const a = t.a / d;
  const b = -t.b / d;
  return { a, b, tx: -(a * t.tx - b * t.ty), ty: -(b * t.tx + a * t.ty) };
}

/**
 * Least-squares similarity mapping `src` onto `dst` (same length ≥ 2). With both point sets centred on their
 * means (p = src − s̄, q = dst − d̄), minimising Σ|q − [a −b; b a]·p|² is linear in (a, b):
 *   a = Σ(p·q) / Σ|p|²,  b = Σ(p × q) / Σ|p|²,  t = d̄ − [a −b; b a]·s̄.
 * In 2-D this is exactly Umeyama's closed form restricted to proper rotations (scale·rotation = [a −b; b a]).
 */
export function estimateSimilarity(src: readonly Point[], dst: readonly Point[]): Similarity {
  const n = src.length;
  if (n < 2 || dst.length !== n) throw invalidArgument(`need ≥ 2 matching point pairs, got ${n} and ${dst.length}`);
  let sx = 0;
  let sy = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < n; i++) {
    sx += src[i]!.x;
    sy += src[i]!.y;
    dx += dst[i]!.x;
    dy += dst[i]!.y;
  }
  sx /= n;
  sy /= n;
  dx /= n;
  dy /= n;
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const px = src[i]!.x - sx;
    const py = src[i]!.y - sy;
    const qx = dst[i]!.x - dx;
    const qy = dst[i]!.y - dy;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (!(norm > 0)) throw invalidArgument('source points are all identical');
  const a = dot / norm;
  const b = cross / norm;
  return { a, b, tx: dx - (a * sx - b * sy), ty: dy - (b * sx + a * sy) };
}
