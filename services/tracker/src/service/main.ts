// The tracker service's composition root: config → logger → gRPC server (health, reflection, metrics
// interceptor) → /metrics endpoint → SIGTERM/SIGINT → ordered shutdown. The only module of the service that
// reads process.env, listens or handles signals.
import type { Logger } from '@pmr/common/logger';
import { loadPmrProto } from '@pmr/common/proto';
import { Counter, Gauge } from 'prom-client';
import {
  createServiceMetrics,
  joinPipeline,
  runStageServiceMain,
  startStageService,
  type RunningStageService,
} from './common-bridge.ts';
import { startTrackerWorker } from './pipeline-worker.ts';
import { TRACKER_SERVICE_CONFIG, type TrackerServiceConfig } from './config.ts';
import { createTrackerHandlers } from './track-handler.ts';

export type RunningTrackerService = RunningStageService;

/** Start serving; everything it opens is closed by the returned shutdown(). */
export async function startTrackerService(
  config: TrackerServiceConfig,
  logger: Logger,
): Promise<RunningTrackerService> {
  const metrics = createServiceMetrics('tracker');
  const faces = new Counter({
    name: 'pmr_tracker_faces_total',
    help: 'Faces received by Track.',
    registers: [metrics.registry],
  });
  const tracks = new Counter({
    name: 'pmr_tracker_tracks_total',
    help: 'Tracks finished by Track.',
    registers: [metrics.registry],
  });
  const frames = new Counter({
    name: 'pmr_tracker_pipeline_frames_total',
    help: 'Pipeline FrameFaces messages tracked, end marks included (one tracked again after a restart counts again).',
    registers: [metrics.registry],
  });
  const openJobs = new Gauge({
    name: 'pmr_tracker_open_jobs',
    help: 'Pipeline jobs whose tracking state this tracker holds.',
    registers: [metrics.registry],
  });
  const pmr = loadPmrProto().pmr.v1;
  const handlers = createTrackerHandlers({
    logger,
    onStreamEnd: (f, t) => {
      faces.inc(f);
      tracks.inc(t);
    },
  });
  const pipeline = await joinPipeline(
    config.natsUrl,
    'tracker',
    logger,
    async (bus, stopped) => [
      await startTrackerWorker({
        stopped,
        bus,
        logger,
        timelineInterval: config.timelineIntervalMs / 1000,
        sessionIdleMs: config.jobIdleSeconds * 1000,
        onFrame: (n) => (frames.inc(), faces.inc(n)),
        onTrack: () => tracks.inc(),
        onOpenJobs: (n) => openJobs.set(n),
      }),
    ],
    metrics,
  );
  return startStageService({
    ...(pipeline !== undefined && { stopConsumers: () => pipeline.stop() }),
    settings: config,
    logger,
    services: [{ definition: pmr.TrackerService.service, implementation: handlers }],
    metrics,
  });
}

/** Run the service until SIGTERM/SIGINT; exit 0 after a clean shutdown, 1 otherwise, 2 for bad configuration. */
export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  await runStageServiceMain('tracker', TRACKER_SERVICE_CONFIG, startTrackerService, env);
}
