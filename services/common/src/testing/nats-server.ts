// The nats-server launcher, as tests use it, and why NATS tests must skip on a machine without nats-server.
import { findNatsServer } from '../nats-server.ts';

export * from '../nats-server.ts';

/** Why NATS tests must skip here, or undefined when a nats-server binary is available. */
export function natsServerSkipReason(): string | undefined {
  return findNatsServer() === undefined
    ? 'nats-server not found (set NATS_SERVER_BIN or install the nats-server package); NATS tests skipped'
    : undefined;
}
