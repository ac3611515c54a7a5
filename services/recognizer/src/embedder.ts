// MobileFaceNet (foamliu, 128-d) face embedder on onnxruntime.

import { flipHorizontal, invalidArgument, l2normalize, type RgbImage } from '@pmr/common';
import { loadSession, ort } from '@pmr/common/onnx';
import { CHIP_SIZE, chipToTensorData } from './preprocess.ts';

/**
 * Whether embed() adds the mirrored chip's embedding by default: off, because it doubles the inference for a small gain
 * in separating genuine from unknown faces (scripts/calibrate.ts; docs/calibration.md).
 */
export const DEFAULT_FLIP = false;

/** Length of MobileFaceNet's embeddings. */
export const EMBEDDING_DIM = 128;

export interface EmbedderOptions {
  readonly modelPath: string;
  /** onnxruntime intra-op threads; default 1 (fastest on small shared machines). */
  readonly threads?: number;
  /** Test-time augmentation: embed chip and mirror, sum, normalise. Default DEFAULT_FLIP. */
  readonly flip?: boolean;
}

export interface Embedder {
  /** Unit-length 128-d embedding of an ArcFace-aligned 112×112 RGB chip. */
  embed(chip: RgbImage): Promise<Float32Array>;
  release(): Promise<void>;
}

export async function createEmbedder(options: EmbedderOptions): Promise<Embedder> {
  const session = await loadSession(options.modelPath, { threads: options.threads ?? 1 });
  const inputName = session.inputNames[0];
  const outputName = session.outputNames[0];
  if (inputName === undefined || outputName === undefined) {
    await session.release();
    throw invalidArgument(`${options.modelPath}: model has no input or output`);
  }
  const flip = options.flip ?? DEFAULT_FLIP;

  const raw = async (chip: RgbImage): Promise<Float32Array> => {
    const input = new ort.Tensor('float32', chipToTensorData(chip), [1, 3, CHIP_SIZE, CHIP_SIZE]);
    const result = await session.run({ [inputName]: input });
    const out = result[outputName];
    if (out === undefined || !(out.data instanceof Float32Array))
      throw invalidArgument(`${options.modelPath}: unexpected output`);
    return new Float32Array(out.data);
  };

  return {
    async embed(chip) {
      const e = await raw(chip);
      if (flip) {
        const m = await raw(flipHorizontal(chip));
        for (let i = 0; i < e.length; i++) e[i] = e[i]! + m[i]!;
      }
      return l2normalize(e);
    },
    release: () => session.release(),
  };
}
