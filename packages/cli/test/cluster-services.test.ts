// The cluster supervisor with the five real stage services (their bin files, real models from PMR_MODELS_DIR) and a
// real nats-server: every service logs `listening` and answers the gRPC health check SERVING; stop() ends every
// process with exit code 0; and a service killed with SIGKILL is restarted on its address, the others untouched.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { checkHealth } from '@pmr/common/service';
import { natsServerSkipReason, startNatsServer, type NatsServerHandle } from '@pmr/common/testing/nats-server';
import { modelsMissing, requireParts } from '@pmr/common/testing/require-parts';
import { manifest } from '@pmr/models';
import { startCluster, type ServiceEndpoint } from '../src/cluster/cluster.ts';
import { CLUSTER_STOP_ORDER, STAGE_SERVICES, stageServiceSpecs } from '../src/cluster/service-specs.ts';
import { processAlive } from '@pmr/common/testing/service-process';

const GRPC_SERVICE: Readonly<Record<string, string>> = {
  decoder: 'pmr.v1.DecoderService',
  detector: 'pmr.v1.DetectorService',
  tracker: 'pmr.v1.TrackerService',
  recognizer: 'pmr.v1.RecognizerService',
  attributes: 'pmr.v1.AttributesService',
};

function skipReason(): string | undefined {
  return requireParts(
    modelsMissing(manifest.yunet.file, manifest.mobilefacenet.file, manifest.expression.file),
    natsServerSkipReason(),
  );
}

/** The five stage services on a fresh nats-server; `use` gets them running, everything is cleaned up after. */
async function withStageCluster(
  t: TestContext,
  use: (cluster: Awaited<ReturnType<typeof startCluster>>, output: string[]) => Promise<void>,
): Promise<void> {
  const reason = skipReason();
  if (reason !== undefined) {
    t.skip(reason);
    return;
  }
  const mediaRoot = mkdtempSync(join(tmpdir(), 'pmr-cluster-media-'));
  let nats: NatsServerHandle | undefined;
  const output: string[] = [];
  try {
    nats = await startNatsServer();
    const t0 = performance.now();
    const cluster = await startCluster({
      env: process.env,
      services: stageServiceSpecs({ natsUrl: nats.url, logLevel: 'warn', mediaRoots: [mediaRoot] }),
      stopOrder: CLUSTER_STOP_ORDER,
      stopTimeoutMs: 15_000,
      onOutput: (service, line) => output.push(`${service}| ${line}`),
    });
    t.diagnostic(`five stage services listening after ${Math.round(performance.now() - t0)} ms`);
    try {
      await use(cluster, output);
    } finally {
      cluster.kill();
    }
  } finally {
    await nats?.stop();
    rmSync(mediaRoot, { recursive: true, force: true });
  }
}

async function assertServing(services: readonly ServiceEndpoint[]): Promise<void> {
  for (const s of services) {
    assert.equal(await checkHealth(s.grpcAddress), 'SERVING', `${s.name} health`);
    assert.equal(
      await checkHealth(s.grpcAddress, GRPC_SERVICE[s.name]),
      'SERVING',
      `${s.name} ${GRPC_SERVICE[s.name]} health`,
    );
  }
}

test('the five stage services under the supervisor: listening, SERVING, and stopped cleanly in order', async (t) => {
  await withStageCluster(t, async (cluster, output) => {
    assert.deepEqual(
      cluster.services.map((s) => s.name),
      [...STAGE_SERVICES],
    );
    const ports = cluster.services.flatMap((s) => [s.grpcPort, s.metricsPort]);
    assert.equal(new Set(ports).size, ports.length, 'every service on its own free ports');
    await assertServing(cluster.services);
    const metrics = await fetch(`http://127.0.0.1:${cluster.services[1]!.metricsPort}/metrics`);
    assert.equal(metrics.status, 200);
    await metrics.body?.cancel();

    const end = await cluster.stop();
    assert.deepEqual(end, { reason: 'stopped' });
    for (const s of cluster.services) assert.equal(processAlive(s.pid), false, `${s.name} (pid ${s.pid}) has exited`);
    const stopped = output.filter((l) => l.includes('"msg":"stopped"')).map((l) => l.split('|')[0]);
    assert.deepEqual(
      stopped,
      ['decoder', 'tracker', 'detector', 'recognizer', 'attributes'],
      'each logged a clean stop, in the stop order',
    );
  });
});

test('a stage service killed with SIGKILL is restarted on its address and serves again; the others are untouched', async (t) => {
  await withStageCluster(t, async (cluster) => {
    await assertServing(cluster.services);
    const before = new Map(cluster.services.map((s) => [s.name, s]));
    const tracker = before.get('tracker')!;
    process.kill(tracker.pid, 'SIGKILL');
    let waiting = true;
    const restarted = (async (): Promise<ServiceEndpoint | undefined> => {
      for (; waiting; await new Promise((resolve) => setTimeout(resolve, 50))) {
        const now = cluster.services.find((s) => s.name === 'tracker')!;
        if (now.pid !== tracker.pid) return now;
      }
      return undefined;
    })();
    const outcome = await Promise.race([restarted, cluster.ended.then((end) => ({ ended: end }))]);
    waiting = false;
    assert.ok(outcome !== undefined);
    assert.ok(!('ended' in outcome), `the cluster ended instead of restarting the tracker: ${JSON.stringify(outcome)}`);
    assert.equal(outcome.grpcAddress, tracker.grpcAddress);
    assert.equal(outcome.metricsAddress, tracker.metricsAddress);
    assert.ok(processAlive(outcome.pid));
    await assertServing(cluster.services);
    for (const s of cluster.services.filter((s) => s.name !== 'tracker'))
      assert.equal(s.pid, before.get(s.name)!.pid, `${s.name} untouched`);
    assert.deepEqual(await cluster.stop(), { reason: 'stopped' });
    for (const s of cluster.services) assert.equal(processAlive(s.pid), false, `${s.name} (pid ${s.pid}) has exited`);
  });
});
