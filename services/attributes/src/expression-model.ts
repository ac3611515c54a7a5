// I/O: the ONNX expression model (opencv_zoo MobileFaceNet FER, int8) behind a predict() call.
import { failedPrecondition, type RgbImage } from '@pmr/common';
import { loadSession, ort, type ModelSession } from '@pmr/common/onnx';
import { CHIP_SIZE, expressionInput } from './expression-preprocess.ts';
import { expressionFromLogits, type ExpressionResult } from './expression-decode.ts';

const INPUT = 'data';
/**
 * The model is int8 (QLinearConv, QLinearAdd, …). onnxruntime's `all` level wraps its convolutions in NCHWc layout
 * changes that cost more than they save (docs/benchmark.md, "Process settings"); the logits are the same at both
 * levels. The float models go the other way: see SessionOptions.graphOptimization.
 */
const GRAPH_OPTIMIZATION = 'extended';
const OUTPUT = 'label';

export interface ExpressionModel {
  predict(chip: RgbImage): Promise<ExpressionResult>;
  release(): Promise<void>;
}

export async function loadExpressionModel(modelPath: string, threads?: number): Promise<ExpressionModel> {
  let session: ModelSession;
  try {
    session = await loadSession(modelPath, {
      graphOptimization: GRAPH_OPTIMIZATION,
      ...(threads === undefined ? {} : { threads }),
    });
  } catch (err) {
    throw failedPrecondition(
      `expression model ${modelPath} could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
      err,
    );
  }
  if (!session.inputNames.includes(INPUT) || !session.outputNames.includes(OUTPUT)) {
    await session.release();
    throw failedPrecondition(
      `${modelPath} is not the expression model: expected input '${INPUT}' and output '${OUTPUT}', ` +
        `found [${session.inputNames.join(', ')}] -> [${session.outputNames.join(', ')}]`,
    );
  }
  return {
    async predict(chip) {
      const input = new ort.Tensor('float32', expressionInput(chip), [1, 3, CHIP_SIZE, CHIP_SIZE]);
      const result = await session.run({ [INPUT]: input });
      const logits = result[OUTPUT];
      if (logits === undefined) throw failedPrecondition(`expression model returned no '${OUTPUT}' output`);
      return expressionFromLogits(logits.data as Float32Array);
    },
    release: () => session.release(),
  };
}
