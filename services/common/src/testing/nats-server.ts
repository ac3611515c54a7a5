// The nats-server launcher, as tests use it, and why NATS tests must skip on a machine without nats-server.
import { findNatsServer } from '../nats-server.ts';

export * from '../nats-server.ts';

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Why NATS tests must skip here, or undefined when a nats-server binary is available. */
export function natsServerSkipReason(): string | undefined {
  if (findNatsServer() !== undefined) return undefined;
  const explicit = nonEmpty(process.env['NATS_SERVER_BIN']);
  return explicit !== undefined
    ? `nats-server not found: NATS_SERVER_BIN=${explicit} is not an executable file`
    : 'nats-server not found (set NATS_SERVER_BIN or install the nats-server package)';
}
