// Synthetic Track requests and pipeline FrameFaces for the tracker service tests: square faces moving on a 1280x720
// frame.
import type { TrackRequest__Output, TrackerSettings__Output } from '../src/service/common-bridge.ts';
import type { DetectedFaceMessage } from '../src/service/common-bridge.ts';
import type { FrameFaces } from '@pmr/common/proto/generated/pmr/v1/FrameFaces.ts';

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

/** Frames of the video {@link jobFrame} makes. */
export const JOB_FRAMES = 120;

/**
 * Frame i of a 12 s video at 10 fps (chips of 16×16 pixels), each analysed frame standing for two source frames: A
 * walks right all along (missed now and then), B leaves after frame 31 (its track dies at frame 42), C comes at frame
 * 50, a one-frame false detection at frame 43, a scene cut at frame 80.
 */
export function jobFrame(jobId: string, i: number): FrameFaces {
  const chip = (tag: number): ReturnType<typeof faceMessage>['chip'] => ({
    encoding: 'IMAGE_ENCODING_RGB24',
    width: 16,
    height: 16,
    data: Buffer.alloc(16 * 16 * 3, (tag * 50 + i) % 256),
  });
  const q = 0.3 + ((i * 7) % 10) / 20;
  const faces = [];
  if (i % 17 !== 5) faces.push({ ...faceMessage(200 + 3 * i, 300, { q }), chip: chip(1) });
  if (i <= 31) faces.push({ ...faceMessage(900 - 2 * i, 400, { q: 1 - q }), chip: chip(2) });
  if (i >= 50) faces.push({ ...faceMessage(600, 150 + i, { size: 80, q }), chip: chip(3) });
  if (i === 43) faces.push({ ...faceMessage(1100, 650, { size: 40 }), chip: chip(4) });
  return {
    jobId,
    frameIndex: i,
    pts: i / 10,
    ptsLast: i / 10 + 0.05,
    sourceFirst: 2 * i,
    sourceLast: 2 * i + 1,
    width: 1280,
    height: 720,
    frameDuration: 0.05,
    sceneCut: i === 80,
    faces,
  };
}
