// The six services `pmr cluster` runs as data (entry files, environment, start and stop order), the log levels it
// gives services and shows, and how it reads service log lines (listening ports, the reason a service stopped).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import type { ServiceEndpoint } from '../src/cluster/cluster.ts';
import { serviceLogLevel, shownAt } from '../src/cluster/log-level.ts';
import { listeningOf, problemOf } from '../src/cluster/service-child.ts';
import { CLUSTER_STOP_ORDER, clusterServiceSpecs, serviceBin, STAGE_SERVICES } from '../src/cluster/service-specs.ts';
import { clusterStoreLocation, serviceLine } from '../src/cluster/run-cluster.ts';

const settings = {
  natsUrl: 'nats://127.0.0.1:4222',
  logLevel: 'warn',
  mediaRoots: ['/media/a', '/media/b'],
  orchestratorHost: '127.0.0.1',
  orchestratorPort: 50050,
  storePath: '/tmp/x/jobs.db',
};

function endpoint(name: string, grpcPort: number): ServiceEndpoint {
  return {
    name,
    pid: 1,
    grpcPort,
    metricsPort: grpcPort + 1,
    grpcAddress: `127.0.0.1:${grpcPort}`,
    metricsAddress: `127.0.0.1:${grpcPort + 1}`,
  };
}

test('six services in start order, the orchestrator last, needing the five stages; stage entry files exist', () => {
  const specs = clusterServiceSpecs(settings);
  assert.deepEqual(
    specs.map((s) => s.name),
    ['decoder', 'detector', 'tracker', 'recognizer', 'attributes', 'orchestrator'],
  );
  for (const name of STAGE_SERVICES) assert.ok(existsSync(serviceBin(name)), serviceBin(name));
  assert.match(specs[5]!.bin, /services\/orchestrator\/bin\/orchestrator-service\.ts$/);
  assert.deepEqual(specs[5]!.needs, [...STAGE_SERVICES]);
  assert.deepEqual(
    [...CLUSTER_STOP_ORDER],
    ['orchestrator', 'decoder', 'tracker', 'detector', 'recognizer', 'attributes'],
  );
});

test('stage services: NATS, free loopback ports, info logging; the decoder gets the media roots', () => {
  const [decoder, detector] = clusterServiceSpecs(settings);
  const common = {
    NATS_URL: settings.natsUrl,
    PMR_LOG_LEVEL: 'info',
    PMR_GRPC_PORT: '0',
    PMR_METRICS_PORT: '0',
    PMR_GRPC_HOST: '127.0.0.1',
    PMR_METRICS_HOST: '127.0.0.1',
  };
  assert.deepEqual(decoder!.env?.(new Map()), { ...common, PMR_MEDIA_ROOTS: '/media/a:/media/b' });
  assert.deepEqual(detector!.env?.(new Map()), common);
});

test('the orchestrator: the public address, /metrics on loopback, the detector, recognizer and attributes addresses, the job store, the media roots', () => {
  const orchestrator = clusterServiceSpecs({ ...settings, logLevel: 'debug', orchestratorHost: '::' })[5]!;
  const peers = new Map([
    ['detector', endpoint('detector', 4001)],
    ['recognizer', endpoint('recognizer', 4002)],
    ['attributes', endpoint('attributes', 4003)],
  ]);
  assert.deepEqual(orchestrator.env?.(peers), {
    NATS_URL: settings.natsUrl,
    PMR_LOG_LEVEL: 'debug',
    PMR_GRPC_HOST: '::',
    PMR_GRPC_PORT: '50050',
    PMR_METRICS_HOST: '127.0.0.1',
    PMR_METRICS_PORT: '0',
    PMR_DETECTOR_ADDR: '127.0.0.1:4001',
    PMR_RECOGNIZER_ADDR: '127.0.0.1:4002',
    PMR_ATTRIBUTES_ADDR: '127.0.0.1:4003',
    PMR_STORE_PATH: '/tmp/x/jobs.db',
    PMR_MEDIA_ROOTS: '/media/a:/media/b',
  });
  assert.throws(() => orchestrator.env?.(new Map()), /the orchestrator needs detector, which is not running/);
});

