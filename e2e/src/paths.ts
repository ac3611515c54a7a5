// Where the tests find the repository, the shared test media and the models.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
export const modelsDir = process.env.PMR_MODELS_DIR;

/** Why the model-backed tests cannot run here, or null when they can. */
export function missingModels(): string | null {
  if (modelsDir === undefined || modelsDir === '') return 'PMR_MODELS_DIR is not set';
  if (!existsSync(join(modelsDir, 'face_detection_yunet_2023mar_dynamic.onnx'))) return `no models in ${modelsDir}`;
  return null;
}

export function missingData(): string | null {
  return existsSync(join(dataDir, 'videos')) ? null : `no test media in ${dataDir} (set PMR_DATA_DIR)`;
}

export const video = (name: string): string => join(dataDir, 'videos', name);
