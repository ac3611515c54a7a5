// The decoder service's settings, all from the environment (read once, in main.ts).
import { isAbsolute, normalize } from 'node:path';
import { HWACCEL_CHOICES } from '../hwaccel-choice.ts';
import { int, oneOf, type ConfigOf, type ConfigVar, stageServiceSettings } from './common-bridge.ts';

/**
 * PMR_MEDIA_ROOTS: colon-separated absolute folders; the only places videos are read from. Required: a decoder
 * with no roots could serve nothing, and a default such as `/` would open the whole filesystem.
 */
export function mediaRoots(env: string, description: string): ConfigVar<readonly string[]> {
  return {
    env,
    description,
    fallback: undefined,
    secret: false,
    parse: (raw) => {
      const roots = raw.split(':').filter((r) => r !== '');
      if (roots.length === 0) return { problem: 'must list at least one folder' };
      const relative = roots.filter((r) => !isAbsolute(r));
      if (relative.length > 0) return { problem: `must hold absolute folders only, got ${relative.join(', ')}` };
      return { value: roots.map((r) => normalize(r)) };
    },
  };
}

export const DECODER_SERVICE_CONFIG = {
  mediaRoots: mediaRoots('PMR_MEDIA_ROOTS', 'colon-separated absolute folders videos may be read from'),
  hwaccel: oneOf('PMR_HWACCEL', HWACCEL_CHOICES, { description: 'decode on a CUDA or VAAPI device: auto uses one when present, else software', default: 'auto' }),
  jpegQuality: int('PMR_JPEG_QUALITY', { description: 'JPEG quality of frames sent as JPEG', min: 1, max: 100, default: 90 }),
  ...stageServiceSettings({ grpcPort: 50051, metricsPort: 9101 }),
} as const;

export type DecoderServiceConfig = ConfigOf<typeof DECODER_SERVICE_CONFIG>;
