// The nats-server launcher, as tests use it (the binary found through this process's NATS_SERVER_BIN and PATH), and
// why NATS tests must skip on a machine without nats-server.
import {
  findNatsServer,
  startNatsServer as startNatsServerIn,
  type NatsServerHandle,
  type NatsServerOptions,
} from '../nats-server.ts';

export * from '../nats-server.ts';

/** The launcher's options, with the environment this process's unless given. */
export type TestNatsServerOptions = Omit<NatsServerOptions, 'env'> & { readonly env?: NatsServerOptions['env'] };

/** Start nats-server on a free port, finding the binary in this process's environment unless `options.env` is given. */
export function startNatsServer(options: TestNatsServerOptions = {}): Promise<NatsServerHandle> {
  return startNatsServerIn({ ...options, env: options.env ?? process.env });
}

/** Why NATS tests must skip here, or undefined when a nats-server binary is available. */
export function natsServerSkipReason(): string | undefined {
  if (findNatsServer(process.env) !== undefined) return undefined;
  const explicit = process.env['NATS_SERVER_BIN'];
  return explicit !== undefined && explicit !== ''
    ? `nats-server not found: NATS_SERVER_BIN=${explicit} is not an executable file`
    : 'nats-server not found (set NATS_SERVER_BIN or install the nats-server package)';
}
