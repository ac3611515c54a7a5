// The attributes service's composition root: config → logger → expression and age/gender models → gRPC server
// (health, reflection, metrics interceptor) → /metrics endpoint → SIGTERM/SIGINT → ordered shutdown. The only
// module of the service that reads process.env, listens or handles signals.
import type { Logger } from '@pmr/common/logger';
import { loadPmrProto } from '@pmr/common/proto';
import { resolveModel } from '@pmr/models';
import { Counter } from 'prom-client';
import { createAttributeAnalyzer, type AttributeAnalyzer } from '../analyzer.ts';
import { startAttributesWorker } from './pipeline-worker.ts';
import { createAttributesHandlers } from './analyze-handler.ts';
import {
  createServiceMetrics,
  joinPipeline,
  runStageServiceMain,
  startStageService,
  type RunningStageService,
} from './common-bridge.ts';
import { ATTRIBUTES_SERVICE_CONFIG, type AttributesServiceConfig } from './config.ts';

export type RunningAttributesService = RunningStageService;

async function loadAnalyzer(config: AttributesServiceConfig, logger: Logger): Promise<AttributeAnalyzer> {
  const expressionModelPath = await resolveModel('expression', { modelsDir: config.modelsDir });
  const ageGenderModelPath =
    config.ageGender === 'none' ? undefined : await resolveModel('agegender', { modelsDir: config.modelsDir });
  const analyzer = await createAttributeAnalyzer({ expressionModelPath, ageGenderModelPath, threads: config.threads });
  logger.info(
    { expressionModelPath, ageGender: config.ageGender, ageGenderModelPath, threads: config.threads },
    'models loaded',
  );
  return analyzer;
}

/** Load the models and start serving; everything it opens is closed by the returned shutdown(). */
export async function startAttributesService(
  config: AttributesServiceConfig,
  logger: Logger,
): Promise<RunningAttributesService> {
  const analyzer = await loadAnalyzer(config, logger);
  const metrics = createServiceMetrics('attributes');
  const chips = new Counter({
    name: 'pmr_attributes_chips_total',
    help: 'Chips analysed by Analyze.',
    registers: [metrics.registry],
  });
  const pmr = loadPmrProto().pmr.v1;
  const handlers = createAttributesHandlers(analyzer, { logger, onChips: (n) => chips.inc(n) });
  const pipeline = await joinPipeline(
    config.natsUrl,
    'attributes',
    logger,
    async (bus) => [await startAttributesWorker({ bus, analyzer, logger, onChips: (n) => chips.inc(n) })],
    metrics,
  ).catch(async (err: unknown) => {
    await analyzer.release();
    throw err;
  });
  return startStageService({
    ...(pipeline !== undefined && { stopConsumers: () => pipeline.stop() }),
    settings: config,
    logger,
    services: [{ definition: pmr.AttributesService.service, implementation: handlers }],
    metrics,
    release: () => analyzer.release(),
  });
}

/** Run the service until SIGTERM/SIGINT; exit 0 after a clean shutdown, 1 otherwise, 2 for bad configuration. */
export async function main(env: Readonly<Record<string, string | undefined>> = process.env): Promise<void> {
  await runStageServiceMain('attributes', ATTRIBUTES_SERVICE_CONFIG, startAttributesService, env);
}
