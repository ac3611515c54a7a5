// I/O: build the age/gender ONNX model from the TensorFlow.js FaceRes model inside the pinned @vladmandic/human package.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { failedPrecondition } from '@pmr/common';
import { convertGraphModel } from './convert/convert.ts';
import { encodeOnnxModel } from './convert/onnx-encode.ts';
import { loadGraphModelFiles } from './convert/load-tfjs.ts';
import { manifest } from './manifest.ts';

/** TF node -> ONNX output name of the converted FaceRes graph. */
export const FACERES_OUTPUTS: Readonly<Record<string, string>> = {
  'age_pred/Softmax': 'age',
  'gender_pred/Sigmoid': 'gender',
  'global_pooling/Mean': 'descriptor',
};
/** The converted graph's input: float32 [N,224,224,3], NHWC as in TensorFlow. */
export const FACERES_INPUT = 'input';

export interface BuildAgeGenderOptions {
  /** Folder to write faceres_agegender.onnx into (default: the model cache, ~/.cache/pmr/models). */
  readonly cacheDir: string;
  /** Folder holding faceres.json + faceres.bin; default: the installed @vladmandic/human package's models/. */
  readonly sourceDir?: string;
  /** Compare the built file's sha256 with the manifest (default true); a mismatch is FAILED_PRECONDITION and nothing is written. */
  readonly verify?: boolean;
}

export interface BuiltModel {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

/** models/ folder of the installed @vladmandic/human package. */
export function humanModelsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve('@vladmandic/human')));
  while (!existsSync(join(dir, 'models', 'faceres.json'))) {
    const up = dirname(dir);
    if (up === dir) throw failedPrecondition('@vladmandic/human is installed without models/faceres.json; run npm ci');
    dir = up;
  }
  return join(dir, 'models');
}

/** Convert FaceRes to ONNX bytes (no file written). */
export async function convertFaceres(sourceDir: string = humanModelsDir()): Promise<Uint8Array> {
  const jsonPath = join(sourceDir, 'faceres.json');
  if (!existsSync(jsonPath))
    throw failedPrecondition(`${jsonPath} not found: the age/gender model is built from @vladmandic/human; run npm ci`);
  const { model, weights } = await loadGraphModelFiles(jsonPath);
  const graph = convertGraphModel(model, weights, {
    inputs: { input_1: FACERES_INPUT },
    outputs: FACERES_OUTPUTS,
    graphName: 'faceres',
  });
  return encodeOnnxModel(graph, {
    producerName: 'pmr-tfjs-to-onnx',
    docString:
      'HSE FaceRes (A. Savchenko) age/gender/descriptor, converted from @vladmandic/human models/faceres.json (MIT)',
  });
}

/**
 * Build `<cacheDir>/faceres_agegender.onnx` from the installed package and check its sha256 against the manifest,
 * so a changed package or converter is noticed instead of silently giving other numbers. The file is written
 * atomically, and only when it verifies.
 */
export async function buildAgeGenderModel(options: BuildAgeGenderOptions): Promise<BuiltModel> {
  const entry = manifest.agegender;
  const bytes = await convertFaceres(options.sourceDir);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (options.verify !== false && sha256 !== entry.sha256) {
    throw failedPrecondition(
      `built ${entry.file} has sha256 ${sha256}, expected ${entry.sha256} (manifest.json): the @vladmandic/human package ` +
        `or the converter changed. Check the conversion (npm test in models/) and update the manifest if the change is intended.`,
    );
  }
  await mkdir(options.cacheDir, { recursive: true });
  const target = join(options.cacheDir, entry.file);
  const tmp = `${target}.${process.pid}.part`;
  await writeFile(tmp, bytes);
  try {
    await rename(tmp, target);
  } finally {
    await rm(tmp, { force: true });
  }
  return { path: target, sha256, size: bytes.length };
}
