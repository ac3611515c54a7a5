// What every stage service does around its handlers: serve them over gRPC (health, reflection, metrics interceptor),
// expose /metrics, log where it listens, and shut down in order; and the `main` that reads the config once, starts
// the service and turns SIGTERM/SIGINT into that shutdown. A service supplies only its handlers and what to release.
import { PmrError } from '../errors.ts';
import { createLogger, type Logger } from '../logger.ts';
import { PMR_MAX_MESSAGE_BYTES } from '../proto/limits.ts';
import {
  ConfigError,
  int,
  LOG_LEVELS,
  oneOf,
  optional,
  port,
  readServiceConfig,
  str,
  type ConfigOf,
  type ConfigVar,
  type LogLevel,
} from './config.ts';
import { startGrpcServer, type ServiceBinding } from './grpc-server.ts';
import { startMetricsServer, type ServiceMetrics } from './metrics.ts';
import { gracefulShutdown, onShutdownSignals, type ShutdownReport } from './shutdown.ts';

/** The settings every stage service has (its config spec may hold more). */
export interface StageServiceSettings {
  readonly grpcHost: string;
  readonly grpcPort: number;
  readonly metricsHost: string;
  readonly metricsPort: number;
  readonly maxMessageBytes: number;
  readonly shutdownTimeoutMs: number;
  readonly logLevel: LogLevel;
  /** NATS server(s) for the pipeline; undefined: the service serves gRPC only. */
  readonly natsUrl: string | undefined;
}

/** Where a service listens unless told otherwise: nothing is reachable from other machines until configured to be. */
export const LOOPBACK = '127.0.0.1';

/** The environment variables behind StageServiceSettings, with this service's default ports; spread into its spec. */
export function stageServiceSettings(defaults: { readonly grpcPort: number; readonly metricsPort: number }) {
  return {
    grpcHost: str('PMR_GRPC_HOST', {
      description: 'interface the gRPC server listens on (0.0.0.0 or :: for every interface)',
      default: LOOPBACK,
    }),
    grpcPort: port('PMR_GRPC_PORT', { description: 'gRPC port; 0 picks a free one', default: defaults.grpcPort }),
    metricsHost: str('PMR_METRICS_HOST', {
      description: 'interface the /metrics endpoint listens on (0.0.0.0 or :: for every interface)',
      default: LOOPBACK,
    }),
    metricsPort: port('PMR_METRICS_PORT', {
      description: 'Prometheus /metrics port; 0 picks a free one',
      default: defaults.metricsPort,
    }),
    logLevel: oneOf('PMR_LOG_LEVEL', LOG_LEVELS, { description: 'pino log level', default: 'info' }),
    maxMessageBytes: int('PMR_MAX_MESSAGE_BYTES', {
      description: 'largest gRPC message in bytes; larger requests get RESOURCE_EXHAUSTED',
      min: 1024,
      max: 2 ** 31 - 1,
      default: PMR_MAX_MESSAGE_BYTES,
    }),
    natsUrl: optional(
      str('NATS_URL', {
        description: 'NATS server(s) with JetStream, comma-separated; unset: gRPC only, no pipeline consumers',
      }),
    ),
    shutdownTimeoutMs: int('PMR_SHUTDOWN_TIMEOUT_MS', {
      description: 'time calls in progress get to finish on SIGTERM before the server is forced',
      min: 0,
      max: 600_000,
      default: 10_000,
    }),
  } as const;
}

export interface RunningStageService {
  /** `host:port` the gRPC server bound (the first, when a host name bound several). */
  readonly grpcAddress: string;
  readonly grpcPort: number;
  /** `host:port` the /metrics endpoint bound. */
  readonly metricsAddress: string;
  readonly metricsPort: number;
  /** The ordered shutdown; resolves with what each step did. */
  shutdown(): Promise<ShutdownReport>;
}

