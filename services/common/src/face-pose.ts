// A head's pose estimated from its five landmarks, in degrees. Pure; no I/O.
//
// Five points cannot give a true 3-D pose; this is the usual geometric estimate, good to a few degrees near frontal
// and saturating towards profile:
// - roll: the angle of the eye line to the horizontal (clockwise positive, as y grows downwards);
// - yaw: how far the nose tip sits from the midline between the eyes and the mouth, relative to half the eye
//   distance, as an angle (towards image-right positive);
// - pitch: where the nose tip sits between the eye line and the mouth line, against where it sits on a frontal face
//   (the ArcFace template's 0.494 of the way), as an angle (up positive).
import type { Landmarks5, Point } from './types.ts';

export interface PoseAngles {
  /** Degrees in [-90, 90]; positive: turned towards image-right. */
  readonly yaw: number;
  /** Degrees in [-90, 90]; positive: tilted up. */
  readonly pitch: number;
  /** Degrees in (-180, 180]; positive: clockwise in the image. */
  readonly roll: number;
}

/** Where the nose tip sits between the eye line (0) and the mouth line (1) on a frontal face (ArcFace template). */
export const FRONTAL_NOSE_RATIO = 0.494;

const DEGREES = 180 / Math.PI;

/** The pose of a face from its landmarks (image-left eye, image-right eye, nose, image-left and image-right mouth). */
export function poseFromLandmarks(landmarks: Landmarks5): PoseAngles {
  const [le, re, nose, lm, rm] = landmarks;
  const ex = re.x - le.x;
  const ey = re.y - le.y;
  const iod = Math.hypot(ex, ey);
  if (!(iod > 0)) return { yaw: 0, pitch: 0, roll: 0 };
  const roll = Math.atan2(ey, ex) * DEGREES;
  const cos = ex / iod;
  const sin = ey / iod;
  // u along the eye line, v across it (towards the mouth on an upright face).
  const rotate = (p: Point): { u: number; v: number } => ({ u: p.x * cos + p.y * sin, v: -p.x * sin + p.y * cos });
  const eyes = rotate({ x: (le.x + re.x) / 2, y: (le.y + re.y) / 2 });
  const mouth = rotate({ x: (lm.x + rm.x) / 2, y: (lm.y + rm.y) / 2 });
  const n = rotate(nose);
  const span = mouth.v - eyes.v;
  if (!(span > 0)) return { yaw: 0, pitch: 0, roll: clean(roll) };
  const r = (n.v - eyes.v) / span;
  const mid = eyes.u + Math.min(1, Math.max(0, r)) * (mouth.u - eyes.u);
  const yaw = Math.atan((n.u - mid) / (iod / 2)) * DEGREES;
  const pitch = Math.asin(Math.min(1, Math.max(-1, (FRONTAL_NOSE_RATIO - r) / 0.5))) * DEGREES;
  return { yaw: clean(yaw), pitch: clean(pitch), roll: clean(roll) };
}

/** Rounded to a hundredth of a degree, with no negative zero. */
function clean(degrees: number): number {
  return Math.round(degrees * 100) / 100 + 0;
}
