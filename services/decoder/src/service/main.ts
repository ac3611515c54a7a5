// The decoder service's composition root: config → logger → media roots → gRPC server (health, reflection,
// metrics interceptor) → /metrics endpoint → SIGTERM/SIGINT → ordered shutdown. The only module of the service
// that reads process.env, listens or handles signals.
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
import { DECODER_SERVICE_CONFIG, type DecoderServiceConfig } from './config.ts';
import { createDecoderHandlers } from './decode-handler.ts';
import { realRoots } from './source-policy.ts';

export interface RunningDecoderService {
  readonly grpcAddress: string;
  readonly grpcPort: number;
  readonly metricsPort: number;
  /** The ordered shutdown; resolves with what each step did. */
  shutdown(): Promise<ShutdownReport>;
}

/** Check the media roots and start serving; everything it opens is closed by the returned shutdown(). */
export async function startDecoderService(config: DecoderServiceConfig, logger: Logger): Promise<RunningDecoderService> {
  const real = await realRoots(config.mediaRoots).catch((err: unknown) => {
    throw new PmrError('FAILED_PRECONDITION', `a media root in PMR_MEDIA_ROOTS cannot be opened: ${err instanceof Error ? err.message : String(err)}`);
  });
  logger.info({ mediaRoots: config.mediaRoots }, 'media roots');

  const metrics = createServiceMetrics('decoder');
  const frames = new Counter({ name: 'pmr_decoder_frames_total', help: 'Frames sent by DecodeVideo.', registers: [metrics.registry] });
  const pmr = loadPmrProto().pmr.v1;
  const handlers = createDecoderHandlers({
    roots: config.mediaRoots,
    realRoots: real,
    tools: {
      ...(config.ffmpeg === undefined ? {} : { ffmpegPath: config.ffmpeg }),
      ...(config.ffprobe === undefined ? {} : { ffprobePath: config.ffprobe }),
    },
    jpegQuality: config.jpegQuality,
    logger,
    onFrame: () => frames.inc(),
  });
  const grpc = await startGrpcServer({
    host: config.grpcHost,
    port: config.grpcPort,
    services: [{ definition: pmr.DecoderService.service, implementation: handlers }],
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
    // Forcing the server cancels the streams still running, which kills their ffmpeg processes.
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
  let config: DecoderServiceConfig;
  try {
    config = readServiceConfig(env, DECODER_SERVICE_CONFIG);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    createLogger({ name: 'decoder' }).fatal({ problems: err.problems }, err.message);
    process.exit(2);
  }
  const logger = createLogger({ name: 'decoder', level: config.logLevel });
  let service: RunningDecoderService;
  try {
    service = await startDecoderService(config, logger);
  } catch (err) {
    logger.fatal({ err, reason: err instanceof PmrError ? err.message : undefined }, 'decoder service failed to start');
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