export interface StageServiceParts {
  readonly settings: StageServiceSettings;
  readonly logger: Logger;
  readonly services: readonly ServiceBinding[];
  readonly metrics: ServiceMetrics;
  /** Frees what the service loaded (inference sessions); also called when start-up fails part way. */
  readonly release?: () => Promise<void>;
  /** Stops the service's JetStream consumers (running handlers settle) and drains its connection; first in shutdown. */
  readonly stopConsumers?: () => Promise<void>;
  /** Extra fields for the `listening` log line. */
  readonly describe?: Readonly<Record<string, unknown>>;
}

/** Serve the handlers; everything opened here (and `release`) is closed by the returned shutdown(). */
export async function startStageService(parts: StageServiceParts): Promise<RunningStageService> {
  const { settings, logger, metrics } = parts;
  const stopConsumers = parts.stopConsumers ?? (() => Promise.resolve());
  const release = async (): Promise<void> => {
    await stopConsumers().catch(() => undefined);
    await (parts.release ?? (() => Promise.resolve()))();
  };
  const grpc = await startGrpcServer({
    host: settings.grpcHost,
    port: settings.grpcPort,
    services: parts.services,
    maxMessageBytes: settings.maxMessageBytes,
    interceptors: [metrics.interceptor],
  }).catch(async (err: unknown) => {
    await release();
    throw err;
  });
  const endpoint = await startMetricsServer({
    host: settings.metricsHost,
    port: settings.metricsPort,
    registry: metrics.registry,
  }).catch(async (err: unknown) => {
    grpc.server.forceShutdown();
    await release();
    throw err;
  });
  logger.info(
    {
      grpcAddress: grpc.address,
      grpcAddresses: grpc.addresses,
      grpcPort: grpc.port,
      metricsAddress: endpoint.address,
      metricsPort: endpoint.port,
      services: grpc.serviceNames,
      ...parts.describe,
    },
    'listening',
  );
  return {
    grpcAddress: grpc.address,
    grpcPort: grpc.port,
    metricsAddress: endpoint.address,
    metricsPort: endpoint.port,
    shutdown: () =>
      gracefulShutdown(
        {
          notServing: () => grpc.setServingStatus('NOT_SERVING'),
          ...(parts.stopConsumers !== undefined && { stopConsumers: parts.stopConsumers }),
          server: grpc.server,
          closeListeners: () => endpoint.close(),
          ...(parts.release !== undefined && { releaseSessions: parts.release }),
        },
        settings.shutdownTimeoutMs,
      ),
  };
}

/**
 * A stage service's `main`: read the config once (a bad one logs every problem and exits 2), start the service (a
 * failure exits 1), and on SIGTERM/SIGINT shut down in order (exit 0 when clean, 1 otherwise; a second signal 130).
 */
export async function runStageServiceMain<S extends Readonly<Record<string, ConfigVar<unknown>>>>(
  name: string,
  spec: S,
  start: (config: ConfigOf<S> & StageServiceSettings, logger: Logger) => Promise<RunningStageService>,
  env: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  let config: ConfigOf<S> & StageServiceSettings;
  try {
    config = readServiceConfig(env, spec) as ConfigOf<S> & StageServiceSettings;
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    createLogger({ name }).fatal({ problems: err.problems }, err.message);
    process.exit(2);
  }
  const logger = createLogger({ name, level: config.logLevel });
  let service: RunningStageService;
  try {
    service = await start(config, logger);
  } catch (err) {
    logger.fatal({ err, reason: err instanceof PmrError ? err.message : undefined }, `${name} service failed to start`);
    process.exit(1);
  }
  onShutdownSignals(
    (signal) => {
      logger.info({ signal, deadlineMs: config.shutdownTimeoutMs }, 'shutting down');
      void service.shutdown().then((report) => {
        logger.info({ report }, report.clean ? 'stopped' : 'stopped with problems');
        process.exit(report.clean ? 0 : 1);
      });
    },
    {
      onRepeat: (signal) => {
        logger.warn({ signal }, 'second signal: exiting now');
        process.exit(130);
      },
    },
  );
}