test('--store: a MongoDB connection string goes to the orchestrator as given, a path resolved, none a temporary file', () => {
  const url = 'mongodb://pmr:s3cret@db1:27017,db2:27017/pmr?replicaSet=rs0';
  assert.equal(clusterStoreLocation(url, '/tmp/cluster', '/home/me'), url);
  assert.equal(
    clusterStoreLocation('mongodb+srv://c.example.net/pmr', '/tmp/cluster', '/home/me'),
    'mongodb+srv://c.example.net/pmr',
  );
  assert.equal(clusterStoreLocation('state/jobs.db', '/tmp/cluster', '/home/me'), '/home/me/state/jobs.db');
  assert.equal(clusterStoreLocation(undefined, '/tmp/cluster', '/home/me'), '/tmp/cluster/jobs.db');
  const orchestrator = clusterServiceSpecs({ ...settings, storePath: url })[5]!;
  const peers = new Map([
    ['detector', endpoint('detector', 4001)],
    ['recognizer', endpoint('recognizer', 4002)],
    ['attributes', endpoint('attributes', 4003)],
  ]);
  assert.equal(orchestrator.env?.(peers)['PMR_STORE_PATH'], url);
});

test('a restarted service is told to listen on the ports it had, so the addresses the others hold stay right', () => {
  const specs = clusterServiceSpecs({ ...settings, orchestratorPort: 0 });
  const detector = specs[1]!.env?.(new Map(), endpoint('detector', 4001));
  assert.deepEqual(
    [detector?.PMR_GRPC_PORT, detector?.PMR_METRICS_PORT, detector?.PMR_GRPC_HOST],
    ['4001', '4002', '127.0.0.1'],
  );
  const peers = new Map([
    ['detector', endpoint('detector', 4001)],
    ['recognizer', endpoint('recognizer', 4003)],
    ['attributes', endpoint('attributes', 4005)],
  ]);
  const orchestrator = specs[5]!.env?.(peers, endpoint('orchestrator', 5001));
  assert.deepEqual(
    [orchestrator?.PMR_GRPC_PORT, orchestrator?.PMR_METRICS_PORT],
    ['5001', '5002'],
    '--port 0: the port it found',
  );
});

test('log levels: services never quieter than info; pmr shows pino lines at the level asked for', () => {
  assert.deepEqual(['silent', 'fatal', 'warn', 'info', 'debug', 'trace'].map(serviceLogLevel), [
    'info',
    'info',
    'info',
    'info',
    'debug',
    'trace',
  ]);
  const info = JSON.stringify({ level: 30, msg: 'listening' });
  const error = JSON.stringify({ level: 50, msg: 'boom' });
  assert.deepEqual(
    [shownAt(info, 'warn'), shownAt(error, 'warn'), shownAt(info, 'info'), shownAt(error, 'silent')],
    [false, true, true, false],
  );
  assert.equal(shownAt('Error: Cannot find module', 'silent'), true, 'lines that are not pino lines are always shown');
});

test('log lines: the addresses a service bound, and the last problem on one line', () => {
  const line = {
    level: 30,
    msg: 'listening',
    grpcAddress: '0.0.0.0:5',
    grpcPort: 5,
    metricsAddress: '127.0.0.1:6',
    metricsPort: 6,
  };
  assert.deepEqual(listeningOf(JSON.stringify(line)), {
    grpcAddress: '0.0.0.0:5',
    grpcPort: 5,
    metricsAddress: '127.0.0.1:6',
    metricsPort: 6,
  });
  assert.equal(
    listeningOf(JSON.stringify({ level: 30, msg: 'listening', grpcPort: 5, metricsPort: 6 })),
    undefined,
    'no addresses',
  );
  assert.equal(listeningOf(JSON.stringify({ level: 30, msg: 'listening' })), undefined);
  assert.equal(listeningOf('listening'), undefined);
  assert.equal(problemOf(JSON.stringify({ level: 40, msg: 'slow' })), undefined);
  assert.equal(
    problemOf(JSON.stringify({ level: 60, msg: 'detector service failed to start', reason: 'model missing' })),
    'detector service failed to start: model missing',
  );
  assert.equal(
    problemOf(JSON.stringify({ level: 50, msg: 'oops', err: { message: 'EADDRINUSE 0.0.0.0:50050\nstack' } })),
    'oops: EADDRINUSE 0.0.0.0:50050',
  );
  assert.equal(
    problemOf("Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/x.ts'"),
    "Error [ERR_MODULE_NOT_FOUND]: Cannot find module '/x.ts'",
  );
  assert.equal(problemOf('    at file:///x.ts:1:1'), undefined);
});

test('the line printed per service', () => {
  assert.equal(
    serviceLine(endpoint('detector', 4001)),
    'detector     pid 1  grpc 127.0.0.1:4001  metrics 127.0.0.1:4002',
  );
});
