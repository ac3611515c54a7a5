import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DetectedFace } from '@pmr/common';
import { faceToMessage } from '../src/service/face-message.ts';

test('a detected face becomes a DetectedFace message with named landmarks and an RGB24 chip', () => {
  const chip = { width: 112, height: 112, data: new Uint8Array(112 * 112 * 3).fill(7) };
  const face: DetectedFace = {
    box: { x: 10, y: 20, width: 30, height: 40 },
    landmarks: [
      { x: 1, y: 2 },
      { x: 3, y: 4 },
      { x: 5, y: 6 },
      { x: 7, y: 8 },
      { x: 9, y: 10 },
    ],
    score: 0.875,
    quality: { score: 0.5, detector: 0.875, size: 0.25, sharpness: 0.75, frontalness: 1 },
    chip,
  };
  const message = faceToMessage(face);
  assert.deepEqual(message, {
    box: { x: 10, y: 20, width: 30, height: 40 },
    landmarks: {
      leftEye: { x: 1, y: 2 },
      rightEye: { x: 3, y: 4 },
      noseTip: { x: 5, y: 6 },
      leftMouth: { x: 7, y: 8 },
      rightMouth: { x: 9, y: 10 },
    },
    score: 0.875,
    quality: { score: 0.5, detector: 0.875, size: 0.25, sharpness: 0.75, frontalness: 1 },
    chip: { encoding: 'IMAGE_ENCODING_RGB24', width: 112, height: 112, data: chip.data },
  });
  assert.equal(message.chip?.data, chip.data, 'the chip pixels are shared, not copied');
});
