// The recognizer service's composition root: config → logger → embedding model → start-up gallery → gRPC server
// (health, reflection, metrics interceptor) → /metrics endpoint → SIGTERM/SIGINT → ordered shutdown. The only
// module of the service that reads process.env, listens or handles signals.
import { createLogger, PmrError, type Logger } from '@pmr/common';
import { loadPmrPackageDefinition, loadPmrProto } from '@pmr/common/proto';
import { resolveModel } from '@pmr/models';
import { Counter } from 'prom-client';
import { createEmbedder, type Embedder } from '../embedder.ts';
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
import { RECOGNIZER_SERVICE_CONFIG, type RecognizerServiceConfig } from './config.ts';
import type { GalleryStore } from './gallery-store.ts';
import { createRecognizerHandlers } from './handlers.ts';
import { enrolStartupGallery } from './startup-gallery.ts';

export interface RunningRecognizerService {
  readonly grpcAddress: string;
  readonly grpcPort: number;
  readonly metricsPort: number;
  /** The ordered shutdown; resolves with what each step did. */
  shutdown(): Promise<ShutdownReport>;
}

async function loadModels(config: RecognizerServiceConfig, logger: Logger): Promise<{ embedder: Embedder; galleries: GalleryStore }> {
  const modelPath = await resolveModel('mobilefacenet', { modelsDir: config.modelsDir });
  const embedder = await createEmbedder({ modelPath, threads: config.threads });
  logger.info({ model: 'mobilefacenet', modelPath, threads: config.threads }, 'model loaded');
  try {
    return { embedder, galleries: await enrolStartupGallery(config, embedder, logger) };
  } catch (err) {
    await embedder.release();
    throw err;
  }
}

/** Load the model, enrol the start-up gallery and start serving; everything it opens is closed by shutdown(). */
export async function startRecognizerService(config: RecognizerServiceConfig, logger: Logger): Promise<RunningRecognizerService> {
  const { embedder, galleries } = await loadModels(config, logger);
  const metrics = createServiceMetrics('recognizer');
  const chips = new Counter({ name: 'pmr_recognizer_chips_total', help: 'Chips embedded by Embed.', registers: [metrics.registry] });
  const queries = new Counter({ name: 'pmr_recognizer_queries_total', help: 'Queries answered by SearchGallery.', registers: [metrics.registry] });
  const pmr = loadPmrProto().pmr.v1;
  const handlers = createRecognizerHandlers(embedder, galleries, { logger, onChips: (n) => chips.inc(n), onQueries: (n) => queries.inc(n) });
  const grpc = await startGrpcServer({
    host: config.grpcHost,
    port: config.grpcPort,
    services: [{ definition: pmr.RecognizerService.service, implementation: handlers }],
    packageDefinition: loadPmrPackageDefinition(),
    maxMessageBytes: config.maxMessageBytes,
    interceptors: [metrics.interceptor],
  }).catch(async (err: unknown) => {
    await embedder.release();
    throw err;
  });
  const endpoint = await startMetricsServer({ host: config.metricsHost, port: config.metricsPort, registry: metrics.registry }).catch(
    async (err: unknown) => {
      grpc.server.forceShutdown();
      await embedder.release();
      throw err;
    },
  );
  logger.info(
    { grpcAddress: grpc.address, grpcPort: grpc.port, metricsPort: endpoint.port, services: grpc.serviceNames, galleries: galleries.ids() },
    'listening',
  );

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
          releaseSessions: () => embedder.release(),
        },
        config.shutdownTimeoutMs,
      ),
  };
}

/** Run the service until SIGTERM/SIGINT; exit 0 after a clean shutdown, 1 otherwise, 2 for bad configuration. */
export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  let config: RecognizerServiceConfig;
  try {
    config = readServiceConfig(env, RECOGNIZER_SERVICE_CONFIG);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    createLogger({ name: 'recognizer' }).fatal({ problems: err.problems }, err.message);
    process.exit(2);
  }
  const logger = createLogger({ name: 'recognizer', level: config.logLevel });
  let service: RunningRecognizerService;
  try {
    service = await startRecognizerService(config, logger);
  } catch (err) {
    logger.fatal({ err, reason: err instanceof PmrError ? err.message : undefined }, 'recognizer service failed to start');
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
