// A PMR gRPC server: the stage's services plus the standard health service (grpc.health.v1, with Check, Watch
// and List) and server reflection (v1 and v1alpha) limited to the services it serves, message size limits, and
// the metrics interceptor. bindAsync only: grpc-js starts serving on bind (server.start() is deprecated).
import {
  Server,
  ServerCredentials,
  type ChannelOptions,
  type ServerInterceptor,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import { loadReflectionDefinition } from '../proto/descriptors.ts';
import { messageSizeOptions, PMR_MAX_MESSAGE_BYTES } from '../proto/limits.ts';

export type { ServingStatus };

/** One service to serve: the definition from the loaded proto and its (generated-type) handlers. */
export interface ServiceBinding {
  readonly definition: ServiceDefinition;
  readonly implementation: UntypedServiceImplementation;
}

export interface GrpcServerOptions {
  /** Interface to listen on: `127.0.0.1` for local use, `0.0.0.0` (or `::`) where other machines must reach it. */
  readonly host: string;
  /** Port to listen on; 0 picks a free one (tests), reported in the result. */
  readonly port: number;
  readonly services: readonly ServiceBinding[];
  /**
   * What reflection describes (default loadReflectionDefinition(): the compiled descriptors of every PMR file, its
   * imports and the health service); it lists only the services served here and health.
   */
  readonly reflection?: PackageDefinition;
  /** Largest message in either direction (default PMR_MAX_MESSAGE_BYTES); a larger request gets RESOURCE_EXHAUSTED. */
  readonly maxMessageBytes?: number;
  /** Server interceptors, e.g. ServiceMetrics.interceptor. */
  readonly interceptors?: readonly ServerInterceptor[];
  /** Health status of every served service and of the server ('') once bound (default SERVING). */
  readonly initialStatus?: ServingStatus;
}

export interface RunningGrpcServer {
  readonly server: Server;
  /** The bound port (the real one when 0 was asked for). */
  readonly port: number;
  /** The first of `addresses`. */
  readonly address: string;
  /** `host:port` of every socket bound, as the kernel reports it (a name such as `localhost` may bind several). */
  readonly addresses: readonly string[];
  /** Fully-qualified names of the served services (`pmr.v1.DetectorService`), as health and reflection know them. */
  readonly serviceNames: readonly string[];
  /** Set the health status of one served service, or of all of them and the server ('') when none is named. */
  setServingStatus(status: ServingStatus, serviceName?: string): void;
}

/** The standard health service's name. */
export const HEALTH_SERVICE = 'grpc.health.v1.Health';

/** `pmr.v1.DetectorService` from a definition's method paths (`/pmr.v1.DetectorService/Detect`). */
export function serviceNameOf(definition: ServiceDefinition): string {
  const names = new Set(Object.values(definition).map((method) => /^\/([^/]+)\//.exec(method.path)?.[1]));
  const [name, ...rest] = [...names];
  if (name === undefined || rest.length > 0)
    throw new Error(`a service definition must have methods of one service, got ${[...names].join(', ')}`);
  return name;
}

/** `host:port`, with an IPv6 host in brackets. */
function hostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * A grpc-js Server that keeps the address of every socket it binds. grpc-js registers each listening socket, with the
 * address its http2 server reports (`server.address()`), through this hook; it has no other way to tell.
 */
class AddressRecordingServer extends Server {
  readonly bound: string[] = [];
  protected override experimentalRegisterListenerToChannelz(
    boundAddress: Parameters<Server['experimentalRegisterListenerToChannelz']>[0],
  ) {
    if ('host' in boundAddress) this.bound.push(hostPort(boundAddress.host, boundAddress.port));
    return super.experimentalRegisterListenerToChannelz(boundAddress);
  }
}

/** Build, register and bind the server; resolves once it is listening. */
export async function startGrpcServer(options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const channelOptions: ChannelOptions = messageSizeOptions(options.maxMessageBytes ?? PMR_MAX_MESSAGE_BYTES);
  const server = new AddressRecordingServer({ ...channelOptions, interceptors: [...(options.interceptors ?? [])] });
  const serviceNames = options.services.map((s) => serviceNameOf(s.definition));
  for (const { definition, implementation } of options.services) server.addService(definition, implementation);

  const health = new HealthImplementation(
    Object.fromEntries(['', ...serviceNames].map((name) => [name, 'NOT_SERVING'])),
  );
  health.addToServer(server);
  // Reflection describes the health service too, so grpcurl and friends can call it without a .proto file.
  new ReflectionService(options.reflection ?? loadReflectionDefinition(), {
    services: [HEALTH_SERVICE, ...serviceNames],
  }).addToServer(server);

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(hostPort(options.host, options.port), ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    );
  });
  const setServingStatus = (status: ServingStatus, serviceName?: string): void => {
    if (serviceName !== undefined) {
      if (!serviceNames.includes(serviceName))
        throw new Error(`${serviceName} is not served here (${serviceNames.join(', ')})`);
      health.setStatus(serviceName, status);
      return;
    }
    for (const name of ['', ...serviceNames]) health.setStatus(name, status);
  };
  setServingStatus(options.initialStatus ?? 'SERVING');
  const addresses = server.bound.length > 0 ? [...server.bound] : [hostPort(options.host, port)];
  return { server, port, address: addresses[0]!, addresses, serviceNames, setServingStatus };
}
