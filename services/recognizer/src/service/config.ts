// The recognizer service's settings, all from the environment (read once, in main.ts).
import { int, oneOf, optional, str, type ConfigOf, stageServiceSettings } from './common-bridge.ts';

export const RECOGNIZER_SERVICE_CONFIG = {
  modelsDir: optional(
    str('PMR_MODELS_DIR', { description: 'folder holding the verified model files; unset: the download cache' }),
  ),
  galleryDir: optional(
    str('PMR_GALLERY_DIR', {
      description:
        'gallery enrolled at start-up, <dir>/<person>/<image>; unset: no gallery, SearchGallery answers NOT_FOUND',
    }),
  ),
  galleryId: str('PMR_GALLERY_ID', {
    description: 'the id SearchGallery requests name the start-up gallery by',
    default: 'default',
  }),
  detector: oneOf('PMR_DETECTOR', ['yunet', 'scrfd'], {
    description: 'face detector used to enrol the gallery',
    default: 'yunet',
  }),
  ...stageServiceSettings({ grpcPort: 50054, metricsPort: 9104 }),
  threads: int('PMR_INFERENCE_THREADS', { description: 'onnxruntime intra-op threads', min: 1, max: 256, default: 1 }),
  storePath: optional(
    str('PMR_STORE_PATH', {
      description:
        "the store holding face collections (the orchestrator's PMR_STORE_PATH: a SQLite file or a mongodb:// URL); unset: SearchCollection answers FAILED_PRECONDITION",
    }),
  ),
  collectionCheckS: int('PMR_COLLECTION_CHECK_S', {
    description:
      "seconds between checks of the collections' versions against the store (a missed change waits this long)",
    min: 1,
    max: 3600,
    default: 5,
  }),
} as const;

export type RecognizerServiceConfig = ConfigOf<typeof RECOGNIZER_SERVICE_CONFIG>;
