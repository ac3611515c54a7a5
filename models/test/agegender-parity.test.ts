// Conversion parity: the ONNX FaceRes built by the project against the TensorFlow.js reference (pure-JS CPU backend).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import type { RgbImage } from '@pmr/common';
import { readImage } from '@pmr/common/image';
import { ort } from '@pmr/common/onnx';
import { requireParts } from '@pmr/common/testing/require-parts';
import { convertFaceres, FACERES_INPUT, FACERES_OUTPUTS, humanModelsDir } from '../src/index.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
const SIZE = 224;
const CROPS = 10;

/** Nearest-neighbour resize to 224 and the model's BGR-minus-mean input (any real-face input will do for parity). */
function toInput(img: RgbImage, out: Float32Array, offset: number): void {
  const mean = [103.939, 116.779, 123.68];
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const sx = Math.min(img.width - 1, Math.floor(((x + 0.5) * img.width) / SIZE));
      const sy = Math.min(img.height - 1, Math.floor(((y + 0.5) * img.height) / SIZE));
      const s = (sy * img.width + sx) * 3;
      const o = offset + (y * SIZE + x) * 3;
      for (let c = 0; c < 3; c++) out[o + c] = img.data[s + 2 - c]! - mean[c]!;
    }
  }
}

test(`ONNX FaceRes matches the TFJS reference within 1e-4 on ${CROPS} real face crops`, async (t) => {
  const faces = existsSync(join(dataDir, 'attributes'))
    ? readdirSync(join(dataDir, 'attributes'))
        .filter((f) => f.startsWith('utkface_'))
        .sort()
        .slice(0, CROPS)
    : [];
  const skip = requireParts(
    faces.length < CROPS
      ? `test data missing: ${join(dataDir, 'attributes')} should hold ${CROPS} UTKFace chips (set PMR_DATA_DIR)`
      : null,
  );
  if (skip !== undefined) return t.skip(skip);
  const batch = new Float32Array(CROPS * SIZE * SIZE * 3);
  for (const [i, f] of faces.entries())
    toInput(await readImage(join(dataDir, 'attributes', f)), batch, i * SIZE * SIZE * 3);

  const session = await ort.InferenceSession.create(await convertFaceres());
  const onnxOut = await session.run({ [FACERES_INPUT]: new ort.Tensor('float32', batch, [CROPS, SIZE, SIZE, 3]) });
  await session.release();

  await tf.setBackend('cpu');
  const dir = humanModelsDir();
  const json = JSON.parse(await readFile(join(dir, 'faceres.json'), 'utf8')) as {
    modelTopology: tf.io.ModelJSON['modelTopology'];
    weightsManifest: Array<{ paths: string[]; weights: tf.io.WeightsManifestEntry[] }>;
  };
  assert.equal(json.weightsManifest.length, 1);
  const bin = await readFile(join(dir, 'faceres.bin'));
  const model = await tf.loadGraphModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest[0]!.weights,
      weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
    }),
  );
  const tfNames = Object.keys(FACERES_OUTPUTS);
  const input = tf.tensor4d(batch, [CROPS, SIZE, SIZE, 3]);
  const tfOut = model.execute(input, tfNames) as tf.Tensor[];
  const report: string[] = [];
  for (const [k, tfName] of tfNames.entries()) {
    const name = FACERES_OUTPUTS[tfName]!;
    const ref = await tfOut[k]!.data();
    const got = onnxOut[name]!.data as Float32Array;
    assert.deepEqual(onnxOut[name]!.dims, tfOut[k]!.shape, name);
    let maxDiff = 0;
    for (let i = 0; i < ref.length; i++) maxDiff = Math.max(maxDiff, Math.abs(ref[i]! - got[i]!));
    report.push(`${name} ${maxDiff.toExponential(2)}`);
    assert.ok(maxDiff <= 1e-4, `${name}: max |ONNX - TFJS| = ${maxDiff}`);
  }
  console.log(`parity on ${CROPS} UTKFace crops, max abs difference: ${report.join(', ')}`);
  tf.dispose([input, ...tfOut]);
  model.dispose();
});
