// The six services `pmr cluster` runs, as data for the supervisor: each one's entry file and the environment it gets
// on top of the inherited one. Every listener is on loopback on a free port, except the orchestrator's public gRPC
// port, on the address and port asked for; the orchestrator starts last, told where the detector and recognizer
// listen. The listen settings are always given, so a PMR_GRPC_HOST in the user's environment widens nothing. A
// restarted service gets the ports it had, so the addresses the others were given for it still hold.
import { join } from 'node:path';
import type { ServiceEndpoint, ServiceSpec } from './cluster.ts';
import { serviceLogLevel } from './log-level.ts';

export const STAGE_SERVICES = ['decoder', 'detector', 'tracker', 'recognizer', 'attributes'] as const;
export type StageServiceName = (typeof STAGE_SERVICES)[number];

/** The order `pmr cluster` stops its services in: the public API first, then the stages. */
export const CLUSTER_STOP_ORDER = [
  'orchestrator',
  'decoder',
  'tracker',
  'detector',
  'recognizer',
  'attributes',
] as const;

/** The repository root (the folder holding services/). */
export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..', '..');

export interface StageSettings {
  /** nats://host:port of the broker every service uses. */
  readonly natsUrl: string;
  /** The log level asked for (services log at info at least: see log-level.ts). */
  readonly logLevel: string;
  /** Absolute folders the decoder may read videos from. */
  readonly mediaRoots: readonly string[];
  /** Where services/ is (default REPO_ROOT). */
  readonly repoRoot?: string;
  /** The store the recognizer reads face collections from (the orchestrator's); unset: it searches none. */
  readonly storePath?: string;
}

export interface ClusterSettings extends StageSettings {
  /** The IP address the orchestrator's public gRPC port listens on. */
  readonly orchestratorHost: string;
  /** The orchestrator's public gRPC port (0: any free port). */
  readonly orchestratorPort: number;
  /** The orchestrator's job store: a SQLite file, or a MongoDB connection string (PMR_STORE_PATH); the recognizer
   * reads face collections from it. */
  readonly storePath: string;
}

/** A service's entry file: services/<name>/bin/<name>-service.ts. */
export function serviceBin(name: string, repoRoot: string = REPO_ROOT): string {
  return join(repoRoot, 'services', name, 'bin', `${name}-service.ts`);
}

const LOOPBACK = '127.0.0.1';

/** What every service gets: free loopback ports at first, the ports it had when it is restarted. */
function commonEnv(settings: StageSettings, previous: ServiceEndpoint | undefined): Record<string, string> {
  return {
    NATS_URL: settings.natsUrl,
    PMR_LOG_LEVEL: serviceLogLevel(settings.logLevel),
    PMR_GRPC_HOST: LOOPBACK,
    PMR_GRPC_PORT: String(previous?.grpcPort ?? 0),
    PMR_METRICS_HOST: LOOPBACK,
    PMR_METRICS_PORT: String(previous?.metricsPort ?? 0),
  };
}

/** The five stage services, in start order; they start together. */
export function stageServiceSpecs(settings: StageSettings): ServiceSpec[] {
  return STAGE_SERVICES.map((name) => {
    const extra: Record<string, string> =
      name === 'decoder'
        ? { PMR_MEDIA_ROOTS: settings.mediaRoots.join(':') }
        : name === 'recognizer' && settings.storePath !== undefined
          ? { PMR_STORE_PATH: settings.storePath }
          : {};
    return {
      name,
      bin: serviceBin(name, settings.repoRoot),
      env: (_peers, previous) => ({ ...commonEnv(settings, previous), ...extra }),
    };
  });
}

/** The orchestrator: started once the detector and recognizer listen, with their addresses. */
export function orchestratorServiceSpec(settings: ClusterSettings): ServiceSpec {
  const address = (peers: ReadonlyMap<string, ServiceEndpoint>, name: StageServiceName): string => {
    const peer = peers.get(name);
    if (peer === undefined) throw new Error(`the orchestrator needs ${name}, which is not running`);
    return peer.grpcAddress;
  };
  return {
    name: 'orchestrator',
    bin: serviceBin('orchestrator', settings.repoRoot),
    needs: [...STAGE_SERVICES],
    env: (peers, previous) => ({
      ...commonEnv(settings, previous),
      PMR_GRPC_HOST: settings.orchestratorHost,
      PMR_GRPC_PORT: String(previous?.grpcPort ?? settings.orchestratorPort),
      PMR_DETECTOR_ADDR: address(peers, 'detector'),
      PMR_RECOGNIZER_ADDR: address(peers, 'recognizer'),
      PMR_ATTRIBUTES_ADDR: address(peers, 'attributes'),
      PMR_STORE_PATH: settings.storePath,
      // The decoder's roots, so that StartVideoJob refuses a path outside them in the call.
      PMR_MEDIA_ROOTS: settings.mediaRoots.join(':'),
    }),
  };
}

/** All six services, in start order (the orchestrator last). */
export function clusterServiceSpecs(settings: ClusterSettings): ServiceSpec[] {
  return [...stageServiceSpecs(settings), orchestratorServiceSpec(settings)];
}
