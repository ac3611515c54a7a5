// `pmr cluster`: the whole distributed runtime on one machine. Uses NATS_URL, or starts a local nats-server with
// JetStream; starts the six services through the supervisor; prints where each listens and "ready"; forwards their
// output to stderr, prefixed with their names; reports each service that dies and is restarted; and stops
// everything, in order, when told to or when a service (or the nats-server it started) keeps dying.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { failedPrecondition, invalidArgument } from '@pmr/common';
import { startNatsServer, type NatsServerHandle } from '@pmr/common/nats-server';
import { isMongoUrl, redactStoreLocation } from '@pmr/mongo/location';
import {
  startCluster,
  type ClusterEnd,
  type RunningCluster,
  type ServiceEndpoint,
  type ServiceSpec,
  type SupervisorEvent,
} from './cluster.ts';
import { shownPath } from '../path-checks.ts';
import { shownAt } from './log-level.ts';
import { DEFAULT_RESTART_POLICY, DeathCount, restartDelay, type RestartPolicy } from './restart-policy.ts';
import { describeExit } from './service-child.ts';
import { CLUSTER_STOP_ORDER, clusterServiceSpecs, type ClusterSettings } from './service-specs.ts';

export interface ClusterCommandOptions {
  /** The IP address the orchestrator's public gRPC port listens on. */
  readonly listen: string;
  /** The orchestrator's public gRPC port. */
  readonly port: number;
  /** Folders the decoder may read videos from (relative to cwd); empty: cwd. */
  readonly mediaRoots: readonly string[];
  /** JetStream store of a local nats-server; default a temporary folder. */
  readonly natsStore: string | undefined;
  /** The orchestrator's job store file; default jobs.db in the temporary folder (removed when the cluster stops). */
  readonly store: string | undefined;
  /** The level of service log lines shown on stderr. */
  readonly logLevel: string;
}

export interface ClusterIo {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Aborted: stop the cluster in order (the first Ctrl-C or SIGTERM). */
  readonly stopSignal: AbortSignal;
  /** Aborted: SIGKILL every service now (a second Ctrl-C). */
  readonly killSignal?: AbortSignal;
  /** Which services to run (default clusterServiceSpecs); for tests. */
  readonly services?: (settings: ClusterSettings) => ServiceSpec[];
  /** How long a service may take to start (default the supervisor's). */
  readonly startTimeoutMs?: number;
  /** When services that die are restarted (default the supervisor's); for tests. */
  readonly restart?: RestartPolicy;
}

const NAME_WIDTH = 12;

/** The line printed for one running service. */
export function serviceLine(service: ServiceEndpoint): string {
  return `${service.name.padEnd(NAME_WIDTH)} pid ${service.pid}  grpc ${service.grpcAddress}  metrics ${service.metricsAddress}`;
}

/** Whether `address` (`host:port` as bound) is reachable from this machine only. */
export function isLoopback(address: string): boolean {
  const host = address.slice(0, address.lastIndexOf(':')).replace(/^\[(.*)\]$/, '$1');
  return host.startsWith('127.') || host === '::1' || host.startsWith('::ffff:127.');
}

/** The media roots as absolute folders; each must exist. @throws PmrError naming the first that does not. */
export function resolveMediaRoots(roots: readonly string[], cwd: string): string[] {
  const absolute = (roots.length === 0 ? [cwd] : roots).map((r) => resolve(cwd, r));
  for (const root of absolute) {
    if (!existsSync(root) || !statSync(root).isDirectory())
      throw invalidArgument(`--media-root ${shownPath(root)} is not a folder`);
    if (root.includes(':'))
      throw invalidArgument(`--media-root ${shownPath(root)} contains ':', which separates PMR_MEDIA_ROOTS entries`);
  }
  return absolute;
}

async function brokerFor(
  env: NodeJS.ProcessEnv,
  storeDir: string,
  onExit: (why: string) => void,
): Promise<{ url: string; server: NatsServerHandle | undefined }> {
  const given = env.NATS_URL;
  if (given !== undefined && given !== '') return { url: given, server: undefined };
  try {
    const server = await startNatsServer({
      env,
      storeDir,
      ownProcessGroup: true,
      onUnexpectedExit: (code, signal) =>
        onExit(signal !== null ? `was killed by ${signal}` : `exited with code ${String(code)}`),
    });
    return { url: server.url, server };
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw failedPrecondition(`could not start nats-server (${why}); install nats-server or set NATS_URL`);
  }
}

/** `detector was killed by SIGKILL` or `… exited with code 3 (its last error)`. */
function exitLine(
  service: string,
  status: { code: number | null; signal: NodeJS.Signals | null },
  problem: string | undefined,
): string {
  return `${service} ${describeExit(status)}${problem === undefined ? '' : ` (${problem})`}`;
}

/** The line for a service that died and is being restarted, or that was restarted. */
export function eventLine(event: SupervisorEvent): string {
  if (event.kind === 'restarted') {
    const s = event.service;
    return `${s.name} restarted: pid ${s.pid}  grpc ${s.grpcAddress}  metrics ${s.metricsAddress}`;
  }
  const delay = `${event.delayMs / 1000} s`;
  return `${exitLine(event.service, event, event.problem)}; restarting it in ${delay} (restart ${event.restart} of ${event.of})`;
}

function endMessage(end: ClusterEnd): string | undefined {
  if (end.reason === 'stopped') return undefined;
  if (end.restarts === 0) return `${exitLine(end.service, end, end.problem)}; stopped the other services`;
  const last = end.problem === undefined ? '' : ` (last error: ${end.problem})`;
  return `${end.service} ${describeExit(end)} after ${end.restarts} restarts in a row${last}; gave up and stopped the other services`;
}

