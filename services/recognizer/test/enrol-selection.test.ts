import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createImage, type DetectedFace } from '@pmr/common';
import { selectEnrolmentFace, type RejectionReason } from '../src/enrol-selection.ts';

function face(x: number, size: number, score = 0.9, sharpness = 0.5): DetectedFace {
  const p = { x: x + size / 2, y: size / 2 };
  return {
    box: { x, y: 0, width: size, height: size },
    landmarks: [p, p, p, p, p],
    score,
    quality: { score: 0.8, detector: score, size: 1, sharpness, frontalness: 1 },
    chip: createImage(112, 112),
  };
}

test('selectEnrolmentFace picks the subject or names the rejection (defaults: 40 px, sharpness 0.15, score 0.5, relative 0.8, 2x)', () => {
  const big = face(0, 100);
  const cases: Array<[string, DetectedFace[], RejectionReason | DetectedFace | 'accept' | 'first' | 'second']> = [
    ['no detections', [], 'no-face'],
    ['only a low-score detection', [face(0, 100, 0.3)], 'no-face'],
    ['one good face', [big], big],
    ['one small face', [face(0, 30)], 'too-small'],
    ['exactly the minimum size is enough', [face(0, 40)], 'accept'],
    ['one blurry face', [face(0, 100, 0.9, 0.05)], 'too-blurry'],
    ['just under the sharpness bar', [face(0, 100, 0.9, 0.149)], 'too-blurry'],
    ['exactly the sharpness bar is enough', [face(0, 100, 0.9, 0.15)], 'accept'],
    ['two similar faces (area ratio 1.56)', [face(0, 100), face(200, 80)], 'several-faces'],
    ['area ratio exactly 2 is enough', [face(0, 100), face(200, 100 / Math.SQRT2)], 'accept'],
    ['dominant face (ratio 2.78) is accepted', [face(200, 60), big], big],
    ['a tiny background face does not make it ambiguous', [face(200, 30), big], big],
    ['a low-score second face is ignored', [big, face(200, 100, 0.4)], big],
    ['two small faces: too small, not several', [face(0, 30), face(100, 25)], 'too-small'],
    // Relative score bar 0.8 x best: a 0.7 detection next to a 0.95 one (0.7 < 0.76) is a false positive.
    [
      'a large low-relative-score detection is neither subject nor rival',
      [face(0, 100, 0.95), face(200, 150, 0.7)],
      'first',
    ],
    ['a rival at 0.8 x the best score counts', [face(0, 100, 0.95), face(200, 100, 0.76)], 'several-faces'],
    [
      'the subject is the largest confident face, not the best-scoring',
      [face(0, 60, 0.95), face(200, 100, 0.9)],
      'second',
    ],
    ['the dominant face must still be sharp', [face(0, 100, 0.9, 0.01), face(200, 50)], 'too-blurry'],
  ];
  for (const [name, faces, expected] of cases) {
    const got = selectEnrolmentFace(faces);
    if (expected === 'first' || expected === 'second') {
      assert.equal(got.accepted && got.face, faces[expected === 'first' ? 0 : 1], name);
    } else if (typeof expected === 'string' && expected !== 'accept') {
      assert.equal(got.accepted, false, name);
      if (!got.accepted) {
        assert.equal(got.reason, expected, name);
        assert.ok(got.detail.length > 0, name);
      }
    } else {
      assert.equal(got.accepted, true, name);
      if (got.accepted && expected !== 'accept') assert.equal(got.face, expected, name);
    }
  }
});

test('selectEnrolmentFace honours its options', () => {
  const f = face(0, 50, 0.9, 0.3);
  assert.equal(
    selectEnrolmentFace([f], { minFaceSize: 60, minSharpness: 0, minScore: 0, relativeScore: 0.8, dominanceRatio: 2 })
      .accepted,
    false,
  );
  assert.equal(
    selectEnrolmentFace([f], { minFaceSize: 10, minSharpness: 0.4, minScore: 0, relativeScore: 0.8, dominanceRatio: 2 })
      .accepted,
    false,
  );
  assert.equal(
    selectEnrolmentFace([f, face(100, 45)], {
      minFaceSize: 10,
      minSharpness: 0,
      minScore: 0,
      relativeScore: 0.8,
      dominanceRatio: 1.2,
    }).accepted,
    true,
  );
});
