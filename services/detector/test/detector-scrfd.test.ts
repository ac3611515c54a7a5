// SCRFD on real images (skipped with a printed reason when the model or the media are missing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readImage } from '@pmr/common';
import { createDetector } from '../src/index.ts';
import { matchBoxes, matchPoints } from '../src/evaluate.ts';
import { applySimilarity, ARCFACE_TEMPLATE } from '../src/similarity.ts';
import { alignmentTransform } from '../src/align.ts';
import { findData, findModel, labelledBoxes, nosePoints } from './fixtures.ts';

const model = findModel('scrfd');
const detection = findData('detection/boxes.json');
const skip = 'skip' in model ? model.skip : 'skip' in detection ? detection.skip : undefined;

function dataPath(rel: string): string {
  const d = findData(rel);
  if ('skip' in d) throw new Error(d.skip);
  return d.path;
}

// Measured at the defaults (input 640, score 0.5, NMS 0.4): recall 18/18, precision 18/18, min IoU 0.52.
// Asserted with margin for onnxruntime/CPU differences: recall ≥ 0.9, precision ≥ 0.9.
test('SCRFD finds the dlib/PASCAL labelled faces: recall ≥ 0.9, precision ≥ 0.9 at IoU 0.5 (defaults)', async (t) => {
  if (skip !== undefined || 'skip' in model) return t.skip(skip);
  const detector = await createDetector({ kind: 'scrfd', modelPath: model.path });
  let labels = 0;
  let found = 0;
  let detections = 0;
  const ious: number[] = [];
  try {
    for (const [file, boxes] of labelledBoxes()) {
      const faces = await detector.detect(await readImage(dataPath(`detection/${file}`)));
      const m = matchBoxes(boxes, faces.map((f) => f.box), 0.5);
      labels += boxes.length;
      found += m.pairs.length;
      detections += faces.length;
      ious.push(...m.pairs.map((p) => p[2]));
      for (const i of m.missedLabels) t.diagnostic(`${file}: missed label ${JSON.stringify(boxes[i])}`);
      for (const j of m.extraDetections) t.diagnostic(`${file}: unmatched detection ${JSON.stringify(faces[j]!.box)} score ${faces[j]!.score}`);
    }
  } finally {
    await detector.release();
  }
  const recall = found / labels;
  const precision = found / detections;
  t.diagnostic(`recall ${found}/${labels} = ${recall.toFixed(3)}, precision ${found}/${detections} = ${precision.toFixed(3)}, min IoU ${Math.min(...ious).toFixed(2)}`);
  assert.ok(recall >= 0.9, `recall ${recall}`);
  assert.ok(precision >= 0.9, `precision ${precision}`);
});

test('SCRFD on the CompreFace images: every nose-labelled face found, no extra detections', async (t) => {
  if (skip !== undefined || 'skip' in model) return t.skip(skip);
  const detector = await createDetector({ kind: 'scrfd', modelPath: model.path });
  try {
    for (const [file, { count, noses }] of nosePoints()) {
      const faces = await detector.detect(await readImage(dataPath(`detection/${file}`)));
      const m = matchPoints(noses, faces.map((f) => f.box));
      assert.deepEqual(m.missedPoints, [], `${file}: nose points without a detection`);
      assert.deepEqual(m.wrong, [], `${file}: detections holding zero or several nose points`);
      assert.equal(faces.length, count, `${file}: face count`);
    }
  } finally {
    await detector.release();
  }
});

test('SCRFD landmarks align a neutral frontal portrait: eyes within 2 px of the template', async (t) => {
  if (skip !== undefined || 'skip' in model) return t.skip(skip);
  const detector = await createDetector({ kind: 'scrfd', modelPath: model.path });
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
