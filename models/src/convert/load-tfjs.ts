// I/O: read a TensorFlow.js graph model (model.json and its weight shards) from disk.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { invalidArgument } from '@pmr/common';
import { parseGraphModel, type TfjsGraphModel } from './tfjs-model.ts';
import { decodeWeights, type DecodedTensor } from './weights.ts';

export interface LoadedGraphModel {
  readonly model: TfjsGraphModel;
  readonly weights: Map<string, DecodedTensor>;
}

export async function loadGraphModelFiles(modelJsonPath: string): Promise<LoadedGraphModel> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(modelJsonPath, 'utf8'));
  } catch (err) {
    throw invalidArgument(
      `${modelJsonPath}: not a readable JSON file (${err instanceof Error ? err.message : String(err)})`,
      err,
    );
  }
  const model = parseGraphModel(json, modelJsonPath);
  const dir = dirname(modelJsonPath);
  const shards = await Promise.all(
    model.weightsManifest.map((g) =>
      Promise.all(g.paths.map(async (p) => new Uint8Array(await readFile(join(dir, p))))),
    ),
  );
  return { model, weights: decodeWeights(model.weightsManifest, shards) };
}
