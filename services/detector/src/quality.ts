// Per-face quality for recognition, from the detector score, the face size, the chip sharpness and the pose.
//
//   detector    = clamp01(detector score)
//   size        = clamp01((h − 16) / (96 − 16)), h = face box height in image pixels: 0 at 16 px (too small to
//                 recognise), 1 from 96 px (the ArcFace chip holds the face at about that size, so larger faces
//                 add no detail).
//   sharpness   = v / (v + SHARPNESS_HALF), v = variance of the 4-neighbour Laplacian of the grey chip over the
//                 inner face region (eyes, nose, mouth); SHARPNESS_HALF is the variance that scores 0.5.
//   frontalness = yaw · pitch · roll, from the landmarks in the frame of the eye line:
//                 yaw   = cos²(atan(|nose offset from the eye-mid → mouth-mid line| / (IOD / 2)))  (the nose tip sits
//                         about half an IOD in front of the eyes, so the ratio is roughly tan(yaw angle));
//                 pitch = clamp01(1 − ((r − 0.494) / 0.4)²), r = nose height between eye line (0) and mouth line (1),
//                         0.494 in the ArcFace template;
//                 roll  = max(0, cos(eye-line angle)).
//   score       = detector^0.2 · size^0.3 · sharpness^0.2 · frontalness^0.3   (weighted geometric mean: one
//                 bad part pulls the score down, and all parts at 1 give 1).
import type { FaceQuality, Landmarks5, Point, RgbImage } from '@pmr/common';
import { toGray } from '@pmr/common';

export const SIZE_MIN_PX = 16;
export const SIZE_FULL_PX = 96;
export const SHARPNESS_HALF = 100;
export const TEMPLATE_NOSE_RATIO = 0.494;
const WEIGHTS = { detector: 0.2, size: 0.3, sharpness: 0.2, frontalness: 0.3 } as const;
/** Inner face region of the 112×112 chip used for sharpness: [x0, x1) × [y0, y1). */
export const SHARPNESS_REGION = { x0: 24, x1: 88, y0: 32, y1: 104 } as const;

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

export function sizeQuality(boxHeight: number): number {
  return clamp01((boxHeight - SIZE_MIN_PX) / (SIZE_FULL_PX - SIZE_MIN_PX));
}

/** Variance of the Laplacian (4-neighbour kernel) over interior pixels of the region of a grey image. */
export function laplacianVariance(
  gray: Float32Array,
  width: number,
  height: number,
  region: { x0: number; x1: number; y0: number; y1: number } = { x0: 0, x1: width, y0: 0, y1: height },
): number {
  const x0 = Math.max(1, region.x0);
  const x1 = Math.min(width - 1, region.x1);
  const y0 = Math.max(1, region.y0);
  const y1 = Math.min(height - 1, region.y1);
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * width + x;
      const l = gray[i - 1]! + gray[i + 1]! + gray[i - width]! + gray[i + width]! - 4 * gray[i]!;
      n++;
      sum += l;
      sum2 += l * l;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return Math.max(0, sum2 / n - mean * mean);
}

export function sharpnessQuality(chip: RgbImage): number {
  const v = laplacianVariance(toGray(chip), chip.width, chip.height, SHARPNESS_REGION);
  return v / (v + SHARPNESS_HALF);
}

/** Pose parts of frontalness, each in [0, 1] (see the file comment). */
export function poseQuality(l: Landmarks5): { yaw: number; pitch: number; roll: number } {
  const [le, re, nose, lm, rm] = l;
  const ex = re.x - le.x;
  const ey = re.y - le.y;
  const iod = Math.hypot(ex, ey);
  if (!(iod > 0)) return { yaw: 0, pitch: 0, roll: 0 };
  const cos = ex / iod;
  const sin = ey / iod;
  // u along the eye line (image-left → image-right eye), v perpendicular to it (towards the mouth when upright).
  const rot = (p: Point): { u: number; v: number } => ({ u: p.x * cos + p.y * sin, v: -p.x * sin + p.y * cos });
  const e = rot({ x: (le.x + re.x) / 2, y: (le.y + re.y) / 2 });
  const m = rot({ x: (lm.x + rm.x) / 2, y: (lm.y + rm.y) / 2 });
  const n = rot(nose);
  const span = m.v - e.v;
  const roll = Math.max(0, cos);
  if (!(span > 0)) return { yaw: 0, pitch: 0, roll };
  const r = (n.v - e.v) / span;
  const midU = e.u + clamp01(r) * (m.u - e.u);
  const yawAngle = Math.atan(Math.abs(n.u - midU) / (iod / 2));
  const yaw = Math.cos(yawAngle) ** 2;
  const pitch = clamp01(1 - ((r - TEMPLATE_NOSE_RATIO) / 0.4) ** 2);
  return { yaw, pitch, roll };
}

export function frontalness(l: Landmarks5): number {
  const p = poseQuality(l);
  return p.yaw * p.pitch * p.roll;
}

/** Combine the parts into FaceQuality (weighted geometric mean, see the file comment). */
export function combineQuality(parts: Omit<FaceQuality, 'score'>): FaceQuality {
  const score =
    clamp01(parts.detector) ** WEIGHTS.detector *
    clamp01(parts.size) ** WEIGHTS.size *
    clamp01(parts.sharpness) ** WEIGHTS.sharpness *
    clamp01(parts.frontalness) ** WEIGHTS.frontalness;
  return { score, ...parts };
}

/** `boxHeight`: the face box's height in image pixels, before any clipping to the image (the face's scale). */
export function faceQuality(face: {
  readonly score: number;
  readonly boxHeight: number;
  readonly landmarks: Landmarks5;
  readonly chip: RgbImage;
}): FaceQuality {
  return combineQuality({
    detector: clamp01(face.score),
    size: sizeQuality(face.boxHeight),
    sharpness: sharpnessQuality(face.chip),
    frontalness: frontalness(face.landmarks),
  });
}
