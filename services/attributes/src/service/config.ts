// The attributes service's settings, all from the environment (read once, in main.ts).
import { int, oneOf, optional, str, type ConfigOf, stageServiceSettings } from './common-bridge.ts';

export const ATTRIBUTES_SERVICE_CONFIG = {
  modelsDir: optional(
    str('PMR_MODELS_DIR', { description: 'folder holding the verified model files; unset: the download cache' }),
  ),
  ageGender: oneOf('PMR_AGE_GENDER', ['faceres', 'none'], {
    description: 'age/gender model: faceres, or none for expression only',
    default: 'faceres',
  }),
  ...stageServiceSettings({ grpcPort: 50055, metricsPort: 9105 }),
  threads: int('PMR_INFERENCE_THREADS', { description: 'onnxruntime intra-op threads', min: 1, max: 256, default: 1 }),
} as const;

export type AttributesServiceConfig = ConfigOf<typeof ATTRIBUTES_SERVICE_CONFIG>;
