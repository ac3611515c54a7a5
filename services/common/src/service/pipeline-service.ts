// A service's place in the distributed pipeline: when NATS_URL is set, connect (waiting for the broker if it is not
// up yet, reconnecting forever), make sure the pipeline's streams and buckets exist, and start the service's
// consumers. What it returns stops them and drains the connection: the first step of the ordered shutdown.
import type { Logger } from 'pino';
import { connectJetStream, ensurePipeline, type ConsumerHandle, type JetStreamBus } from '../messaging/index.ts';

export interface RunningPipeline {
  readonly bus: JetStreamBus;
  stop(): Promise<void>;
}

/** Undefined when natsUrl is undefined (the service then serves gRPC only). */
export async function joinPipeline(
  natsUrl: string | undefined,
  name: string,
  logger: Logger,
  startConsumers: (bus: JetStreamBus) => Promise<readonly ConsumerHandle[]>,
): Promise<RunningPipeline | undefined> {
  if (natsUrl === undefined) return undefined;
  const bus = await connectJetStream({ servers: natsUrl.split(','), name: `pmr-${name}-${process.pid}`, logger, waitForServer: true });
  try {
    await ensurePipeline(bus).catch(async (err: unknown) => {
      // Several services creating the same streams at once can race; the second attempt finds them.
      logger.debug({ err }, 'pipeline set-up raced; retrying');
      await ensurePipeline(bus);
    });
    const consumers = await startConsumers(bus);
    logger.info({ natsUrl }, 'pipeline consumers started');
    return {
      bus,
      async stop() {
        await Promise.all(consumers.map((c) => c.stop()));
        await bus.drain();
      },
    };
  } catch (err) {
    await bus.close();
    throw err;
  }
}
