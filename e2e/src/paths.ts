// Where the tests find the repository, the shared test media and the models, and what they need of them.
import { join, resolve } from 'node:path';
import { dataMissing, modelsMissing } from '@pmr/common/testing/require-parts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
export const modelsDir = process.env.PMR_MODELS_DIR;

/** The model files a default `pmr analyze` reads from PMR_MODELS_DIR (detector, embedder, expression). */
const MODEL_FILES = [
  'face_detection_yunet_2023mar_dynamic.onnx',
  'mobilefacenet_foamliu_128d.onnx',
  'facial_expression_recognition_mobilefacenet_2022july_int8.onnx',
];

/** Why the model-backed tests cannot run here, or null when they can (pass it to requireParts). */
export function missingModels(): string | null {
  return modelsMissing(...MODEL_FILES);
}

/** Why the tests on the shared media cannot run here, or null when they can (pass it to requireParts). */
export function missingData(): string | null {
  return dataMissing(join(dataDir, 'videos'));
}

export const video = (name: string): string => join(dataDir, 'videos', name);
