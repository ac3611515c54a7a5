// Where a service listens, read from the kernel (/proc, what `ss -ltnp` shows): with no listen settings every
// listener is on loopback, PMR_GRPC_HOST / PMR_METRICS_HOST widen them, and the `listening` log line names the
// addresses really bound. The tracker stands for every service (they share the scaffolding) and needs no models.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { startServiceProcess, type LogLine, type ServiceProcess } from '@pmr/common/testing/service-process';
import { listeningAddresses, procAddress } from '../src/listeners.ts';
import { repoRoot } from '../src/paths.ts';

const TRACKER = join(repoRoot, 'services', 'tracker', 'bin', 'tracker-service.ts');

/** The tracker with `env` (an empty value is an unset variable), gRPC only (no NATS). */
async function tracker(env: Record<string, string>): Promise<ServiceProcess> {
  return startServiceProcess(TRACKER, {
    cwd: repoRoot,
    env: { NATS_URL: '', PMR_LOG_LEVEL: 'info', ...env },
    timeoutMs: 60_000,
  });
}

async function stopped(service: ServiceProcess): Promise<void> {
  const exited = new Promise((resolve) => service.child.once('exit', resolve));
  service.child.kill('SIGTERM');
  await exited;
}

function listeningLine(service: ServiceProcess): LogLine {
  return service.logs.find((l) => l.msg === 'listening')!;
}

test('procAddress reads /proc/net/tcp{,6} addresses', () => {
  assert.equal(procAddress('0100007F:1F90'), '127.0.0.1:8080');
  assert.equal(procAddress('00000000:C350'), '0.0.0.0:50000');
  assert.equal(procAddress('00000000000000000000000000000000:0050'), '[::]:80');
  assert.equal(procAddress('00000000000000000000000001000000:0050'), '[::1]:80');
  assert.equal(procAddress('0000000000000000FFFF00000100007F:0050'), '127.0.0.1:80');
});

test('a service given no listen settings listens on loopback only, and says where', async () => {
  const service = await tracker({ PMR_GRPC_HOST: '', PMR_METRICS_HOST: '', PMR_GRPC_PORT: '0', PMR_METRICS_PORT: '0' });
  try {
    const grpc = `127.0.0.1:${service.grpcPort}`;
    const metrics = `127.0.0.1:${service.metricsPort}`;
    assert.deepEqual(listeningAddresses(service.child.pid!), [grpc, metrics].sort());
    assert.equal(listeningLine(service).grpcAddress, grpc);
    assert.equal(listeningLine(service).metricsAddress, metrics);
  } finally {
    await stopped(service);
  }
});

test('PMR_GRPC_HOST widens the gRPC listener only, and the listening line says so', async () => {
  const service = await tracker({
    PMR_GRPC_HOST: '0.0.0.0',
    PMR_METRICS_HOST: '',
    PMR_GRPC_PORT: '0',
    PMR_METRICS_PORT: '0',
  });
  try {
    const grpc = `0.0.0.0:${service.grpcPort}`;
    const metrics = `127.0.0.1:${service.metricsPort}`;
    assert.deepEqual(listeningAddresses(service.child.pid!), [grpc, metrics].sort());
    assert.equal(listeningLine(service).grpcAddress, grpc);
    assert.equal(listeningLine(service).metricsAddress, metrics);
  } finally {
    await stopped(service);
  }
});
