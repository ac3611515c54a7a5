// Synthetic Track requests for the tracker service tests: square faces moving steadily on a 1280x720 frame.
import type { TrackRequest__Output, TrackerSettings__Output } from '../src/service/common-bridge.ts';
import type { DetectedFaceMessage } from '../src/service/common-bridge.ts';

/** A detected face message: a `size`-pixel square centred at (cx, cy), with a tiny chip that tags the person. */
export function faceMessage(
  cx: number,
  cy: number,
  opts: { size?: number; score?: number; q?: number; tag?: number } = {},
): DetectedFaceMessage {
  const size = opts.size ?? 60;
  const score = opts.score ?? 0.9;
  const q = opts.q ?? 0.5;
  const p = { x: cx, y: cy };
  return {
    box: { x: cx - size / 2, y: cy - size / 2, width: size, height: size },
    landmarks: { leftEye: p, rightEye: p, noseTip: p, leftMouth: p, rightMouth: p },
    score,
    quality: { score: q, detector: score, size: 1, sharpness: 1, frontalness: 1 },
    chip: { encoding: 'IMAGE_ENCODING_RGB24', width: 1, height: 1, data: Buffer.from([opts.tag ?? 0, 0, 0]) },
  };
}

/**
 * `frames` frames at 10 fps: person 1 (tag 1) walks right from (200, 300), person 2 (tag 2) walks left from
 * (1000, 400), 5 px per frame each; both in every frame.
 */
export function twoWalkers(
  jobId: string,
  frames: number,
  settings: TrackerSettings__Output | null = null,
): TrackRequest__Output[] {
  return Array.from({ length: frames }, (_, i) => ({
    jobId,
    settings: i === 0 ? settings : null,
    frameIndex: i,
    pts: i / 10,
    frameWidth: 1280,
    frameHeight: 720,
    faces: [faceMessage(200 + 5 * i, 300, { tag: 1 }), faceMessage(1000 - 5 * i, 400, { tag: 2 })],
  }));
}
