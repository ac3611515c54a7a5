// The attributes service's composition root: config → logger → expression and age/gender models → gRPC server
// (health, reflection, metrics interceptor) → /metrics endpoint → SIGTERM/SIGINT → ordered shutdown. The only
// module of the service that reads process.env, listens or handles signals.
import { createLogger, PmrError, type Logger } from '@pmr/common';
import { loadPmrPackageDefinition, loadPmrProto } from '@pmr/common/proto';
import { resolveModel } from '@pmr/models';
import { Counter } from 'prom-client';
import { createAttributeAnalyzer, type AttributeAnalyzer } from '../analyzer.ts';
import { createAttributesHandlers } from './analyze-handler.ts';
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
import { ATTRIBUTES_SERVICE_CONFIG, type AttributesServiceConfig } from './config.ts';

export interface RunningAttributesService {
  readonly grpcAddress: string;
  readonly grpcPort: number;
  readonly metricsPort: number;
  /** The ordered shutdown; resolves with what each step did. */
  shutdown(): Promise<ShutdownReport>;
}

async function loadAnalyzer(config: AttributesServiceConfig, logger: Logger): Promise<AttributeAnalyzer> {
  const expressionModelPath = await resolveModel('expression', { modelsDir: config.modelsDir });
  const ageGenderModelPath = config.ageGender === 'none' ? undefined : await resolveModel('agegender', { modelsDir: config.modelsDir });
  const analyzer = await createAttributeAnalyzer({ expressionModelPath, ageGenderModelPath, threads: config.threads });
  logger.info({ expressionModelPath, ageGender: config.ageGender, ageGenderModelPath, threads: config.threads }, 'models loaded');
  return analyzer;
}

/** Load the models and start serving; everything it opens is closed by the returned shutdown(). */
export async function startAttributesService(config: AttributesServiceConfig, logger: Logger): Promise<RunningAttributesService> {
  const analyzer = await loadAnalyzer(config, logger);
  const metrics = createServiceMetrics('attributes');
  const chips = new Counter({ name: 'pmr_attributes_chips_total', help: 'Chips analysed by Analyze.', registers: [metrics.registry] });
  const pmr = loadPmrProto().pmr.v1;
  const handlers = createAttributesHandlers(analyzer, { logger, onChips: (n) => chips.inc(n) });
  const grpc = await startGrpcServer({
    host: config.grpcHost,
    port: config.grpcPort,
    services: [{ definition: pmr.AttributesService.service, implementation: handlers }],
    packageDefinition: loadPmrPackageDefinition(),
    maxMessageBytes: config.maxMessageBytes,
    interceptors: [metrics.interceptor],
  }).catch(async (err: unknown) => {
    await analyzer.release();
    throw err;
  });
  const endpoint = await startMetricsServer({ host: config.metricsHost, port: config.metricsPort, registry: metrics.registry }).catch(
    async (err: unknown) => {
      grpc.server.forceShutdown();
      await analyzer.release();
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
          releaseSessions: () => analyzer.release(),
        },
        config.shutdownTimeoutMs,
      ),
  };
}

/** Run the service until SIGTERM/SIGINT; exit 0 after a clean shutdown, 1 otherwise, 2 for bad configuration. */
export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  let config: AttributesServiceConfig;
  try {
    config = readServiceConfig(env, ATTRIBUTES_SERVICE_CONFIG);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    createLogger({ name: 'attributes' }).fatal({ problems: err.problems }, err.message);
    process.exit(2);
  }
  const logger = createLogger({ name: 'attributes', level: config.logLevel });
  let service: RunningAttributesService;
  try {
    service = await startAttributesService(config, logger);
  } catch (err) {
    logger.fatal({ err, reason: err instanceof PmrError ? err.message : undefined }, 'attributes service failed to start');
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
