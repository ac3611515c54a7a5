// SCRFD on real images (skipped with a printed reason when the model or the media are missing; a failure under
// PMR_REQUIRE_ALL=1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readImage } from '@pmr/common/image';
import { createDetector } from '../src/index.ts';
import { applySimilarity, ARCFACE_TEMPLATE } from '../src/similarity.ts';
import { alignmentTransform } from '../src/align.ts';
import { checkNosePoints, dataPath, modelPath, partsSkip, scoreLabelledBoxes } from './fixtures.ts';

const skip = partsSkip(['scrfd'], ['detection/boxes.json', 'detection/face_counts_nose_points.json', 'identities']);

// Measured at the defaults (input 640, score 0.5, NMS 0.4): recall 18/18, precision 18/18, min IoU 0.52.
// Asserted with margin for onnxruntime/CPU differences: recall ≥ 0.9, precision ≥ 0.9.
test('SCRFD finds the dlib/PASCAL labelled faces: recall ≥ 0.9, precision ≥ 0.9 at IoU 0.5 (defaults)', async (t) => {
  if (skip !== undefined) return t.skip(skip);
  const detector = await createDetector({ kind: 'scrfd', modelPath: modelPath('scrfd') });
  try {
    const s = await scoreLabelledBoxes(
      (image) => detector.detect(image),
      (line) => t.diagnostic(line),
    );
    const recall = s.found / s.labels;
    const precision = s.correct / s.detections;
    t.diagnostic(
      `recall ${s.found}/${s.labels} = ${recall.toFixed(3)}, precision ${s.correct}/${s.detections} = ${precision.toFixed(3)}, min IoU ${s.minIou.toFixed(2)}`,
    );
    assert.ok(recall >= 0.9, `recall ${recall}`);
    assert.ok(precision >= 0.9, `precision ${precision}`);
  } finally {
    await detector.release();
  }
});

test('SCRFD on the CompreFace images: every nose-labelled face found, no extra detections', async (t) => {
  if (skip !== undefined) return t.skip(skip);
  const detector = await createDetector({ kind: 'scrfd', modelPath: modelPath('scrfd') });
  try {
    await checkNosePoints((image) => detector.detect(image));
  } finally {
    await detector.release();
  }
});

test('SCRFD landmarks align a neutral frontal portrait: eyes within 2 px of the template', async (t) => {
  if (skip !== undefined) return t.skip(skip);
  const detector = await createDetector({ kind: 'scrfd', modelPath: modelPath('scrfd') });
  try {
    const faces = await detector.detect(await readImage(dataPath('identities/rose_leslie/img2.jpg')));
    assert.equal(faces.length, 1);
    const toChip = alignmentTransform(faces[0]!.landmarks);
    for (const k of [0, 1] as const) {
      const q = applySimilarity(toChip, faces[0]!.landmarks[k]);
      const d = Math.hypot(q.x - ARCFACE_TEMPLATE[k].x, q.y - ARCFACE_TEMPLATE[k].y);
      assert.ok(d <= 2, `eye ${k} is ${d.toFixed(2)} px from the template`);
    }
  } finally {
    await detector.release();
  }
});
