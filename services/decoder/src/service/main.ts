// The decoder service's composition root: config → logger → media roots → gRPC server (health, reflection,
// metrics interceptor) → /metrics endpoint → SIGTERM/SIGINT → ordered shutdown. The only module of the service
// that reads process.env, listens or handles signals.
import { PmrError } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import { loadPmrProto } from '@pmr/common/proto';
import { Counter, Gauge } from 'prom-client';
import { openVideoCount } from '../decode.ts';
import { setLibavLogSink } from '../media/libav-log.ts';
import { startDecoderWorker } from './pipeline-worker.ts';
import {
  createServiceMetrics,
  joinPipeline,
  runStageServiceMain,
  startStageService,
  type RunningStageService,
} from './common-bridge.ts';
import { DECODER_SERVICE_CONFIG, type DecoderServiceConfig } from './config.ts';
import { createDecoderHandlers } from './decode-handler.ts';
import { realRoots } from './source-policy.ts';

export type RunningDecoderService = RunningStageService;

/** Check the media roots and start serving; everything it opens is closed by the returned shutdown(). */
export async function startDecoderService(
  config: DecoderServiceConfig,
  logger: Logger,
): Promise<RunningDecoderService> {
  const real = await realRoots(config.mediaRoots).catch((err: unknown) => {
    throw new PmrError(
      'FAILED_PRECONDITION',
      `a media root in PMR_MEDIA_ROOTS cannot be opened: ${err instanceof Error ? err.message : String(err)}`,
    );
  });
  logger.info({ mediaRoots: config.mediaRoots }, 'media roots');
  setLibavLogSink((message) => logger.debug({ ffmpeg: message }, 'FFmpeg complained'));

  const metrics = createServiceMetrics('decoder');
  const frames = new Counter({
    name: 'pmr_decoder_frames_total',
    help: 'Frames sent by DecodeVideo.',
    registers: [metrics.registry],
  });
  new Gauge({
    name: 'pmr_decoder_open_videos',
    help: 'Videos open in FFmpeg (being decoded).',
    registers: [metrics.registry],
    collect() {
      this.set(openVideoCount());
    },
  });
  const pmr = loadPmrProto().pmr.v1;
  const { hwaccel } = config;
  const handlers = createDecoderHandlers({
    roots: config.mediaRoots,
    realRoots: real,
    hwaccel,
    jpegQuality: config.jpegQuality,
    logger,
    onFrame: () => frames.inc(),
  });
  const published = new Counter({
    name: 'pmr_decoder_pipeline_frames_total',
    help: 'Frames published to the pipeline.',
    registers: [metrics.registry],
  });
  const pipeline = await joinPipeline(
    config.natsUrl,
    'decoder',
    logger,
    async (bus, stopped) => [
      await startDecoderWorker({
        bus,
        stopped,
        logger,
        roots: config.mediaRoots,
        realRoots: real,
        hwaccel,
        onFrame: () => published.inc(),
      }),
    ],
    metrics,
  );
  return startStageService({
    ...(pipeline !== undefined && { stopConsumers: () => pipeline.stop() }),
    settings: config,
    logger,
    services: [{ definition: pmr.DecoderService.service, implementation: handlers }],
    metrics,
  });
}

/** Run the service until SIGTERM/SIGINT; exit 0 after a clean shutdown, 1 otherwise, 2 for bad configuration. */
export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  await runStageServiceMain('decoder', DECODER_SERVICE_CONFIG, startDecoderService, env);
}
