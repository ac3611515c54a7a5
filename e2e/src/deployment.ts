// A distributed PMR deployment for end-to-end tests: a real nats-server (JetStream on disk) on a free port and each
// service as its own process, started and stopped one by one so that tests can run two replicas of a worker, kill one,
// restart the broker or the orchestrator. Services log JSON lines; each process's lines are kept for assertions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNatsServer, type NatsServerHandle } from '@pmr/common/testing/nats-server';
import { startServiceProcess, type ServiceProcess } from '@pmr/common/testing/service-process';
import { dataDir, repoRoot } from './paths.ts';

export type ServiceName = 'decoder' | 'detector' | 'tracker' | 'recognizer' | 'attributes' | 'orchestrator';

export interface RunningService extends ServiceProcess {
  readonly name: ServiceName;
  readonly address: string;
}

export interface DeploymentOptions {
  /** Replicas per worker (default 1 each). */
  readonly replicas?: Partial<Record<'detector' | 'recognizer', number>>;
  /** Extra environment for every service. */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra environment for the orchestrator only (after `env`). */
  readonly orchestratorEnv?: Readonly<Record<string, string>>;
  /**
   * The store of the orchestrator and the recognizers (PMR_STORE_PATH), e.g. a mongodb:// URL; default a SQLite file in
   * the deployment's temporary folder.
   */
  readonly store?: string;
}

export interface Deployment {
  readonly nats: NatsServerHandle;
  /** The store's location: the SQLite file, or the `store` option as given. */
  readonly storePath: string;
  /** Running processes per service, in start order (killed ones are removed). */
  readonly services: Map<ServiceName, RunningService[]>;
  /** The orchestrator's gRPC address (host:port); stays the same across restartOrchestrator(). */
  orchestratorAddress(): string;
  /** Start one more process of a service. */
  start(name: ServiceName): Promise<RunningService>;
  /** Kill one process (SIGKILL by default; SIGSEGV looks like a crash inside it) and wait for it to exit. */
  kill(service: RunningService, signal?: NodeJS.Signals): Promise<void>;
  /** Stop the orchestrator (SIGKILL: a crash) and start it again on the same port with the same store. */
  restartOrchestrator(): Promise<RunningService>;
  /** SIGTERM every service, then stop the broker and remove its files. */
  stop(): Promise<void>;
}

const bin = (name: ServiceName): string => join(repoRoot, 'services', name, 'bin', `${name}-service.ts`);

function exited(service: RunningService): Promise<void> {
  return new Promise((resolve) => {
    if (service.child.exitCode !== null || service.child.signalCode !== null) resolve();
    else service.child.once('exit', () => resolve());
  });
}

export async function startDeployment(options: DeploymentOptions = {}): Promise<Deployment> {
  const nats = await startNatsServer();
  const work = mkdtempSync(join(tmpdir(), 'pmr-e2e-'));
  const storePath = options.store ?? join(work, 'jobs.db');
  const services = new Map<ServiceName, RunningService[]>();
  let orchestratorPort = 0;

  const envFor = (name: ServiceName): Record<string, string> => {
    const env: Record<string, string> = { NATS_URL: nats.url, PMR_LOG_LEVEL: 'info', ...options.env };
    if (name === 'decoder') env.PMR_MEDIA_ROOTS = dataDir;
    if (name === 'recognizer') env.PMR_STORE_PATH = storePath;
    if (name === 'orchestrator') {
      const detector = services.get('detector')?.[0];
      const recognizer = services.get('recognizer')?.[0];
      const attributes = services.get('attributes')?.[0];
      if (detector === undefined || recognizer === undefined || attributes === undefined)
        throw new Error('start a detector, a recognizer and an attributes service before the orchestrator');
      Object.assign(env, {
        PMR_DETECTOR_ADDR: detector.address,
        PMR_RECOGNIZER_ADDR: recognizer.address,
        PMR_ATTRIBUTES_ADDR: attributes.address,
        PMR_STORE_PATH: storePath,
        PMR_GRPC_PORT: String(orchestratorPort),
        PMR_MEDIA_ROOTS: dataDir,
        ...options.orchestratorEnv,
      });
    }
    return env;
  };

  const start = async (name: ServiceName): Promise<RunningService> => {
    const p = await startServiceProcess(bin(name), { cwd: repoRoot, env: envFor(name), timeoutMs: 120_000 });
    const service: RunningService = Object.assign(p, { name, address: `127.0.0.1:${p.grpcPort}` });
    services.set(name, [...(services.get(name) ?? []), service]);
    if (name === 'orchestrator') orchestratorPort = p.grpcPort;
    return service;
  };

  const remove = (service: RunningService): void => {
    services.set(
      service.name,
      (services.get(service.name) ?? []).filter((s) => s !== service),
    );
  };

  const stopAll = async (): Promise<void> => {
    const order: ServiceName[] = ['orchestrator', 'decoder', 'tracker', 'detector', 'recognizer', 'attributes'];
    for (const name of order) {
      for (const s of services.get(name) ?? []) {
        s.child.kill('SIGTERM');
        const timer = setTimeout(() => s.child.kill('SIGKILL'), 15_000);
        await exited(s);
        clearTimeout(timer);
      }
      services.delete(name);
    }
    await nats.stop();
    rmSync(work, { recursive: true, force: true });
  };

  try {
    const first: ServiceName[] = ['decoder', 'tracker', 'attributes'];
    // Every start is awaited, even after one failed, so that stopAll stops each service that did start.
    const started = await Promise.allSettled([
      ...first.map((n) => start(n)),
      ...Array.from({ length: options.replicas?.detector ?? 1 }, () => start('detector')),
      ...Array.from({ length: options.replicas?.recognizer ?? 1 }, () => start('recognizer')),
    ]);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    await start('orchestrator');
  } catch (err) {
    await stopAll();
    throw err;
  }

  return {
    nats,
    storePath,
    services,
    orchestratorAddress: () => `127.0.0.1:${orchestratorPort}`,
    start,
    async kill(service, signal = 'SIGKILL') {
      service.child.kill(signal);
      await exited(service);
      remove(service);
    },
    async restartOrchestrator() {
      const old = services.get('orchestrator')?.[0];
      if (old !== undefined) {
        old.child.kill('SIGKILL');
        await exited(old);
        remove(old);
      }
      return start('orchestrator');
    },
    stop: stopAll,
  };
}

/** Read a Prometheus counter (summed over its label sets) from a service's /metrics endpoint. */
export async function readCounter(service: RunningService, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`))
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}
