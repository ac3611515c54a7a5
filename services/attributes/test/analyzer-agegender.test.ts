// The analyzer with an age/gender model configured (real models; skipped without them, a failure under
// PMR_REQUIRE_ALL=1).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { flipHorizontal } from '@pmr/common';
import { readImage } from '@pmr/common/image';
import { dataMissing, modelsMissing, requireParts } from '@pmr/common/testing/require-parts';
import { createDetector } from '@pmr/detector';
import { manifest, resolveModel } from '@pmr/models';
import { createAttributeAnalyzer } from '../src/analyzer.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
const modelsDir = process.env.PMR_MODELS_DIR;
const cacheDir = await mkdtemp(join(tmpdir(), 'pmr-agegender-'));
after(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});
const FACE = join(dataDir, 'attributes', 'utkface_54_0_0_20170111201425519.jpg');
const modelsSkip = requireParts(modelsMissing(manifest.expression.file, manifest.yunet.file));
const skip = modelsSkip ?? requireParts(dataMissing(FACE));
const expressionModel = join(modelsDir ?? '', manifest.expression.file);
const yunetModel = join(modelsDir ?? '', manifest.yunet.file);

test('analyze fills age and gender when an age/gender model is configured', { skip }, async () => {
  const ageGenderModelPath = await resolveModel('agegender', { modelsDir, cacheDir });
  const detector = await createDetector({ kind: 'yunet', modelPath: yunetModel, threads: 1 });
  const [detected] = await detector.detect(await readImage(FACE));
  await detector.release();
  assert.ok(detected !== undefined);
  const analyzer = await createAttributeAnalyzer({
    expressionModelPath: expressionModel,
    ageGenderModelPath,
    threads: 1,
  });
  const a = await analyzer.analyze(detected.chip);
  // The same run gives the FaceRes descriptor: unit length, 1024-d, nearer the mirrored face than another person's.
  const face2 = await analyzer.analyzeFace(detected.chip);
  assert.deepEqual(face2.attributes, a);
  const descriptor = face2.descriptor;
  assert.ok(descriptor !== null && descriptor.length === 1024);
  const dot = (x: Float32Array, y: Float32Array): number => x.reduce((s, v, i) => s + v * y[i]!, 0);
  assert.ok(Math.abs(dot(descriptor, descriptor) - 1) < 1e-5);
  const mirrored = (await analyzer.analyzeFace(flipHorizontal(detected.chip))).descriptor!;
  const otherImage = await readImage(join(dataDir, 'attributes', 'utkface_21_1_0_20170105183508735.jpg'));
  const detector2 = await createDetector({ kind: 'yunet', modelPath: yunetModel, threads: 1 });
  const [other] = await detector2.detect(otherImage);
  await detector2.release();
  assert.ok(other !== undefined);
  const otherDescriptor = (await analyzer.analyzeFace(other.chip)).descriptor!;
  assert.ok(
    dot(descriptor, mirrored) > dot(descriptor, otherDescriptor),
    `mirror ${dot(descriptor, mirrored)}, other person ${dot(descriptor, otherDescriptor)}`,
  );
  await analyzer.release();
  // UTKFace label: 54-year-old man.
  assert.ok(a.age !== null && a.gender !== null);
  assert.equal(a.gender.value, 'male');
  assert.ok(a.gender.confidence >= 0.5 && a.gender.confidence <= 1);
  assert.ok(a.age.low <= a.age.value && a.age.value <= a.age.high, JSON.stringify(a.age));
  assert.ok(Math.abs(a.age.value - 54) <= 10, `age ${a.age.value}`);
  // The same analyzer through the explicit kind option gives the same answer.
  const explicit = await createAttributeAnalyzer({
    expressionModelPath: expressionModel,
    ageGenderModel: { kind: 'faceres', path: ageGenderModelPath },
  });
  assert.deepEqual((await explicit.analyze(detected.chip)).age, a.age);
  await explicit.release();
});

test(
  'age/gender options: both at once is INVALID_ARGUMENT; the wrong file is FAILED_PRECONDITION',
  { skip: modelsSkip },
  async () => {
    await assert.rejects(
      createAttributeAnalyzer({
        expressionModelPath: expressionModel,
        ageGenderModelPath: 'a.onnx',
        ageGenderModel: { kind: 'faceres', path: 'b.onnx' },
      }),
      { code: 'INVALID_ARGUMENT' },
    );
    await assert.rejects(
      createAttributeAnalyzer({ expressionModelPath: expressionModel, ageGenderModelPath: expressionModel }),
      (err: unknown) => {
        assert.ok(err instanceof Error);
        assert.match(err.message, /not the faceres age\/gender model: expected input 'input'/);
        return true;
      },
    );
    await assert.rejects(
      createAttributeAnalyzer({
        expressionModelPath: expressionModel,
        ageGenderModel: { kind: 'insightface', path: yunetModel },
      }),
      /not InsightFace genderage\.onnx/,
    );
    await assert.rejects(
      createAttributeAnalyzer({
        expressionModelPath: expressionModel,
        ageGenderModel: { kind: 'insightface', path: join(repoRoot, 'no-such.onnx') },
      }),
      { code: 'FAILED_PRECONDITION' },
    );
  },
);
