// Landmarks for tilted heads. YuNet's landmark regression assumes an upright face: on a head rolled by 30–40° it still
// reports a level eye line (head-pose-face-detection-female-and-male.mp4: eye angle −3° where SCRFD and the picture
// say −32°), so the aligned chip stays tilted and its embedding no longer matches the person. The fix is test-time
// rotation: look at the face again in a few crops turned by fixed angles, keep the crop in which the detector is most
// confident (the one where the head stands most upright), and map that crop's landmarks back to the image.
// Pure maths here; detector.ts runs the crops through the network.
import type { Box, Landmarks5, Point } from '@pmr/common';
import type { FaceCandidate } from './candidate.ts';
import { applySimilarity, type Similarity } from './similarity.ts';

/**
 * Side of the square crops, in pixels (a multiple of 32, so it is also the network input); the face fills about 60 px
 * of it. Smaller crops are faster but pick the wrong view far more often (docs/calibration.md).
 */
export const ROLL_CROP_SIZE = 96;
/** Crop side relative to the face box's longer side: enough context for the detector to see a whole face. */
export const ROLL_CROP_SPAN = 1.6;
/** Angles tried, in degrees (image coordinates, y down: positive turns clockwise on screen). */
export const ROLL_ANGLES: readonly number[] = [-30, 0, 30];
/** A turned crop must beat the upright one by this much detector score for its landmarks to be used. */
export const ROLL_MIN_GAIN = 0.02;

/**
 * Crop pixel → image pixel for a square crop of side `span` image pixels centred on `center`, turned by `angleDeg`.
 * A head rolled by φ in the image appears rolled by φ − angle in the crop.
 */
export function rollCropTransform(center: Point, span: number, angleDeg: number, size = ROLL_CROP_SIZE): Similarity {
  const k = span / size;
  const t = (angleDeg * Math.PI) / 180;
  const a = k * Math.cos(t);
  const b = k * Math.sin(t);
  const h = size / 2;
  return { a, b, tx: center.x - (a * h - b * h), ty: center.y - (b * h + a * h) };
}

export function rollCropFor(box: Box, angleDeg: number, size = ROLL_CROP_SIZE): Similarity {
  const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  return rollCropTransform(center, ROLL_CROP_SPAN * Math.max(box.width, box.height), angleDeg, size);
}

/**
 * Side of the square cut around a face for its refinement, relative to the box's longer side: it holds every turned
 * crop (1.6 × the side, turned by 30°: 2.19 ×) and the face's aligned chip (about 1.5 × the side, at any angle under
 * 2.2 ×), plus REGION_MARGIN pixels for the bilinear taps at its edge.
 */
export const REGION_SPAN = 2.5;
export const REGION_MARGIN = 4;

/**
 * The part of a `width`×`height` image that refining the face in `box` reads, in whole pixels: a square of
 * REGION_SPAN × its longer side centred on it, clipped to the image. Outside it every tap is outside the image too
 * (reads as black), or never taken.
 */
export function rollRegion(box: Box, width: number, height: number): Box {
  const half = (REGION_SPAN * Math.max(box.width, box.height)) / 2 + REGION_MARGIN;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const x0 = Math.max(0, Math.floor(cx - half));
  const y0 = Math.max(0, Math.floor(cy - half));
  const x1 = Math.min(width, Math.ceil(cx + half));
  const y1 = Math.min(height, Math.ceil(cy + half));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}

/** The candidate whose box centre is nearest the crop centre, if within a quarter of the crop; else null. */
export function centralCandidate(candidates: readonly FaceCandidate[], size = ROLL_CROP_SIZE): FaceCandidate | null {
  let best: FaceCandidate | null = null;
  let bestDist = size / 4;
  for (const c of candidates) {
    const d = Math.hypot(c.box.x + c.box.width / 2 - size / 2, c.box.y + c.box.height / 2 - size / 2);
    if (d <= bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}

export interface RollView {
  readonly angle: number;
  readonly toImage: Similarity;
  readonly candidate: FaceCandidate | null;
}

/**
 * Landmarks (in image pixels) from the turned view the detector is surest of, or null to keep the upright detection:
 * when no turned view beats the upright one (angle 0) by `minGain`.
 */
export function chooseRollLandmarks(views: readonly RollView[], minGain = ROLL_MIN_GAIN): Landmarks5 | null {
  const upright = views.find((v) => v.angle === 0)?.candidate?.score ?? 0;
  let best: RollView | null = null;
  for (const v of views) {
    if (v.angle === 0 || v.candidate === null) continue;
    if (v.candidate.score >= upright + minGain && (best === null || v.candidate.score > best.candidate!.score))
      best = v;
  }
  if (best === null) return null;
  const l = best.candidate!.landmarks;
  const m = (p: Point): Point => applySimilarity(best.toImage, p);
  return [m(l[0]), m(l[1]), m(l[2]), m(l[3]), m(l[4])];
}
