// startGrpcServer on 127.0.0.1:0 with a trivial DetectorService, its metrics interceptor and /metrics endpoint,
// called over real sockets: health (Check and Watch), reflection, request counters, message size limit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import type { DetectRequest } from '../src/proto/generated/pmr/v1/DetectRequest.ts';
import type { DetectorServiceClient, DetectorServiceHandlers } from '../src/proto/generated/pmr/v1/DetectorService.ts';
import { checkImage, loadPmrProto, toServiceError } from '../src/proto/index.ts';
import { createServiceMetrics, startMetricsServer } from '../src/service/metrics.ts';
import { serviceNameOf, startGrpcServer } from '../src/service/grpc-server.ts';
import descriptor, { type IFileDescriptorProto } from 'protobufjs/ext/descriptor/index.js';
import {
  checkHealth,
  listReflectedServices,
  reflectedFiles,
  watchHealth,
  type ReportedStatus,
} from '../src/service/probe-clients.ts';
import { readServiceConfig } from '../src/service/config.ts';
import { stageServiceSettings } from '../src/service/stage-service.ts';

const { FileDescriptorProto } = descriptor;

const pmr = loadPmrProto().pmr.v1;

/** No faces, after the image checks every handler makes. */
const noFaces: DetectorServiceHandlers = {
  Detect(call, callback) {
    try {
      checkImage(call.request.image, 'image');
      callback(null, { faces: [] });
    } catch (err) {
      callback(toServiceError(err));
    }
  },
};

function detect(client: DetectorServiceClient, request: DetectRequest): Promise<void> {
  return new Promise((resolve, reject) => client.Detect(request, (err) => (err ? reject(err) : resolve())));
}

function codeOf(err: unknown): number | undefined {
  return (err as Partial<ServiceError>).code;
}

/** The value of the sample of `name` with exactly `labels` in Prometheus text, or undefined. */
function sample(text: string, name: string, labels: Readonly<Record<string, string>>): number | undefined {
  const want = Object.entries(labels)
    .sort()
    .map(([k, v]) => `${k}="${v}"`)
    .join(',');
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(line);
    if (m?.[1] !== name) continue;
    const got = (m[2] ?? '').split(',').sort().join(',');
    if (got === want) return Number(m[3]);
  }
  return undefined;
}

const PIXEL = { encoding: 'IMAGE_ENCODING_RGB24', width: 1, height: 1, data: Buffer.alloc(3) } as const;

test('serviceNameOf reads the service name from the method paths', () => {
  assert.equal(serviceNameOf(pmr.DetectorService.service), 'pmr.v1.DetectorService');
  assert.equal(serviceNameOf(pmr.TrackerService.service), 'pmr.v1.TrackerService');
});

