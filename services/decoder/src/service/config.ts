// The decoder service's settings, all from the environment (read once, in main.ts).
import { isAbsolute, normalize } from 'node:path';
import { PMR_MAX_MESSAGE_BYTES } from '@pmr/common/proto';
import { int, LOG_LEVELS, oneOf, optional, port, str, type ConfigOf, type ConfigVar } from './common-bridge.ts';

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
  ffmpeg: optional(str('PMR_FFMPEG', { description: 'ffmpeg binary; unset: ffmpeg on PATH' })),
  ffprobe: optional(str('PMR_FFPROBE', { description: 'ffprobe binary; unset: ffprobe on PATH' })),
  jpegQuality: int('PMR_JPEG_QUALITY', { description: 'JPEG quality of frames sent as JPEG', min: 1, max: 100, default: 90 }),
  grpcHost: str('PMR_GRPC_HOST', { description: 'interface the gRPC server listens on', default: '0.0.0.0' }),
  grpcPort: port('PMR_GRPC_PORT', { description: 'gRPC port; 0 picks a free one', default: 50051 }),
  metricsHost: str('PMR_METRICS_HOST', { description: 'interface the /metrics endpoint listens on', default: '0.0.0.0' }),
  metricsPort: port('PMR_METRICS_PORT', { description: 'Prometheus /metrics port; 0 picks a free one', default: 9101 }),
  logLevel: oneOf('PMR_LOG_LEVEL', LOG_LEVELS, { description: 'pino log level', default: 'info' }),
  maxMessageBytes: int('PMR_MAX_MESSAGE_BYTES', {
    description: 'largest gRPC message in bytes; a frame larger than this fails the call with RESOURCE_EXHAUSTED',
    min: 1024,
    max: 2 ** 31 - 1,
    default: PMR_MAX_MESSAGE_BYTES,
  }),
  shutdownTimeoutMs: int('PMR_SHUTDOWN_TIMEOUT_MS', {
    description: 'time calls in progress get to finish on SIGTERM before the server is forced',
    min: 0,
    max: 600_000,
    default: 10_000,
  }),
} as const;

export type DecoderServiceConfig = ConfigOf<typeof DECODER_SERVICE_CONFIG>;
