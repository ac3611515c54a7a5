// The detector service's composition root: config → logger → model → detector stage → gRPC server (health,
// reflection, metrics interceptor) → /metrics endpoint → SIGTERM/SIGINT → ordered shutdown. The only module of the
// service that reads process.env, listens or handles signals.
import type { Logger } from '@pmr/common/logger';
import { loadPmrProto } from '@pmr/common/proto';
import { resolveModel } from '@pmr/models';
import { Counter } from 'prom-client';
import { createDetector, DEFAULT_MIN_FACE_SIZE, DEFAULT_SCORE_THRESHOLD, type DetectorKind } from '../detector.ts';
import {
  createServiceMetrics,
  joinPipeline,
  runStageServiceMain,
  startStageService,
  type RunningStageService,
} from './common-bridge.ts';
import { startDetectorWorker } from './pipeline-worker.ts';
import { DETECTOR_SERVICE_CONFIG, type DetectorServiceConfig } from './config.ts';
import { createDetectorHandlers, type DetectFloor } from './detect-handler.ts';

/** The score thresholds the service builds each detector with: the stage's own defaults. */
export const DETECTOR_SCORE_THRESHOLD: Readonly<Record<DetectorKind, number>> = DEFAULT_SCORE_THRESHOLD;

export type RunningDetectorService = RunningStageService;

/** Load the model and start serving; everything it opens is closed by the returned shutdown(). */
export async function startDetectorService(
  config: DetectorServiceConfig,
  logger: Logger,
): Promise<RunningDetectorService> {
  const modelPath = await resolveModel(config.detector, { modelsDir: config.modelsDir });
  const floor: DetectFloor = {
    scoreThreshold: DETECTOR_SCORE_THRESHOLD[config.detector],
    minFaceSize: DEFAULT_MIN_FACE_SIZE,
  };
  const detector = await createDetector({ kind: config.detector, modelPath, threads: config.threads, ...floor });
  logger.info({ detector: config.detector, modelPath, threads: config.threads }, 'model loaded');

  const metrics = createServiceMetrics('detector');
  const faces = new Counter({
    name: 'pmr_detector_faces_total',
    help: 'Faces returned by Detect.',
    registers: [metrics.registry],
  });
  const handlers = createDetectorHandlers(detector, { floor, logger, onFaces: (n) => faces.inc(n) });
  const frames = new Counter({
    name: 'pmr_detector_pipeline_frames_total',
    help: 'Pipeline frames detected.',
    registers: [metrics.registry],
  });
  const pipeline = await joinPipeline(
    config.natsUrl,
    'detector',
    logger,
    async (bus) => [await startDetectorWorker({ bus, detector, logger, onFrame: (n) => (frames.inc(), faces.inc(n)) })],
    metrics,
  ).catch(async (err: unknown) => {
    await detector.release();
    throw err;
  });
  return startStageService({
    ...(pipeline !== undefined && { stopConsumers: () => pipeline.stop() }),
    settings: config,
    logger,
    services: [{ definition: loadPmrProto().pmr.v1.DetectorService.service, implementation: handlers }],
    metrics,
    release: () => detector.release(),
  });
}

/** Run the service until SIGTERM/SIGINT; exit 0 after a clean shutdown, 1 otherwise, 2 for bad configuration. */
export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  await runStageServiceMain('detector', DETECTOR_SERVICE_CONFIG, startDetectorService, env);
}
