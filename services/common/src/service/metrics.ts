// Prometheus metrics for one service process: its own prom-client registry (never the global one, so tests can
// run several services in one process), gRPC request counters, a latency histogram and an in-flight gauge
// filled by a grpc-js server interceptor, and an HTTP endpoint serving /metrics on its own port.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServerInterceptingCall, status as grpcStatus, type ServerInterceptor } from '@grpc/grpc-js';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The metrics every PMR service exports; stage-specific ones register on `registry`. */
export interface ServiceMetrics {
  readonly registry: Registry;
  /** gRPC calls finished, by service, method and status code name. */
  readonly requests: Counter<'service' | 'method' | 'code'>;
  /** gRPC call latency in seconds, from the call's start to its status. */
  readonly latency: Histogram<'service' | 'method'>;
  /** gRPC calls started and not yet finished. */
  readonly inFlight: Gauge<'service' | 'method'>;
  /** The server interceptor that fills the three above; startGrpcServer installs it. */
  readonly interceptor: ServerInterceptor;
}

const LATENCY_BUCKETS_S = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const CODE_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(grpcStatus)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([name, code]) => [code, name]),
);

/** `/pmr.v1.DetectorService/Detect` → service `pmr.v1.DetectorService`, method `Detect`. */
export function splitMethodPath(path: string): { service: string; method: string } {
  const match = /^\/([^/]+)\/([^/]+)$/.exec(path);
  return match === null ? { service: 'unknown', method: path } : { service: match[1]!, method: match[2]! };
}

/**
 * A fresh registry with the process's default metrics (CPU, memory, event loop) labelled `service=<name>`, and
 * the gRPC request metrics. Calls the transport ends itself (client cancel, deadline, a message over the size
 * limit) reach no handler status and are counted with code CANCELLED.
 */
export function createServiceMetrics(
  serviceName: string,
  options: { readonly defaultMetrics?: boolean } = {},
): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service_name: serviceName });
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'pmr_grpc_requests_total',
    help: 'gRPC calls finished, by service, method and status code.',
    labelNames: ['service', 'method', 'code'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'pmr_grpc_request_duration_seconds',
    help: 'gRPC call latency from start to status, in seconds.',
    labelNames: ['service', 'method'] as const,
    buckets: LATENCY_BUCKETS_S,
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'pmr_grpc_requests_in_flight',
    help: 'gRPC calls started and not yet finished.',
    labelNames: ['service', 'method'] as const,
    registers: [registry],
  });

  const interceptor: ServerInterceptor = (descriptor, call) => {
    const labels = splitMethodPath(descriptor.path);
    let started = 0;
    let finished = false;
    const finish = (code: number): void => {
      if (finished || started === 0) return;
      finished = true;
      inFlight.dec(labels);
      latency.observe(labels, (performance.now() - started) / 1000);
      requests.inc({ ...labels, code: CODE_NAMES.get(code) ?? String(code) });
    };
    return new ServerInterceptingCall(call, {
      start(next) {
        started = performance.now();
        inFlight.inc(labels);
        next({ onCancel: () => finish(grpcStatus.CANCELLED) });
      },
      sendStatus(statusObject, next) {
        finish(statusObject.code ?? grpcStatus.UNKNOWN);
        next(statusObject);
      },
    });
  };
  return { registry, requests, latency, inFlight, interceptor };
}

/** A running /metrics endpoint. */
export interface MetricsEndpoint {
  readonly port: number;
  /** `host:port` as bound (`[::1]:port` for IPv6). */
  readonly address: string;
  close(): Promise<void>;
}

/** Serve `registry` as Prometheus text at GET /metrics on host:port (port 0: any free port). */
export async function startMetricsServer(options: {
  readonly host: string;
  readonly port: number;
  readonly registry: Registry;
}): Promise<MetricsEndpoint> {
  const { registry } = options;
  const server: HttpServer = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: metrics are at GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (err: unknown) =>
        res
          .writeHead(500, { 'content-type': 'text/plain' })
          .end(`metrics failed: ${err instanceof Error ? err.message : String(err)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port, family } = server.address() as AddressInfo;
  return {
    port,
    address: family === 'IPv6' ? `[${address}]:${port}` : `${address}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
