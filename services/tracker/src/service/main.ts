// The tracker service's composition root: config → logger → gRPC server (health, reflection, metrics
// interceptor) → /metrics endpoint → SIGTERM/SIGINT → ordered shutdown. The only module of the service that
// reads process.env, listens or handles signals.
import { createLogger, PmrError, type Logger } from '@pmr/common';
import { loadPmrPackageDefinition, loadPmrProto } from '@pmr/common/proto';
import { Counter } from 'prom-client';
import {
  ConfigError,
  createServiceMetrics,
  gracefulShutdown,
  onShutdownSignals,
  readServiceConfig,
  startGrpcServer,
  startMetricsServer,
  type ShutdownReport,
} from './common-bridge.ts';
import { TRACKER_SERVICE_CONFIG, type TrackerServiceConfig } from './config.ts';
import { createTrackerHandlers } from './track-handler.ts';

export interface RunningTrackerService {
  readonly grpcAddress: string;
  readonly grpcPort: number;
  readonly metricsPort: number;
  /** The ordered shutdown; resolves with what each step did. */
  shutdown(): Promise<ShutdownReport>;
}

/** Start serving; everything it opens is closed by the returned shutdown(). */
export async function startTrackerService(config: TrackerServiceConfig, logger: Logger): Promise<RunningTrackerService> {
  const metrics = createServiceMetrics('tracker');
  const faces = new Counter({ name: 'pmr_tracker_faces_total', help: 'Faces received by Track.', registers: [metrics.registry] });
  const tracks = new Counter({ name: 'pmr_tracker_tracks_total', help: 'Tracks finished by Track.', registers: [metrics.registry] });
  const pmr = loadPmrProto().pmr.v1;
  const handlers = createTrackerHandlers({
    logger,
    onStreamEnd: (f, t) => {
      faces.inc(f);
      tracks.inc(t);
    },
  });
  const grpc = await startGrpcServer({
    host: config.grpcHost,
    port: config.grpcPort,
    services: [{ definition: pmr.TrackerService.service, implementation: handlers }],
    packageDefinition: loadPmrPackageDefinition(),
    maxMessageBytes: config.maxMessageBytes,
    interceptors: [metrics.interceptor],
  });
  const endpoint = await startMetricsServer({ host: config.metricsHost, port: config.metricsPort, registry: metrics.registry }).catch((err: unknown) => {
    grpc.server.forceShutdown();
    throw err;
  });
  logger.info({ grpcAddress: grpc.address, grpcPort: grpc.port, metricsPort: endpoint.port, services: grpc.serviceNames }, 'listening');

  return {
    grpcAddress: grpc.address,
    grpcPort: grpc.port,
    metricsPort: endpoint.port,
    shutdown: () =>
      gracefulShutdown(
        {
          notServing: () => grpc.setServingStatus('NOT_SERVING'),
          server: grpc.server,
          closeListeners: () => endpoint.close(),
        },
        config.shutdownTimeoutMs,
      ),
  };
}

/** Run the service until SIGTERM/SIGINT; exit 0 after a clean shutdown, 1 otherwise, 2 for bad configuration. */
export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  let config: TrackerServiceConfig;
  try {
    config = readServiceConfig(env, TRACKER_SERVICE_CONFIG);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    createLogger({ name: 'tracker' }).fatal({ problems: err.problems }, err.message);
    process.exit(2);
  }
  const logger = createLogger({ name: 'tracker', level: config.logLevel });
  let service: RunningTrackerService;
  try {
    service = await startTrackerService(config, logger);
  } catch (err) {
    logger.fatal({ err, reason: err instanceof PmrError ? err.message : undefined }, 'tracker service failed to start');
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
