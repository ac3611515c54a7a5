// For a test file of a pipeline worker: a real nats-server with the pipeline's JetStream streams, started before the
// file's tests and stopped after them (node:test hooks), or nothing when `skip` says why it cannot run here.
import { after, before } from 'node:test';
import { connectJetStream, type JetStreamBus } from '../messaging/index.ts';
import { ensurePipeline } from '../pipeline/pipeline.ts';
import { startNatsServer, type NatsServerHandle, type TestNatsServerOptions } from './nats-server.ts';

export interface PipelineBroker {
  /** The connection to the broker; only inside tests (after the `before` hook has run). */
  bus(): JetStreamBus;
}

/** `name`: the connection's name. `skip`: set when the file's tests are skipped, so nothing is started. */
export function usePipelineBroker(name: string, options: { readonly server?: TestNatsServerOptions; readonly skip?: string | undefined } = {}): PipelineBroker {
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
  return {
    bus: () => {
      if (bus === undefined) throw new Error('the pipeline broker is not running (skipped, or used outside a test)');
      return bus;
    },
  };
}
