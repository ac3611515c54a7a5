import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createImage, EXPRESSIONS, type Expression } from '@pmr/common';
import { readImage } from '@pmr/common/image';
import { dataMissing, modelsMissing, requireParts } from '@pmr/common/testing/require-parts';
import { createDetector } from '@pmr/detector';
import { manifest } from '@pmr/models';
import { createAttributeAnalyzer } from '../src/analyzer.ts';
import { CHIP_SIZE } from '../src/index.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
const modelsDir = process.env.PMR_MODELS_DIR ?? '';
const expressionModel = join(modelsDir, manifest.expression.file);
const yunetModel = join(modelsDir, manifest.yunet.file);

/** face-api.js example images, labelled by file name; the label as EXPRESSIONS spells it. */
const EXAMPLES: ReadonlyArray<readonly [string, Expression]> = [
  ['emotion_angry.jpg', 'angry'],
  ['emotion_disgusted.jpg', 'disgust'],
  ['emotion_fearful.jpg', 'fearful'],
  ['emotion_happy.jpg', 'happy'],
  ['emotion_neutral.jpg', 'neutral'],
  ['emotion_sad.jpg', 'sad'],
  ['emotion_surprised.jpg', 'surprised'],
];

test('createAttributeAnalyzer: a missing model file is FAILED_PRECONDITION', async () => {
  await assert.rejects(createAttributeAnalyzer({ expressionModelPath: join(repoRoot, 'no-such-model.onnx') }), {
    code: 'FAILED_PRECONDITION',
  });
});

test('analyze: rejects a chip of the wrong size, and any call after release', async (t) => {
  const skip = requireParts(modelsMissing(manifest.expression.file));
  if (skip !== undefined) return t.skip(skip);
  const analyzer = await createAttributeAnalyzer({ expressionModelPath: expressionModel, threads: 1 });
  await assert.rejects(analyzer.analyze(createImage(96, 112)), { code: 'INVALID_ARGUMENT' });
  const grey = await analyzer.analyze(createImage(CHIP_SIZE, CHIP_SIZE, 128));
  assert.ok(EXPRESSIONS.includes(grey.expression.value));
  // Without an age/gender model there is no FaceRes descriptor.
  assert.equal((await analyzer.analyzeFace(createImage(CHIP_SIZE, CHIP_SIZE, 128))).descriptor, null);
  await analyzer.release();
  await analyzer.release(); // idempotent
  await assert.rejects(analyzer.analyze(createImage(CHIP_SIZE, CHIP_SIZE)), { code: 'FAILED_PRECONDITION' });
});

test('expression on the face-api.js emotion examples (real detector + model)', async (t) => {
  const skip = requireParts(
    modelsMissing(manifest.expression.file, manifest.yunet.file),
    dataMissing(...EXAMPLES.map(([file]) => join(dataDir, 'attributes', file))),
  );
  if (skip !== undefined) return t.skip(skip);
  const detector = await createDetector({ kind: 'yunet', modelPath: yunetModel });
  const analyzer = await createAttributeAnalyzer({ expressionModelPath: expressionModel, threads: 1 });
  try {
    /** Label -> classes ranked by probability. */
    const predicted = new Map<Expression, Expression[]>();
    const lines: string[] = [];
    let ms = 0;
    for (const [file, label] of EXAMPLES) {
      const faces = await detector.detect(await readImage(join(dataDir, 'attributes', file)));
      assert.equal(faces.length, 1, `${file}: expected one face, found ${faces.length}`);
      const chip = faces[0]!.chip;
      await analyzer.analyze(chip); // warm-up, not timed
      const start = performance.now();
      const attrs = await analyzer.analyze(chip);
      ms += performance.now() - start;

      assert.equal(attrs.age, null);
      assert.equal(attrs.gender, null);
      const sum = EXPRESSIONS.reduce((s, e) => s + attrs.expression.scores[e], 0);
      assert.ok(Math.abs(sum - 1) < 1e-5, `${file}: scores sum to ${sum}`);
      assert.equal(attrs.expression.confidence, attrs.expression.scores[attrs.expression.value]);
      const ranked = EXPRESSIONS.map((e) => [e, attrs.expression.scores[e]] as const).sort((a, b) => b[1] - a[1]);
      assert.equal(ranked[0]![0], attrs.expression.value, `${file}: value is the argmax`);
      predicted.set(
        label,
        ranked.map(([e]) => e),
      );
      const top = ranked.slice(0, 3);
      lines.push(
        `${label.padEnd(9)} -> ${attrs.expression.value.padEnd(9)} ${top.map(([e, p]) => `${e} ${p.toFixed(2)}`).join(', ')}`,
      );
    }
    const correct = EXAMPLES.filter(([, label]) => predicted.get(label)?.[0] === label).length;
    const inTop2 = EXAMPLES.filter(([, label]) => predicted.get(label)!.slice(0, 2).includes(label)).length;
    t.diagnostic(`confusion (label -> predicted, top 3):\n${lines.join('\n')}`);
    t.diagnostic(
      `${correct}/${EXAMPLES.length} correct, ${inTop2}/${EXAMPLES.length} in the top 2; ${(ms / EXAMPLES.length).toFixed(1)} ms per face (1 thread, warm)`,
    );

    // Measured 2026-11-28 (YuNet 640 chips, int8 model, onnxruntime-node 1.30 CPU), label -> predicted (p):
    //   angry -> sad (sad .65, disgust .26, angry .09)      disgust -> disgust (.81)     fearful -> fearful (.98)
    //   happy -> happy (1.00)                               neutral -> happy (happy .58, neutral .41)
    //   sad -> fearful (fearful .92, sad .07)               surprised -> surprised (1.00)
    // = 4/7 top-1, 6/7 top-2 (angry is third), ~18.6 ms per face on 1 thread.
    // neutral and sad are borderline: with the detector at inputSize 320, neutral wins (.69) and sad is .32 vs fearful .65,
    // so they are only required in the top 2; the four clear cases must be exact.
    for (const label of ['happy', 'surprised', 'fearful', 'disgust'] as const)
      assert.equal(predicted.get(label)?.[0], label, `${label} example`);
    for (const label of ['neutral', 'sad'] as const)
      assert.ok(predicted.get(label)!.slice(0, 2).includes(label), `${label} example in the top 2`);
    assert.ok(correct >= 4, `${correct}/7 correct, measured 4/7`);
    assert.ok(inTop2 >= 6, `${inTop2}/7 in the top 2, measured 6/7`);
  } finally {
    await analyzer.release();
    await detector.release();
  }
});