test('health, reflection, metrics and the size limit over real sockets', async () => {
  const metrics = createServiceMetrics('test', { defaultMetrics: false });
  const grpc = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    services: [{ definition: pmr.DetectorService.service, implementation: noFaces }],
    maxMessageBytes: 64 * 1024,
    interceptors: [metrics.interceptor],
  });
  const endpoint = await startMetricsServer({ host: '127.0.0.1', port: 0, registry: metrics.registry });
  const address = `127.0.0.1:${grpc.port}`;
  const client = new pmr.DetectorService(address, credentials.createInsecure());
  try {
    assert.ok(grpc.port > 0);
    assert.equal(grpc.address, address);
    assert.equal(await checkHealth(address), 'SERVING');
    assert.equal(await checkHealth(address, 'pmr.v1.DetectorService'), 'SERVING');
    await assert.rejects(
      checkHealth(address, 'pmr.v1.NoSuchService'),
      (err: unknown) => codeOf(err) === status.NOT_FOUND,
    );
    assert.deepEqual(await listReflectedServices(address), ['grpc.health.v1.Health', 'pmr.v1.DetectorService']);
    // Reflection answers files as compiled, each with the files it imports, so a client resolves every type.
    for (const [symbol, file] of [
      ['pmr.v1.DetectorService', 'pmr/v1/detector_service.proto'],
      ['pmr.v1.Collection', 'pmr/v1/collection_service.proto'],
      ['grpc.health.v1.Health', 'health/v1/health.proto'],
    ]) {
      const files = (await reflectedFiles(address, symbol!)).map((b) =>
        FileDescriptorProto.decode(b),
      ) as IFileDescriptorProto[];
      assert.equal(files[0]?.name, file);
      const names = files.map((f) => f.name);
      for (const f of files)
        for (const dependency of f.dependency as string[])
          assert.ok(names.includes(dependency), `${f.name}: ${dependency}`);
    }

    await detect(client, { image: PIXEL });
    await detect(client, { image: PIXEL });
    await assert.rejects(detect(client, {}), (err: unknown) => codeOf(err) === status.INVALID_ARGUMENT);
    const big = { ...PIXEL, width: 200, height: 200, data: Buffer.alloc(200 * 200 * 3) };
    await assert.rejects(detect(client, { image: big }), (err: unknown) => codeOf(err) === status.RESOURCE_EXHAUSTED);
    await detect(client, { image: PIXEL });

    const res = await fetch(`http://127.0.0.1:${endpoint.port}/metrics`);
    assert.equal(res.status, 200);
    const text = await res.text();
    const detectLabels = { service: 'pmr.v1.DetectorService', method: 'Detect', service_name: 'test' };
    assert.equal(sample(text, 'pmr_grpc_requests_total', { ...detectLabels, code: 'OK' }), 3);
    assert.equal(sample(text, 'pmr_grpc_requests_total', { ...detectLabels, code: 'INVALID_ARGUMENT' }), 1);
    // The oversized request is refused by grpc-js before any handler: counted as CANCELLED (see createServiceMetrics).
    assert.equal(sample(text, 'pmr_grpc_requests_total', { ...detectLabels, code: 'CANCELLED' }), 1);
    assert.equal(sample(text, 'pmr_grpc_request_duration_seconds_count', detectLabels), 5);
    assert.equal(sample(text, 'pmr_grpc_requests_in_flight', detectLabels), 0);
    assert.equal(
      sample(text, 'pmr_grpc_requests_total', {
        service: 'grpc.health.v1.Health',
        method: 'Check',
        code: 'NOT_FOUND',
        service_name: 'test',
      }),
      1,
    );
    assert.equal((await fetch(`http://127.0.0.1:${endpoint.port}/other`)).status, 404);

    const seen: ReportedStatus[] = [];
    const watch = watchHealth(address, 'pmr.v1.DetectorService', (s) => seen.push(s));
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    grpc.setServingStatus('NOT_SERVING');
    assert.equal(await checkHealth(address), 'NOT_SERVING');
    while (seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(seen, ['SERVING', 'NOT_SERVING']);
    watch.close();
    await watch.ended;
    assert.throws(() => grpc.setServingStatus('SERVING', 'pmr.v1.Other'), /not served here/);
  } finally {
    client.close();
    await endpoint.close();
    await new Promise<void>((resolve, reject) => grpc.server.tryShutdown((err) => (err ? reject(err) : resolve())));
  }
});

test('every service listens on loopback unless PMR_GRPC_HOST / PMR_METRICS_HOST say otherwise', () => {
  const spec = stageServiceSettings({ grpcPort: 50053, metricsPort: 9103 });
  const defaults = readServiceConfig({}, spec);
  assert.equal(defaults.grpcHost, '127.0.0.1');
  assert.equal(defaults.metricsHost, '127.0.0.1');
  const wide = readServiceConfig({ PMR_GRPC_HOST: '0.0.0.0', PMR_METRICS_HOST: '::' }, spec);
  assert.deepEqual([wide.grpcHost, wide.metricsHost], ['0.0.0.0', '::']);
});

test('the gRPC server and /metrics report the addresses the sockets really bound', async () => {
  const metrics = createServiceMetrics('test', { defaultMetrics: false });
  // A name resolves to one listener per address: each is reported.
  const grpc = await startGrpcServer({
    host: 'localhost',
    port: 0,
    services: [{ definition: pmr.DetectorService.service, implementation: noFaces }],
  });
  const endpoint = await startMetricsServer({ host: '0.0.0.0', port: 0, registry: metrics.registry });
  try {
    assert.ok(grpc.addresses.includes(`127.0.0.1:${grpc.port}`), grpc.addresses.join(', '));
    assert.ok(
      grpc.addresses.every((a) => a === `127.0.0.1:${grpc.port}` || a === `[::1]:${grpc.port}`),
      grpc.addresses.join(', '),
    );
    assert.equal(grpc.address, grpc.addresses[0]);
    assert.equal(endpoint.address, `0.0.0.0:${endpoint.port}`);
  } finally {
    await endpoint.close();
    grpc.server.forceShutdown();
  }
});
