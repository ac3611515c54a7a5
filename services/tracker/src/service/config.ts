// The tracker service's settings, all from the environment (read once, in main.ts).
import { PMR_MAX_MESSAGE_BYTES } from '@pmr/common/proto';
import { int, LOG_LEVELS, oneOf, port, str, type ConfigOf } from './common-bridge.ts';

export const TRACKER_SERVICE_CONFIG = {
  grpcHost: str('PMR_GRPC_HOST', { description: 'interface the gRPC server listens on', default: '0.0.0.0' }),
  grpcPort: port('PMR_GRPC_PORT', { description: 'gRPC port; 0 picks a free one', default: 50052 }),
  metricsHost: str('PMR_METRICS_HOST', { description: 'interface the /metrics endpoint listens on', default: '0.0.0.0' }),
  metricsPort: port('PMR_METRICS_PORT', { description: 'Prometheus /metrics port; 0 picks a free one', default: 9102 }),
  logLevel: oneOf('PMR_LOG_LEVEL', LOG_LEVELS, { description: 'pino log level', default: 'info' }),
  maxMessageBytes: int('PMR_MAX_MESSAGE_BYTES', {
    description: 'largest gRPC message in bytes; larger requests get RESOURCE_EXHAUSTED',
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

export type TrackerServiceConfig = ConfigOf<typeof TRACKER_SERVICE_CONFIG>;
