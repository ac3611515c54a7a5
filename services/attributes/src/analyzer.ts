// Per-face attribute analysis: runs every configured attribute model on the aligned chip.
import { failedPrecondition, type FaceAttributes, type RgbImage } from '@pmr/common';
import { loadExpressionModel } from './expression-model.ts';

export interface AttributeAnalyzerOptions {
  /** Path of facial_expression_recognition_mobilefacenet_2022july_int8.onnx. */
  readonly expressionModelPath: string;
  /** onnxruntime intra-op threads per model; omitted means onnxruntime's default. */
  readonly threads?: number;
  // An age/gender model joins here as another optional path; `analyze` then fills `age` and `gender`.
}

export interface AttributeAnalyzer {
  /** Attributes of one face from its 112x112 ArcFace-aligned RGB chip. */
  analyze(chip: RgbImage): Promise<FaceAttributes>;
  /** Free the models; the analyzer must not be used afterwards. */
  release(): Promise<void>;
}

export async function createAttributeAnalyzer(options: AttributeAnalyzerOptions): Promise<AttributeAnalyzer> {
  const expression = await loadExpressionModel(options.expressionModelPath, options.threads);
  let released = false;
  return {
    async analyze(chip) {
      if (released) throw failedPrecondition('attribute analyzer was released');
      return { expression: await expression.predict(chip), age: null, gender: null };
    },
    async release() {
      if (released) return;
      released = true;
      await expression.release();
    },
  };
}
