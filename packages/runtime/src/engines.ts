// Loads every model the pipeline needs, once; `release()` frees them on shutdown.
import { resolveModel } from '@pmr/models';
import { createDetector, type Detector } from '@pmr/detector';
import { createEmbedder, type Embedder } from '@pmr/recognizer/embedder';
import { createAttributeAnalyzer, type AttributeAnalyzer } from '@pmr/attributes/analyzer';

export type DetectorKind = 'yunet' | 'scrfd';

/** Where age and gender come from: the model PMR builds from @vladmandic/human (default), or a user's InsightFace file. */
export type AgeGenderChoice = { readonly kind: 'faceres' } | { readonly kind: 'insightface'; readonly path: string };

export interface EngineOptions {
  readonly modelsDir?: string | undefined;
  readonly detector: DetectorKind;
  /** Longest side of the detector input in pixels. */
  readonly detectorInputSize?: number | undefined;
  readonly minFaceSize?: number | undefined;
  readonly threads?: number | undefined;
  readonly ageGender?: AgeGenderChoice | undefined;
}

export interface Engines {
  readonly detector: Detector;
  readonly embedder: Embedder;
  readonly attributes: AttributeAnalyzer;
  release(): Promise<void>;
}

export async function loadEngines(options: EngineOptions): Promise<Engines> {
  const resolve = { modelsDir: options.modelsDir };
  const threads = options.threads ?? 1;
  const ageGender = options.ageGender ?? { kind: 'faceres' };
  const [detectorPath, embedderPath, expressionPath, ageGenderPath] = await Promise.all([
    resolveModel(options.detector, resolve),
    resolveModel('mobilefacenet', resolve),
    resolveModel('expression', resolve),
    ageGender.kind === 'faceres' ? resolveModel('agegender', resolve) : Promise.resolve(ageGender.path),
  ]);
  const detector = await createDetector({
    kind: options.detector,
    modelPath: detectorPath,
    threads,
    ...(options.detectorInputSize !== undefined && { inputSize: options.detectorInputSize }),
    ...(options.minFaceSize !== undefined && { minFaceSize: options.minFaceSize }),
  });
  const embedder = await createEmbedder({ modelPath: embedderPath, threads });
  const attributes = await createAttributeAnalyzer({
    expressionModelPath: expressionPath,
    ageGenderModel: { kind: ageGender.kind, path: ageGenderPath },
    threads,
  });
  return {
    detector,
    embedder,
    attributes,
    async release() {
      await Promise.all([detector.release(), embedder.release(), attributes.release()]);
    },
  };
}
