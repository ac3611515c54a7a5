// The recognizer service's composition root: config → logger → embedding model → start-up gallery → face collections
// (loaded from the store, then followed) → gRPC server (health, reflection, metrics interceptor) → /metrics endpoint →
// SIGTERM/SIGINT → ordered shutdown. The only module of the service that reads process.env, listens or handles signals.
import type { Logger } from '@pmr/common/logger';
import { messageCodec, type ConsumerHandle, type JetStreamBus } from '@pmr/common/messaging';
import { pipelineSubjects } from '@pmr/common/pipeline';
import { loadPmrProto } from '@pmr/common/proto';
import { openCollectionStore } from '@pmr/collections';
import { modelId, resolveModel } from '@pmr/models';
import { Counter } from 'prom-client';
import { createEmbedder, EMBEDDING_DIM, type Embedder } from '../embedder.ts';
import {
  createServiceMetrics,
  joinPipeline,
  runStageServiceMain,
  startStageService,
  type RunningStageService,
} from './common-bridge.ts';
import { startRecognizerWorker } from './pipeline-worker.ts';
import { RECOGNIZER_SERVICE_CONFIG, type RecognizerServiceConfig } from './config.ts';
import type { GalleryStore } from './gallery-store.ts';
import { CollectionCopies } from './collection-copies.ts';
import { createRecognizerHandlers } from './handlers.ts';
import { enrolStartupGallery } from './startup-gallery.ts';

export type RunningRecognizerService = RunningStageService;

async function loadModels(
  config: RecognizerServiceConfig,
  logger: Logger,
): Promise<{ embedder: Embedder; galleries: GalleryStore }> {
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

/**
 * The face collections SearchCollection answers from, when the recognizer has a store (the orchestrator's: a SQLite
 * file or a MongoDB database): every collection loaded now, then kept current by the orchestrators' events (follow) and
 * a version check every collectionCheckS.
 */
async function openCollections(config: RecognizerServiceConfig, logger: Logger) {
  if (config.storePath === undefined) return undefined;
  const store = await openCollectionStore(config.storePath);
  const copies = new CollectionCopies(store, logger);
  try {
    await copies.loadAll();
  } catch (err) {
    await store.close();
    throw err;
  }
  const check = setInterval(() => {
    copies.reconcile().catch((err: unknown) => logger.warn({ err }, 'collection check failed'));
  }, config.collectionCheckS * 1000);
  check.unref();
  const events = messageCodec('pmr.v1.CollectionEvent');
  return {
    copies,
    follow(bus: JetStreamBus): ConsumerHandle {
      const stop = bus.subscribe(pipelineSubjects.collections(), (data) => {
        let event;
        try {
          event = events.decode(data);
        } catch (err) {
          logger.warn({ err }, 'unreadable collection event ignored');
          return;
        }
        copies.apply(event).catch((err: unknown) => logger.warn({ err, event }, 'collection event not applied'));
      });
      return { inFlight: () => 0, stop: () => Promise.resolve(stop()) };
    },
    async close(): Promise<void> {
      clearInterval(check);
      await store.close();
    },
  };
}

/** Load the model, enrol the start-up gallery and start serving; everything it opens is closed by shutdown(). */
export async function startRecognizerService(
  config: RecognizerServiceConfig,
  logger: Logger,
): Promise<RunningRecognizerService> {
  const { embedder, galleries } = await loadModels(config, logger);
  const collections = await openCollections(config, logger).catch(async (err: unknown) => {
    await embedder.release();
    throw err;
  });
  const release = async (): Promise<void> => {
    await collections?.close();
    await embedder.release();
  };
  const metrics = createServiceMetrics('recognizer');
  const chips = new Counter({
    name: 'pmr_recognizer_chips_total',
    help: 'Chips embedded by Embed.',
    registers: [metrics.registry],
  });
  const queries = new Counter({
    name: 'pmr_recognizer_queries_total',
    help: 'Queries answered by SearchGallery.',
    registers: [metrics.registry],
  });
  const pmr = loadPmrProto().pmr.v1;
  const handlers = createRecognizerHandlers(embedder, galleries, {
    logger,
    model: { id: modelId('mobilefacenet'), dim: EMBEDDING_DIM },
    ...(collections !== undefined && { collections: collections.copies }),
    onChips: (n) => chips.inc(n),
    onQueries: (n) => queries.inc(n),
  });
  const tracks = new Counter({
    name: 'pmr_recognizer_pipeline_tracks_total',
    help: 'Pipeline tracks embedded.',
    registers: [metrics.registry],
  });
  const pipeline = await joinPipeline(
    config.natsUrl,
    'recognizer',
    logger,
    async (bus) => [
      await startRecognizerWorker({ bus, embedder, logger, onChips: (n) => (chips.inc(n), tracks.inc()) }),
      ...(collections === undefined ? [] : [collections.follow(bus)]),
    ],
    metrics,
  ).catch(async (err: unknown) => {
    await release();
    throw err;
  });
  return startStageService({
    ...(pipeline !== undefined && { stopConsumers: () => pipeline.stop() }),
    settings: config,
    logger,
    services: [{ definition: pmr.RecognizerService.service, implementation: handlers }],
    metrics,
    release,
    describe: { galleries: galleries.ids(), collections: collections?.copies.stats ?? null },
  });
}

/** Run the service until SIGTERM/SIGINT; exit 0 after a clean shutdown, 1 otherwise, 2 for bad configuration. */
export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  await runStageServiceMain('recognizer', RECOGNIZER_SERVICE_CONFIG, startRecognizerService, env);
}
