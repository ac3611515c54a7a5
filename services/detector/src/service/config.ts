// The detector service's settings, all from the environment (read once, in main.ts).
import { int, oneOf, optional, str, type ConfigOf, stageServiceSettings } from './common-bridge.ts';

export const DETECTOR_SERVICE_CONFIG = {
  modelsDir: optional(
    str('PMR_MODELS_DIR', { description: 'folder holding the verified model files; unset: the download cache' }),
  ),
  detector: oneOf('PMR_DETECTOR', ['yunet', 'scrfd'], { description: 'face detector model', default: 'yunet' }),
  ...stageServiceSettings({ grpcPort: 50053, metricsPort: 9103 }),
  threads: int('PMR_INFERENCE_THREADS', { description: 'onnxruntime intra-op threads', min: 1, max: 256, default: 1 }),
} as const;

export type DetectorServiceConfig = ConfigOf<typeof DETECTOR_SERVICE_CONFIG>;
