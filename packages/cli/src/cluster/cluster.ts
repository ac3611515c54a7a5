// The process supervisor behind `pmr cluster`, driven by a list of services given as data: start them (those whose
// `needs` are listening, together), wait for each to log `listening`, and from then on watch them. A service that
// exits on its own is started again after a backoff, on the ports it had (so the others' addresses for it hold), and
// reported through onEvent; one that keeps dying (restart-policy.ts) stops all the others and ends the cluster with
// why. stop() stops them one at a time in a given order, each with SIGTERM and a bounded wait before SIGKILL. A failed
// start stops what had started and rejects with one line saying why.
import { existsSync } from 'node:fs';
import { failedPrecondition, invalidArgument, PmrError } from '@pmr/common';
import { DEFAULT_RESTART_POLICY, DeathCount, restartDelay, type RestartPolicy } from './restart-policy.ts';
import { describeExit, ServiceChild, type ExitStatus } from './service-child.ts';

/** A running service: where it listens, as its servers bound (from its `listening` line). */
export interface ServiceEndpoint {
  readonly name: string;
  readonly pid: number;
  readonly grpcPort: number;
  readonly metricsPort: number;
  /** `host:port` of its gRPC server. */
  readonly grpcAddress: string;
  /** `host:port` of its /metrics endpoint. */
  readonly metricsAddress: string;
}

/** One service of a cluster. */
export interface ServiceSpec {
  readonly name: string;
  /** The service's entry file, run as `node bin`. */
  readonly bin: string;
  /** Services that must be listening before this one starts; their endpoints are passed to `env`. */
  readonly needs?: readonly string[];
  /**
   * Variables on top of the cluster's base environment. `previous`: where this service listened before it died, when
   * it is being restarted (a restart should listen there again).
   */
  readonly env?: (
    peers: ReadonlyMap<string, ServiceEndpoint>,
    previous?: ServiceEndpoint,
  ) => Readonly<Record<string, string>>;
}

export interface ClusterOptions {
  /** The services, in start order (a service starts after those it needs whatever its place). */
  readonly services: readonly ServiceSpec[];
  /** Names in the order stop() stops them; services not named stop afterwards, last started first. */
  readonly stopOrder?: readonly string[];
  /** Base environment of every service (the caller's, from its composition root). */
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** The Node binary (default process.execPath). */
  readonly execPath?: string;
  /** How long one service may take to log `listening` (default 120 s: models load at start-up). */
  readonly startTimeoutMs?: number;
  /** How long one service gets after SIGTERM before SIGKILL (default 15 s). */
  readonly stopTimeoutMs?: number;
  /** Every line a service writes. */
  readonly onOutput?: (service: string, line: string) => void;
  /** When a service that died is restarted and when the supervisor gives up (default DEFAULT_RESTART_POLICY). */
  readonly restart?: RestartPolicy;
  /** A service died and will be restarted, or was restarted. */
  readonly onEvent?: (event: SupervisorEvent) => void;
  /** Aborting it during start-up stops what has started and rejects; after start-up use stop(). */
  readonly signal?: AbortSignal;
}

/** What the supervisor did about a service that died after start-up. */
export type SupervisorEvent =
  | {
      readonly kind: 'exited';
      readonly service: string;
      readonly code: number | null;
      readonly signal: NodeJS.Signals | null;
      /** The last error it reported, on one line. */
      readonly problem: string | undefined;
      /** This restart's number in a row, of at most `of`. */
      readonly restart: number;
      readonly of: number;
      /** The wait before it is started again. */
      readonly delayMs: number;
    }
  | { readonly kind: 'restarted'; readonly service: ServiceEndpoint };

/**
 * Why a cluster ended: stop() was called, or a service kept dying (after `restarts` restarts in a row; the others were
 * then stopped), with how it last ended and the last error it reported.
 */
export type ClusterEnd =
  | { readonly reason: 'stopped' }
  | {
      readonly reason: 'service-exited';
      readonly service: string;
      readonly code: number | null;
      readonly signal: NodeJS.Signals | null;
      readonly restarts: number;
      readonly problem: string | undefined;
    };

export interface RunningCluster {
  /** The services in start order, as they are now (a restarted service has its new pid). */
  readonly services: readonly ServiceEndpoint[];
  /** Resolves once every service has ended, with why. */
  readonly ended: Promise<ClusterEnd>;
  /** Stop every service in the stop order; resolves as `ended` does. Safe to call more than once. */
  stop(): Promise<ClusterEnd>;
  /** SIGKILL every service still running, now (a second Ctrl-C). */
  kill(): void;
}

/** Group the specs into start waves: each wave's services need only services of earlier waves. */
export function startWaves(specs: readonly ServiceSpec[]): ServiceSpec[][] {
  const names = new Set<string>();
  for (const spec of specs) {
    if (names.has(spec.name)) throw invalidArgument(`service ${JSON.stringify(spec.name)} is listed twice`);
    names.add(spec.name);
  }
  for (const spec of specs) {
    const unknown = (spec.needs ?? []).filter((n) => !names.has(n));
    if (unknown.length > 0) throw invalidArgument(`service ${spec.name} needs unknown services: ${unknown.join(', ')}`);
  }
  const waves: ServiceSpec[][] = [];
  const placed = new Set<string>();
  let left = [...specs];
  while (left.length > 0) {
    const wave = left.filter((s) => (s.needs ?? []).every((n) => placed.has(n)));
    if (wave.length === 0) throw invalidArgument(`services need each other: ${left.map((s) => s.name).join(', ')}`);
    for (const s of wave) placed.add(s.name);
    waves.push(wave);
    left = left.filter((s) => !wave.includes(s));
  }
  return waves;
}

