// The tracker service as a real process (bin/tracker-service.ts on free ports), called over real sockets:
// health and reflection, a Track stream of two synthetic walkers (stable ids, finished tracks at the end), a
// second stream with frames out of order (INVALID_ARGUMENT, the process stays up), and SIGTERM (exit 0).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { loadPmrProto, messageSizeOptions } from '@pmr/common/proto';
import {
  checkHealth,
  listReflectedServices,
  type TrackRequest,
  type TrackResponse__Output,
} from '../src/service/common-bridge.ts';
import { twoWalkers } from './service-fixtures.ts';
import { exitOf, runWithConfig, startServiceProcess, stopSteps } from '@pmr/common/testing/service-process';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const BIN = join(repoRoot, 'services', 'tracker', 'bin', 'tracker-service.ts');
const SHUTDOWN_MS = 3000;

const startService = () =>
  startServiceProcess(BIN, { cwd: repoRoot, env: { PMR_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_MS) } });

test('the tracker service process: health, reflection, Track streams, bad order, SIGTERM', async (t) => {
  const service = await startService();
  const { child, logs } = service;
  const exited = exitOf(child);
  const address = `127.0.0.1:${service.grpcPort}`;
  const pmr = loadPmrProto().pmr.v1;
  const client = new pmr.TrackerService(address, credentials.createInsecure(), messageSizeOptions());
  const track = (requests: readonly TrackRequest[]) =>
    new Promise<TrackResponse__Output[]>((resolve, reject) => {
      const got: TrackResponse__Output[] = [];
      const stream = client.Track();
      stream.on('data', (m: TrackResponse__Output) => got.push(m));
      stream.on('error', reject);
      stream.on('end', () => resolve(got));
      for (const r of requests) stream.write(r);
      stream.end();
    });
  try {
    assert.equal(await checkHealth(address), 'SERVING');
    assert.equal(await checkHealth(address, 'pmr.v1.TrackerService'), 'SERVING');
    assert.deepEqual(await listReflectedServices(address), ['grpc.health.v1.Health', 'pmr.v1.TrackerService']);

    const t0 = performance.now();
    const responses = await track(twoWalkers('job-1', 20));
    t.diagnostic(`Track: 20 frames x 2 faces over gRPC in ${Math.round(performance.now() - t0)} ms`);
    assert.equal(responses.length, 21);
    assert.deepEqual(
      responses.map((r) => r.frameIndex),
      [...Array(20).keys(), 19],
    );
    const tagOf = (data: Buffer | undefined): number => data?.[0] ?? -1;
    const idsByTag = new Map<number, Set<number>>();
    for (const a of responses.flatMap((r) => r.assigned)) {
      const set = idsByTag.get(tagOf(a.face?.chip?.data)) ?? new Set<number>();
      set.add(a.trackId);
      idsByTag.set(tagOf(a.face?.chip?.data), set);
    }
    assert.deepEqual(
      [...idsByTag.entries()].map(([tag, ids]) => [tag, [...ids]]),
      [
        [1, [1]],
        [2, [2]],
      ],
      'each walker keeps one id',
    );
    assert.equal(responses.flatMap((r) => r.assigned).length, 40, 'every detection assigned once');
    const end = responses.at(-1)!;
    assert.equal(end.end, true);
    assert.deepEqual(
      end.finished.map((f) => [f.jobId, f.trackId, f.firstFrame, f.lastFrame, f.hits]),
      [
        ['job-1', 1, 0, 19, 20],
        ['job-1', 2, 0, 19, 20],
      ],
    );
    assert.ok(responses.slice(0, -1).every((r) => r.finished.length === 0 && !r.end));

    const frames = twoWalkers('job-2', 3);
    await assert.rejects(track([frames[0]!, frames[2]!, frames[1]!]), (err: unknown) => {
      assert.equal((err as ServiceError).code, status.INVALID_ARGUMENT);
      assert.equal((err as ServiceError).details, 'frames must come in time order: pts 0.1 after 0.2');
      return true;
    });
    assert.equal((await track(twoWalkers('job-3', 2))).at(-1)?.finished.length, 2, 'still serving');

    const metrics = await (await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`)).text();
    assert.ok(metrics.includes('pmr_tracker_tracks_total{service_name="tracker"} 4\n'), 'tracks counter');

    const signalled = performance.now();
    child.kill('SIGTERM');
    const { code, at } = await exited;
    assert.equal(code, 0);
    assert.ok(at - signalled < SHUTDOWN_MS, `exited ${Math.round(at - signalled)} ms after SIGTERM`);
    assert.deepEqual(stopSteps(logs), ['notServing:done', 'server:done', 'closeListeners:done']);
  } finally {
    client.close();
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('bad configuration: the process exits 2 and its one log line lists every problem', async () => {
  const { code, problems } = await runWithConfig(BIN, {
    cwd: repoRoot,
    env: { ...process.env, PMR_GRPC_PORT: 'abc', PMR_LOG_LEVEL: 'loud' },
  });
  assert.equal(code, 2);
  assert.deepEqual(problems, [
    'PMR_GRPC_PORT="abc" must be an integer from 0 to 65535 (gRPC port; 0 picks a free one)',
    'PMR_LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent (pino log level)',
  ]);
});
