// Real MongoDB for tests, in a container started through testcontainers, wherever a container runtime can be reached:
// DOCKER_HOST, or a Docker or Podman socket that answers. A `docker` command with no daemon behind it does not count.
// testcontainers is imported only once a runtime is found, so a machine without one never loads it.
//
// No build machine can have a container runtime, so a missing one is not a missing part in the PMR_REQUIRE_ALL sense:
// the run is skipped, loudly, unless PMR_REQUIRE_MONGODB=1 says that real MongoDB is required here.
import { existsSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { MissingPartError } from '@pmr/common/testing/require-parts';

type Env = Readonly<Record<string, string | undefined>>;

export const MONGODB_IMAGE = 'mongo:8.0';

/** The Docker and Podman sockets looked for when DOCKER_HOST is not set. */
export function runtimeSockets(env: Env): string[] {
  const xdg = env['XDG_RUNTIME_DIR'];
  return [
    '/var/run/docker.sock',
    '/run/podman/podman.sock',
    ...(xdg !== undefined && xdg !== '' ? [join(xdg, 'docker.sock'), join(xdg, 'podman', 'podman.sock')] : []),
  ];
}

function answers(socketPath: string): Promise<boolean> {
  if (!existsSync(socketPath) || !statSync(socketPath).isSocket()) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = connect(socketPath);
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Why no container can be started here, or undefined when DOCKER_HOST is set or a runtime's socket answers. */
export async function containerRuntimeMissing(env: Env = process.env): Promise<string | undefined> {
  const host = env['DOCKER_HOST'];
  if (host !== undefined && host !== '') return undefined;
  for (const socket of runtimeSockets(env)) if (await answers(socket)) return undefined;
  return 'no container runtime (DOCKER_HOST is not set and no Docker or Podman socket answers)';
}

/**
 * Whether the real-MongoDB run must skip: undefined when a container runtime is there; else the reason, printed as a
 * loud skip, or a MissingPartError when PMR_REQUIRE_MONGODB=1. PMR_REQUIRE_ALL does not make this one fail.
 */
export async function realMongoSkipReason(env: Env = process.env): Promise<string | undefined> {
  const missing = await containerRuntimeMissing(env);
  if (missing === undefined) return undefined;
  const reason = `real MongoDB not tested: ${missing}`;
  if (env['PMR_REQUIRE_MONGODB'] === '1') throw new MissingPartError(`PMR_REQUIRE_MONGODB=1 and ${reason}`);
  console.log(
    `# SKIP (no container runtime): ${reason}; looked for ${runtimeSockets(env).join(', ')}. ` +
      'PMR_REQUIRE_MONGODB=1 makes this a failure.',
  );
  return reason;
}

export interface MongoContainerHandle {
  /** A connection string that reaches the container's single-member replica set directly. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts MongoDB (MONGODB_IMAGE) in a container; call only where containerRuntimeMissing answered undefined. */
export async function startMongoContainer(image: string = MONGODB_IMAGE): Promise<MongoContainerHandle> {
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const container = await new MongoDBContainer(image).start();
  return {
    url: `${container.getConnectionString()}/?directConnection=true`,
    stop: async () => {
      await container.stop();
    },
  };
}