/** The order to stop `started` (names in start order) in: `stopOrder` first, then the rest, last started first. */
export function stopSequence(started: readonly string[], stopOrder: readonly string[]): string[] {
  const named = stopOrder.filter((n) => started.includes(n));
  const rest = [...started].reverse().filter((n) => !named.includes(n));
  return [...named, ...rest];
}

/**
 * Start the services; resolves once all are listening. @throws PmrError (one line) when an entry file is missing
 * (nothing is started) or a service fails to start.
 */
export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const waves = startWaves(options.services);
  const missing = options.services.find((s) => !existsSync(s.bin));
  if (missing !== undefined) throw failedPrecondition(`${missing.name} cannot start: ${missing.bin} does not exist`);
  const startTimeoutMs = options.startTimeoutMs ?? 120_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 15_000;
  const policy = options.restart ?? DEFAULT_RESTART_POLICY;
  const specs = new Map(options.services.map((s) => [s.name, s]));
  const children = new Map<string, ServiceChild>();
  const endpoints = new Map<string, ServiceEndpoint>();
  const deaths = new Map<string, DeathCount>();
  const backoffs = new Set<NodeJS.Timeout>();
  let stopping = false;

  const spawnChild = (spec: ServiceSpec, previous?: ServiceEndpoint): ServiceChild => {
    const child = new ServiceChild({
      name: spec.name,
      bin: spec.bin,
      env: { ...options.env, ...spec.env?.(endpoints, previous) },
      cwd: options.cwd ?? process.cwd(),
      execPath: options.execPath ?? process.execPath,
      onLine: (line) => options.onOutput?.(spec.name, line),
    });
    children.set(spec.name, child);
    return child;
  };

  async function stopAll(): Promise<void> {
    stopping = true;
    for (const timer of backoffs) clearTimeout(timer);
    for (const name of stopSequence([...children.keys()], options.stopOrder ?? []))
      await children.get(name)!.stop(stopTimeoutMs);
  }

  // A service that was listening and exits while later ones are still starting fails the start-up.
  let abortStart: (error: PmrError) => void = () => {};
  const startAborted = new Promise<never>((_, reject) => (abortStart = reject));
  startAborted.catch(() => {}); // observed through the race below
  const onAbort = (): void => abortStart(new PmrError('UNAVAILABLE', 'start-up interrupted'));
  if (options.signal?.aborted === true) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let starting = true;

  try {
    for (const wave of waves) {
      const started = wave.map((spec) => spawnChild(spec));
      const listening = await Promise.race([
        Promise.all(started.map((c) => c.listening(startTimeoutMs))),
        startAborted,
      ]);
      started.forEach((child, i) => {
        endpoints.set(child.name, { name: child.name, pid: child.pid, ...listening[i]! });
        deaths.set(child.name, new DeathCount(performance.now()));
        void child.exited.then((status) => {
          if (!stopping && starting)
            abortStart(
              new PmrError('UNAVAILABLE', `${child.name} ${describeExit(status)} while the cluster was starting`),
            );
        });
      });
    }
  } catch (error) {
    await stopAll();
    throw error;
  } finally {
    starting = false;
    options.signal?.removeEventListener('abort', onAbort);
  }

  let resolveEnded: (end: ClusterEnd) => void = () => {};
  const ended = new Promise<ClusterEnd>((resolve) => (resolveEnded = resolve));
  const finish = async (why: ClusterEnd): Promise<ClusterEnd> => {
    if (stopping) return ended;
    await stopAll();
    resolveEnded(why);
    return ended;
  };

  /** `child` (the service's current process) ended: start it again after the backoff, or give up. */
  const onDeath = (name: string, child: ServiceChild, status: ExitStatus): void => {
    if (stopping) return;
    const inARow = deaths.get(name)!.died(performance.now(), policy);
    const delayMs = restartDelay(policy, inARow);
    const problem = child.lastProblem;
    if (delayMs === undefined) {
      void finish({
        reason: 'service-exited',
        service: name,
        code: status.code,
        signal: status.signal,
        restarts: inARow - 1,
        problem,
      });
      return;
    }
    options.onEvent?.({
      kind: 'exited',
      service: name,
      code: status.code,
      signal: status.signal,
      problem,
      restart: inARow,
      of: policy.maxRestarts,
      delayMs,
    });
    const timer = setTimeout(() => {
      backoffs.delete(timer);
      if (!stopping) void restart(name);
    }, delayMs);
    backoffs.add(timer);
  };

  const restart = async (name: string): Promise<void> => {
    const next = spawnChild(specs.get(name)!, endpoints.get(name));
    try {
      const listening = await next.listening(startTimeoutMs);
      if (stopping) return;
      const endpoint: ServiceEndpoint = { name, pid: next.pid, ...listening };
      endpoints.set(name, endpoint);
      deaths.get(name)!.listening(performance.now());
      options.onEvent?.({ kind: 'restarted', service: endpoint });
      watch(name, next);
    } catch {
      // It ended before listening, or did not listen in time (then it is stopped): one more death in a row.
      const status = await next.stop(stopTimeoutMs);
      onDeath(name, next, status);
    }
  };

  const watch = (name: string, child: ServiceChild): void =>
    void child.exited.then((status) => onDeath(name, child, status));
  for (const [name, child] of children) watch(name, child);
  return {
    get services() {
      return [...endpoints.values()];
    },
    ended,
    stop: () => finish({ reason: 'stopped' }),
    kill() {
      for (const child of children.values()) child.kill();
    },
  };
}