/**
 * The orchestrator's job store for `--store`: a MongoDB connection string as given, a file path resolved against `cwd`,
 * and without the flag `jobs.db` in the cluster's temporary folder `workDir`.
 */
export function clusterStoreLocation(store: string | undefined, workDir: string, cwd: string): string {
  if (store === undefined) return join(workDir, 'jobs.db');
  return isMongoUrl(store) ? store : resolve(cwd, store);
}

/**
 * Run the cluster until `stopSignal` or until a service exits on its own. Returns the exit code: 0 when stopped,
 * 1 when a service or the local nats-server died. @throws PmrError (one line) when it cannot start.
 */
export async function runCluster(cmd: ClusterCommandOptions, io: ClusterIo): Promise<number> {
  const mediaRoots = resolveMediaRoots(cmd.mediaRoots, io.cwd);
  const workDir = mkdtempSync(join(tmpdir(), 'pmr-cluster-'));
  let cluster: RunningCluster | undefined;
  let brokerDied: string | undefined;
  /** The cluster has ended: nothing is restarted any more. */
  let closing = false;
  const killAll = (): void => cluster?.kill();
  process.once('exit', killAll); // never leave services behind, whatever happens to this process
  io.killSignal?.addEventListener('abort', killAll, { once: true });
  let broker: Awaited<ReturnType<typeof brokerFor>> | undefined;
  try {
    // The nats-server this command started is restarted on its port and store when it dies, under the services'
    // restart policy (the services reconnect by themselves); after too many deaths in a row the cluster stops.
    const policy = io.restart ?? DEFAULT_RESTART_POLICY;
    const brokerDeaths = new DeathCount(performance.now());
    const restartBroker = (why: string): void => {
      if (closing || io.stopSignal.aborted || brokerDied !== undefined) return;
      const deaths = brokerDeaths.died(performance.now(), policy);
      const delay = restartDelay(policy, deaths);
      if (delay === undefined) {
        brokerDied = `nats-server ${why} after ${brokerDeaths.restarts} restarts in a row; gave up and stopped the services`;
        void cluster?.stop();
        return;
      }
      io.stderr.write(
        `pmr: nats-server ${why}; restarting it in ${delay / 1000} s (restart ${deaths} of ${policy.maxRestarts})\n`,
      );
      setTimeout(() => {
        if (closing || io.stopSignal.aborted || broker?.server === undefined) return;
        broker.server.start().then(
          () => {
            brokerDeaths.listening(performance.now());
            io.stderr.write(`pmr: nats-server restarted at ${broker?.url ?? ''}\n`);
          },
          (err: unknown) =>
            restartBroker(`did not start again (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`),
        );
      }, delay);
    };
    broker = await brokerFor(
      io.env,
      cmd.natsStore === undefined ? join(workDir, 'nats') : resolve(io.cwd, cmd.natsStore),
      restartBroker,
    );
    if (broker.server === undefined && cmd.natsStore !== undefined)
      io.stderr.write('pmr: NATS_URL is set, so --nats-store is not used\n');
    io.stderr.write(
      broker.server === undefined
        ? `pmr: using NATS at ${broker.url}\n`
        : `pmr: started nats-server at ${broker.url}, JetStream store ${broker.server.storeDir}\n`,
    );
    const storePath = clusterStoreLocation(cmd.store, workDir, io.cwd);
    io.stderr.write(
      `pmr: job store ${redactStoreLocation(storePath)}${cmd.store === undefined ? ' (temporary: removed when the cluster stops; --store FILE keeps it)' : ''}\n`,
    );
    const settings: ClusterSettings = {
      natsUrl: broker.url,
      logLevel: cmd.logLevel,
      mediaRoots,
      orchestratorHost: cmd.listen,
      orchestratorPort: cmd.port,
      storePath,
    };
    try {
      cluster = await startCluster({
        services: (io.services ?? clusterServiceSpecs)(settings),
        stopOrder: CLUSTER_STOP_ORDER,
        env: io.env,
        cwd: io.cwd,
        onOutput: (service, line) => {
          if (shownAt(line, cmd.logLevel)) io.stderr.write(`${service.padEnd(NAME_WIDTH)} | ${line}\n`);
        },
        onEvent: (event) => io.stderr.write(`pmr: ${eventLine(event)}\n`),
        signal: io.stopSignal,
        ...(io.startTimeoutMs !== undefined && { startTimeoutMs: io.startTimeoutMs }),
        ...(io.restart !== undefined && { restart: io.restart }),
      });
    } catch (err) {
      if (io.stopSignal.aborted) return 0;
      throw err;
    }
    for (const service of cluster.services) io.stdout.write(`${serviceLine(service)}\n`);
    const front = cluster.services.at(-1);
    if (front !== undefined && !isLoopback(front.grpcAddress)) {
      io.stderr.write(
        `pmr: warning: the orchestrator at ${front.grpcAddress} accepts connections from other machines, without authentication: ` +
          'anyone who reaches it can start jobs and read their results\n',
      );
    }
    io.stdout.write(`ready ${front?.grpcAddress ?? ''}\n`);
    const running = cluster;
    const onStop = (): void => void running.stop();
    if (io.stopSignal.aborted || brokerDied !== undefined) onStop();
    io.stopSignal.addEventListener('abort', onStop, { once: true });
    const end = await cluster.ended;
    closing = true;
    io.stopSignal.removeEventListener('abort', onStop);
    const problem = brokerDied ?? endMessage(end);
    if (problem === undefined) return 0;
    io.stderr.write(`pmr: ${problem}\n`);
    return 1;
  } finally {
    closing = true;
    await broker?.server?.stop();
    rmSync(workDir, { recursive: true, force: true });
    io.killSignal?.removeEventListener('abort', killAll);
    process.off('exit', killAll);
  }
}
