// A detected face as a pmr.v1.DetectedFace message: box, the five named landmarks, score, quality, and the aligned
// 112x112 chip as raw RGB24 (the pixels are shared, not copied). Pure.
import type { DetectedFace } from '@pmr/common';
import { rgbImageToProto } from '@pmr/common/proto';
import type { DetectedFaceMessage } from './common-bridge.ts';

export function faceToMessage(face: DetectedFace): DetectedFaceMessage {
  const [leftEye, rightEye, noseTip, leftMouth, rightMouth] = face.landmarks;
  const { x, y, width, height } = face.box;
  const q = face.quality;
  return {
    box: { x, y, width, height },
    landmarks: {
      leftEye: { x: leftEye.x, y: leftEye.y },
      rightEye: { x: rightEye.x, y: rightEye.y },
      noseTip: { x: noseTip.x, y: noseTip.y },
      leftMouth: { x: leftMouth.x, y: leftMouth.y },
      rightMouth: { x: rightMouth.x, y: rightMouth.y },
    },
    score: face.score,
    quality: { score: q.score, detector: q.detector, size: q.size, sharpness: q.sharpness, frontalness: q.frontalness },
    chip: rgbImageToProto(face.chip),
  };
}
