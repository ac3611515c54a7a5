// A service's place in the distributed pipeline: when NATS_URL is set, connect (waiting for the broker if it is not
// up yet, reconnecting forever), make sure the pipeline's streams and buckets exist, and start the service's
// consumers, which skip the messages of stopped jobs (stopped-jobs.ts). What it returns stops them and drains the
// connection: the first step of the ordered shutdown.
import type { Logger } from 'pino';
import { Counter, Gauge, Histogram } from 'prom-client';
import { connectJetStream, type ConsumerHandle, type ConsumerObserver, type JetStreamBus } from '../messaging/index.ts';
import { ensurePipeline } from '../pipeline/pipeline.ts';
import { followStoppedJobs, skippingStoppedJobs, type StoppedJobs } from '../pipeline/stopped-jobs.ts';
import type { ServiceMetrics } from './metrics.ts';

const PIPELINE_BUCKETS_S = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120];

/** Pipeline metrics on the service's registry: messages handled by outcome, handling time, in flight, connection events. */
function pipelineMetrics(metrics: ServiceMetrics): {
  observer: ConsumerObserver;
  onStatus: (event: { type: string }) => void;
} {
  const registers = [metrics.registry];
  const handled = new Counter({
    name: 'pmr_pipeline_messages_total',
    help: 'Pipeline messages handled, by stream, consumer and outcome.',
    labelNames: ['stream', 'consumer', 'outcome'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'pmr_pipeline_message_duration_seconds',
    help: 'Time from a pipeline message reaching its handler to its outcome.',
    labelNames: ['stream', 'consumer'] as const,
    buckets: PIPELINE_BUCKETS_S,
    registers,
  });
  const inFlight = new Gauge({
    name: 'pmr_pipeline_messages_in_flight',
    help: 'Pipeline messages being handled (or held in order) now.',
    labelNames: ['stream', 'consumer'] as const,
    registers,
  });
  const events = new Counter({
    name: 'pmr_nats_connection_events_total',
    help: 'NATS connection events (disconnect, reconnect, error, ...).',
    labelNames: ['type'] as const,
    registers,
  });
  return {
    observer: {
      started: (stream, consumer) => inFlight.inc({ stream, consumer }),
      finished: (stream, consumer, ms, outcome) => {
        inFlight.dec({ stream, consumer });
        duration.observe({ stream, consumer }, ms / 1000);
        handled.inc({ stream, consumer, outcome });
      },
    },
    onStatus: (event) => events.inc({ type: event.type }),
  };
}

export interface RunningPipeline {
  readonly bus: JetStreamBus;
  stop(): Promise<void>;
}

/** Undefined when natsUrl is undefined (the service then serves gRPC only). */
export async function joinPipeline(
  natsUrl: string | undefined,
  name: string,
  logger: Logger,
  startConsumers: (bus: JetStreamBus, stopped: StoppedJobs) => Promise<readonly ConsumerHandle[]>,
  metrics?: ServiceMetrics,
): Promise<RunningPipeline | undefined> {
  if (natsUrl === undefined) return undefined;
  const observe = metrics === undefined ? undefined : pipelineMetrics(metrics);
  const bus = await connectJetStream({
    servers: natsUrl.split(','),
    name: `pmr-${name}-${process.pid}`,
    logger,
    waitForServer: true,
    ...(observe !== undefined && { observer: observe.observer, onStatus: observe.onStatus }),
  });
  try {
    await ensurePipeline(bus).catch(async (err: unknown) => {
      // Several services creating the same streams at once can race; the second attempt finds them.
      logger.debug({ err }, 'pipeline set-up raced; retrying');
      await ensurePipeline(bus);
    });
    const stopped = await followStoppedJobs(bus);
    // Every consumer the service starts acks the messages of stopped jobs without handling them.
    const skipping: JetStreamBus = {
      ...bus,
      consume: (spec) => bus.consume({ ...spec, handler: skippingStoppedJobs(stopped, spec.handler) }),
    };
    const consumers = await startConsumers(skipping, stopped);
    logger.info({ natsUrl }, 'pipeline consumers started');
    return {
      bus,
      async stop() {
        await Promise.all(consumers.map((c) => c.stop()));
        stopped.close();
        await bus.drain();
      },
    };
  } catch (err) {
    await bus.close();
    throw err;
  }
}
