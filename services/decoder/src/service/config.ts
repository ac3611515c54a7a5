// The decoder service's settings, all from the environment (read once, in main.ts).
import { HWACCEL_CHOICES } from '../hwaccel-choice.ts';
import { int, oneOf, type ConfigOf, stageServiceSettings } from './common-bridge.ts';
import { mediaRoots } from './source-policy.ts';

export const DECODER_SERVICE_CONFIG = {
  mediaRoots: mediaRoots('PMR_MEDIA_ROOTS', 'colon-separated absolute folders videos may be read from'),
  hwaccel: oneOf('PMR_HWACCEL', HWACCEL_CHOICES, {
    description: 'decode on a CUDA or VAAPI device: auto uses one when present, else software',
    default: 'auto',
  }),
  jpegQuality: int('PMR_JPEG_QUALITY', {
    description: 'JPEG quality of frames sent as JPEG',
    min: 1,
    max: 100,
    default: 90,
  }),
  ...stageServiceSettings({ grpcPort: 50051, metricsPort: 9101 }),
} as const;

export type DecoderServiceConfig = ConfigOf<typeof DECODER_SERVICE_CONFIG>;
