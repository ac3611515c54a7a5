// The request metrics interceptor on a real server: the in-flight gauge while a call runs, and a call the
// client cancels counted once as CANCELLED with the gauge back at 0 (no leak).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { credentials, Server, ServerCredentials, status } from '@grpc/grpc-js';
import type { DetectorServiceHandlers } from '../src/proto/generated/pmr/v1/DetectorService.ts';
import { loadPmrProto } from '../src/proto/index.ts';
import { createServiceMetrics, splitMethodPath } from '../src/service/metrics.ts';

const PATHS: ReadonlyArray<[string, { service: string; method: string }]> = [
  ['/pmr.v1.DetectorService/Detect', { service: 'pmr.v1.DetectorService', method: 'Detect' }],
  ['/grpc.health.v1.Health/Check', { service: 'grpc.health.v1.Health', method: 'Check' }],
  ['no-slashes', { service: 'unknown', method: 'no-slashes' }],
];

for (const [path, expected] of PATHS) {
  test(`splitMethodPath(${path})`, () => assert.deepEqual(splitMethodPath(path), expected));
}

const until = async (check: () => Promise<boolean>): Promise<void> => {
  for (let i = 0; i < 400 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

test('in-flight counts a running call; a cancelled call is counted once as CANCELLED', async () => {
  const pmr = loadPmrProto().pmr.v1;
  const metrics = createServiceMetrics('test', { defaultMetrics: false });
  const release: Array<() => void> = [];
  const slow: DetectorServiceHandlers = {
    Detect(_call, callback) {
      release.push(() => callback(null, { faces: [] }));
    },
  };
  const server = new Server({ interceptors: [metrics.interceptor] });
  server.addService(pmr.DetectorService.service, slow);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    ),
  );
  const client = new pmr.DetectorService(`127.0.0.1:${port}`, credentials.createInsecure());
  const labels = { service: 'pmr.v1.DetectorService', method: 'Detect' };
  const inFlight = async (): Promise<number> =>
    (await metrics.inFlight.get()).values.find((v) => v.labels.method === 'Detect')?.value ?? 0;
  const count = async (code: string): Promise<number> =>
    (await metrics.requests.get()).values.find((v) => v.labels.code === code && v.labels.method === labels.method)
      ?.value ?? 0;
  try {
    const done = new Promise<void>((resolve, reject) => client.Detect({}, (err) => (err ? reject(err) : resolve())));
    await until(async () => (await inFlight()) === 1);
    assert.equal(await inFlight(), 1);
    release.shift()?.();
    await done;
    assert.equal(await inFlight(), 0);
    assert.equal(await count('OK'), 1);

    const cancelled = new Promise<number | undefined>((resolve) => {
      const call = client.Detect({}, (err) => resolve(err?.code));
      void until(async () => (await inFlight()) === 1).then(() => call.cancel());
    });
    assert.equal(await cancelled, status.CANCELLED);
    await until(async () => (await inFlight()) === 0);
    assert.equal(await inFlight(), 0);
    assert.equal(await count('CANCELLED'), 1);
    release.shift()?.(); // the handler answers late: nothing more is counted for the cancelled call
    // A third call after the late answer, answered at once: by the time it is counted, the late answer was handled.
    const after = new Promise<void>((resolve, reject) => client.Detect({}, (err) => (err ? reject(err) : resolve())));
    await until(async () => (await inFlight()) === 1);
    release.shift()?.();
    await after;
    assert.equal(await inFlight(), 0);
    assert.equal(await count('OK'), 2, 'the first call and the third');
    assert.equal(await count('CANCELLED'), 1);
    assert.equal(
      (await metrics.latency.get()).values.find((v) => v.metricName === 'pmr_grpc_request_duration_seconds_count')
        ?.value,
      3,
      'each of the three calls timed once',
    );
  } finally {
    client.close();
    server.forceShutdown();
  }
});
