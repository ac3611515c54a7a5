// The detector service's composition root: config → logger → model → detector stage → gRPC server (health,
// reflection, metrics interceptor) → /metrics endpoint → SIGTERM/SIGINT → ordered shutdown. The only module of the
// service that reads process.env, listens or handles signals.
import { createLogger, PmrError, type Logger } from '@pmr/common';
import { loadPmrPackageDefinition, loadPmrProto } from '@pmr/common/proto';
import { resolveModel } from '@pmr/models';
import { Counter } from 'prom-client';
import { createDetector, DEFAULT_MIN_FACE_SIZE, type DetectorKind } from '../detector.ts';
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
import { DETECTOR_SERVICE_CONFIG, type DetectorServiceConfig } from './config.ts';
import { createDetectorHandlers, type DetectFloor } from './detect-handler.ts';

/** The score thresholds the service builds each detector with (the stage's own defaults, stated here). */
export const DETECTOR_SCORE_THRESHOLD: Readonly<Record<DetectorKind, number>> = { yunet: 0.6, scrfd: 0.5 };

export interface RunningDetectorService {
  readonly grpcAddress: string;
  readonly grpcPort: number;
  readonly metricsPort: number;
  /** The ordered shutdown; resolves with what each step did. */
  shutdown(): Promise<ShutdownReport>;
}

/** Load the model and start serving; everything it opens is closed by the returned shutdown(). */
export async function startDetectorService(config: DetectorServiceConfig, logger: Logger): Promise<RunningDetectorService> {
  const modelPath = await resolveModel(config.detector, { modelsDir: config.modelsDir });
  const floor: DetectFloor = { scoreThreshold: DETECTOR_SCORE_THRESHOLD[config.detector], minFaceSize: DEFAULT_MIN_FACE_SIZE };
  const detector = await createDetector({ kind: config.detector, modelPath, threads: config.threads, ...floor });
  logger.info({ detector: config.detector, modelPath, threads: config.threads }, 'model loaded');

  const metrics = createServiceMetrics('detector');
  const faces = new Counter({ name: 'pmr_detector_faces_total', help: 'Faces returned by Detect.', registers: [metrics.registry] });
  const pmr = loadPmrProto().pmr.v1;
  const handlers = createDetectorHandlers(detector, { floor, logger, onFaces: (n) => faces.inc(n) });
  const grpc = await startGrpcServer({
    host: config.grpcHost,
    port: config.grpcPort,
    services: [{ definition: pmr.DetectorService.service, implementation: handlers }],
    packageDefinition: loadPmrPackageDefinition(),
    maxMessageBytes: config.maxMessageBytes,
    interceptors: [metrics.interceptor],
  }).catch(async (err: unknown) => {
    await detector.release();
    throw err;
  });
  const endpoint = await startMetricsServer({ host: config.metricsHost, port: config.metricsPort, registry: metrics.registry }).catch(
    async (err: unknown) => {
      grpc.server.forceShutdown();
      await detector.release();
      throw err;
    },
  );
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
          releaseSessions: () => detector.release(),
        },
        config.shutdownTimeoutMs,
      ),
  };
}

/** Run the service until SIGTERM/SIGINT; exit 0 after a clean shutdown, 1 otherwise, 2 for bad configuration. */
export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  let config: DetectorServiceConfig;
  try {
    config = readServiceConfig(env, DETECTOR_SERVICE_CONFIG);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    createLogger({ name: 'detector' }).fatal({ problems: err.problems }, err.message);
    process.exit(2);
  }
  const logger = createLogger({ name: 'detector', level: config.logLevel });
  let service: RunningDetectorService;
  try {
    service = await startDetectorService(config, logger);
  } catch (err) {
    logger.fatal({ err, reason: err instanceof PmrError ? err.message : undefined }, 'detector service failed to start');
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
