// Per-face attribute analysis: runs every configured attribute model on the aligned chip.
import { failedPrecondition, invalidArgument, type FaceAttributes, type RgbImage } from '@pmr/common';
import { loadAgeGenderModel, type AgeGenderModel, type AgeGenderModelOptions } from './agegender-model.ts';
import { loadExpressionModel } from './expression-model.ts';

export interface AttributeAnalyzerOptions {
  /** Path of facial_expression_recognition_mobilefacenet_2022july_int8.onnx. */
  readonly expressionModelPath: string;
  /** Path of faceres_agegender.onnx (built by `resolveModel('agegender')`); shorthand for `ageGenderModel: { kind: 'faceres', path }`. */
  readonly ageGenderModelPath?: string;
  /** The age/gender model and its kind; InsightFace genderage.onnx carries non-commercial weights. */
  readonly ageGenderModel?: AgeGenderModelOptions;
  /** onnxruntime intra-op threads per model; omitted means onnxruntime's default. */
  readonly threads?: number;
}

/** What the attribute models say about one face. */
export interface FaceAnalysis {
  readonly attributes: FaceAttributes;
  /**
   * The FaceRes face descriptor (unit-length, 1024-d) that the age/gender run computes beside age and gender; null
   * without an age/gender model or with InsightFace genderage.onnx, which has none.
   */
  readonly descriptor: Float32Array | null;
}

export interface AttributeAnalyzer {
  /** Attributes of one face from its 112x112 ArcFace-aligned RGB chip; age and gender are null without an age/gender model. */
  analyze(chip: RgbImage): Promise<FaceAttributes>;
  /** The attributes and the FaceRes descriptor of one face, from the same model runs as analyze(). */
  analyzeFace(chip: RgbImage): Promise<FaceAnalysis>;
  /** Free the models; the analyzer must not be used afterwards. */
  release(): Promise<void>;
}

function ageGenderOptions(options: AttributeAnalyzerOptions): AgeGenderModelOptions | undefined {
  if (options.ageGenderModel !== undefined && options.ageGenderModelPath !== undefined) {
    throw invalidArgument('give either ageGenderModelPath or ageGenderModel, not both');
  }
  if (options.ageGenderModel !== undefined) return options.ageGenderModel;
  return options.ageGenderModelPath === undefined ? undefined : { kind: 'faceres', path: options.ageGenderModelPath };
}

export async function createAttributeAnalyzer(options: AttributeAnalyzerOptions): Promise<AttributeAnalyzer> {
  const ageGender = ageGenderOptions(options);
  const expression = await loadExpressionModel(options.expressionModelPath, options.threads);
  let ageGenderModel: AgeGenderModel | null = null;
  if (ageGender !== undefined) {
    try {
      ageGenderModel = await loadAgeGenderModel(ageGender, options.threads);
    } catch (err) {
      await expression.release();
      throw err;
    }
  }
  let released = false;
  const analyzeFace = async (chip: RgbImage): Promise<FaceAnalysis> => {
    if (released) throw failedPrecondition('attribute analyzer was released');
    if (ageGenderModel === null)
      return { attributes: { expression: await expression.predict(chip), age: null, gender: null }, descriptor: null };
    // Both sessions run at once (onnxruntime works off the JS thread).
    const [expr, { age, gender, descriptor }] = await Promise.all([
      expression.predict(chip),
      ageGenderModel.predict(chip),
    ]);
    return { attributes: { expression: expr, age, gender }, descriptor };
  };
  return {
    analyzeFace,
    async analyze(chip) {
      return (await analyzeFace(chip)).attributes;
    },
    async release() {
      if (released) return;
      released = true;
      await expression.release();
      await ageGenderModel?.release();
    },
  };
}

export { FACERES_DESCRIPTOR_DIM, loadAgeGenderModel } from './agegender-model.ts';
