// The orchestrator service's composition root: config → logger → job store and collection store (one location: a
// SQLite file or a MongoDB database) → stage clients (enrolment, images) → NATS (pipeline streams, results consumer,
// resumed jobs) → gRPC OrchestratorService, CollectionService and ImageService (health, reflection, metrics) →
// /metrics → SIGTERM/SIGINT → ordered shutdown (consumers first, then the server, then the stores). The only module of
// the service that reads process.env, listens or handles signals.
import { PmrError } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import type { ConsumerHandle } from '@pmr/common/messaging';
import { setUploadsQuota } from '@pmr/common/pipeline';
import { loadPmrProto } from '@pmr/common/proto';
import { Counter } from 'prom-client';
import {
  createServiceMetrics,
  joinPipeline,
  runStageServiceMain,
  startStageService,
  type RunningStageService,
} from '@pmr/common/service';
import { createOrchestratorHandlers } from './api/handlers.ts';
import { createImageHandlers } from './api/image-handlers.ts';
import { collectionEvents, createCollectionHandlers } from './api/collection-handlers.ts';
import { recognizerSearch } from './api/collection-search.ts';
import { DEFAULT_ANALYSIS } from '@pmr/results';
import { redactStoreLocation } from '@pmr/mongo/location';
import { openJobStore } from '@pmr/store';
import { openCollectionStore } from '@pmr/collections';
import { expireEndedJobs } from './job-expiry.ts';
import { announcingStore, jobChanges, type JobChanges } from './job-changes.ts';
import { orchestratorServiceConfig, type OrchestratorServiceConfig } from './config.ts';
import { objectStoreUploads } from './pipeline/object-store-uploads.ts';
import { createPipelineRunner, type PipelineRunner } from './pipeline/pipeline-runner.ts';
import { createStageClients } from './pipeline/stage-clients.ts';

export type RunningOrchestratorService = RunningStageService;

export async function startOrchestratorService(
  config: OrchestratorServiceConfig,
  logger: Logger,
): Promise<RunningOrchestratorService> {
  if (config.natsUrl === undefined)
    throw new PmrError('FAILED_PRECONDITION', 'NATS_URL is required: the orchestrator runs jobs on the pipeline');
  const store = await openJobStore(config.storePath);
  // Face collections live in the same place: beside the jobs' tables in the SQLite file, or the jobs' database.
  const collections = await openCollectionStore(config.storePath).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  const stages = createStageClients(
    { detector: config.detectorAddress, recognizer: config.recognizerAddress, attributes: config.attributesAddress },
    config.maxMessageBytes,
  );
  const expiry = expireEndedJobs({ store, hours: config.jobRetentionHours, logger });
  const release = async (): Promise<void> => {
    clearInterval(expiry);
    stages.close();
    await collections.close();
    await store.close();
  };
  const metrics = createServiceMetrics('orchestrator');
  const jobsEnded = new Counter({
    name: 'pmr_orchestrator_jobs_ended_total',
    help: 'Jobs that ended, by final state.',
    labelNames: ['state'] as const,
    registers: [metrics.registry],
  });
  let runner: PipelineRunner | undefined;
  let changes: JobChanges | undefined;
  const pipeline = await joinPipeline(
    config.natsUrl,
    'orchestrator',
    logger,
    async (bus) => {
      changes = jobChanges(bus);
      runner = createPipelineRunner({
        bus,
        store: announcingStore(store, changes),
        collections,
        stages,
        logger,
        matchThreshold: DEFAULT_ANALYSIS.matchThreshold,
        clusterThreshold: DEFAULT_ANALYSIS.clusterThreshold,
        clusterMinQuality: DEFAULT_ANALYSIS.clusterMinQuality,
        maxRunningJobs: config.maxRunningJobs,
        stallTimeoutMs: config.jobStallTimeoutS * 1000,
        onJobEnded: (state) => jobsEnded.inc({ state }),
      });
      await runner.start();
      const handle: ConsumerHandle = {
        inFlight: () => 0,
        stop: async () => {
          await runner!.stop();
          changes!.close();
        },
      };
      return [handle];
    },
    metrics,
  ).catch(async (err: unknown) => {
    await release();
    throw err;
  });
  if (pipeline === undefined || runner === undefined || changes === undefined)
    throw new PmrError('INTERNAL', 'pipeline did not start');
  await setUploadsQuota(pipeline.bus, config.uploadQuotaBytes);
  const uploads = objectStoreUploads(pipeline.bus);
  const handlers = createOrchestratorHandlers({
    store: announcingStore(store, changes),
    changes,
    collections,
    runner,
    uploads,
    logger,
    maxUploadBytes: config.maxUploadBytes,
    ...(config.mediaRoots !== undefined && { mediaRoots: config.mediaRoots }),
  });
  const pmr = loadPmrProto().pmr.v1;
  return startStageService({
    settings: config,
    logger,
    services: [
      { definition: pmr.OrchestratorService.service, implementation: handlers },
      {
        definition: pmr.CollectionService.service,
        implementation: createCollectionHandlers({
          store: collections,
          stages,
          uploads,
          events: collectionEvents(pipeline.bus),
          search: recognizerSearch(stages),
          logger,
          matchThreshold: DEFAULT_ANALYSIS.matchThreshold,
        }),
      },
      {
        definition: pmr.ImageService.service,
        implementation: createImageHandlers({
          stages,
          uploads,
          logger,
          matchThreshold: DEFAULT_ANALYSIS.matchThreshold,
        }),
      },
    ],
    metrics,
    stopConsumers: () => pipeline.stop(),
    release,
    describe: {
      storePath: redactStoreLocation(config.storePath),
      jobRetentionHours: config.jobRetentionHours,
      maxRunningJobs: config.maxRunningJobs,
      jobStallTimeoutS: config.jobStallTimeoutS,
      mediaRoots: config.mediaRoots ?? null,
    },
  });
}

/** Run the service until SIGTERM/SIGINT; exit 0 after a clean shutdown, 1 otherwise, 2 for bad configuration. */
export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  await runStageServiceMain('orchestrator', orchestratorServiceConfig(env), startOrchestratorService, env);
}
