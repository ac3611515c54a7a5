// Loads every model the pipeline needs, once; `release()` frees them on shutdown.
import { resolveModel } from '@pmr/models';
import { createDetector, type Detector } from '@pmr/detector';
import { createEmbedder, type Embedder } from '@pmr/recognizer';
import { createAttributeAnalyzer, type AttributeAnalyzer } from '@pmr/attributes';

export type DetectorKind = 'yunet' | 'scrfd';

export interface EngineOptions {
  readonly modelsDir?: string | undefined;
  readonly detector: DetectorKind;
  /** Longest side of the detector input in pixels. */
  readonly detectorInputSize?: number | undefined;
  readonly minFaceSize?: number | undefined;
  readonly threads?: number | undefined;
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
  const [detectorPath, embedderPath, expressionPath] = await Promise.all([
    resolveModel(options.detector, resolve),
    resolveModel('mobilefacenet', resolve),
    resolveModel('expression', resolve),
  ]);
  const detector = await createDetector({
    kind: options.detector,
    modelPath: detectorPath,
    threads,
    ...(options.detectorInputSize !== undefined && { inputSize: options.detectorInputSize }),
    ...(options.minFaceSize !== undefined && { minFaceSize: options.minFaceSize }),
  });
  const embedder = await createEmbedder({ modelPath: embedderPath, threads });
  const attributes = await createAttributeAnalyzer({ expressionModelPath: expressionPath, threads });
  return {
    detector,
    embedder,
    attributes,
    async release() {
      await Promise.all([detector.release(), embedder.release(), attributes.release()]);
    },
  };
}
