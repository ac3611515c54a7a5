// For a test file of a pipeline worker: a real nats-server with the pipeline's JetStream streams, started before the
// file's tests and stopped after them (node:test hooks), or nothing when `skip` says why it cannot run here.
import { after, before } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectJetStream, type JetStreamBus } from '../messaging/index.ts';
import { ensurePipeline } from '../pipeline/pipeline.ts';
import { startNatsServer, type NatsServerHandle, type TestNatsServerOptions } from './nats-server.ts';

export interface PipelineBroker {
  /** The connection to the broker; only inside tests (after the `before` hook has run). */
  bus(): JetStreamBus;
  /** The broker's address, for another connection (a worker in a child process); only inside tests. */
  url(): string;
  /**
   * Resolves once every one of `streams` holds no message: the pipeline's streams are work queues, so each message
   * was acked or terminated by its consumer. A stage publishes what a message makes before acking it, so once its
   * input stream is empty it has nothing more to publish, and once an output stream is empty its consumer has
   * handled everything published to it. Rejects after `timeoutMs` (default 20 s) naming the streams still holding
   * messages.
   */
  emptied(streams: readonly string[], timeoutMs?: number): Promise<void>;
}

/** `name`: the connection's name. `skip`: set when the file's tests are skipped, so nothing is started. */
export function usePipelineBroker(
  name: string,
  options: { readonly server?: TestNatsServerOptions; readonly skip?: string | undefined } = {},
): PipelineBroker {
  let server: NatsServerHandle | undefined;
  let bus: JetStreamBus | undefined;
  before(async () => {
    if (options.skip !== undefined) return;
    server = await startNatsServer(options.server);
    bus = await connectJetStream({ servers: server.url, name });
    await ensurePipeline(bus);
  });
  after(async () => {
    await bus?.close();
    await server?.stop();
  });
  const running = (): JetStreamBus => {
    if (bus === undefined) throw new Error('the pipeline broker is not running (skipped, or used outside a test)');
    return bus;
  };
  return {
    bus: running,
    url: () => {
      if (server === undefined) throw new Error('the pipeline broker is not running (skipped, or used outside a test)');
      return server.url;
    },
    async emptied(streams, timeoutMs = 20_000) {
      const b = running();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const counts = await Promise.all(streams.map(async (s) => [s, (await b.streamState(s)).messages] as const));
        const holding = counts.filter(([, n]) => n > 0);
        if (holding.length === 0) return;
        if (Date.now() > deadline)
          throw new Error(
            `streams still holding messages after ${timeoutMs} ms: ${holding.map(([s, n]) => `${s} ${n}`).join(', ')}`,
          );
        await sleep(20);
      }
    },
  };
}
