// The detector service as a real process (bin/detector-service.ts on free ports), called over real sockets:
// health, reflection, Detect on a photo, bad requests answered with the right codes while the process stays up,
// the metrics endpoint, and SIGTERM: health NOT_SERVING first, then exit 0 within the deadline.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { readImage } from '@pmr/common/image';
import { loadPmrProto, messageSizeOptions } from '@pmr/common/proto';
import {
  checkHealth,
  listReflectedServices,
  watchHealth,
  type DetectRequest__Output,
  type ReportedStatus,
} from '../src/service/common-bridge.ts';
import { dataMissing, modelsMissing, requireParts } from '@pmr/common/testing/require-parts';
import { exitOf, runWithConfig, startServiceProcess, stopSteps } from '@pmr/common/testing/service-process';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
const PHOTO = join(dataDir, 'identities', '_groups', 'two_people.jpg');
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
const SHUTDOWN_MS = 3000;

function skipReason(): string | undefined {
  return requireParts(modelsMissing('face_detection_yunet_2023mar_dynamic.onnx'), dataMissing(PHOTO));
}

/** The value of the sample `name` whose labels include `labels`, in Prometheus text. */
function sample(text: string, name: string, labels: Readonly<Record<string, string>>): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

const startService = () =>
  startServiceProcess(join(repoRoot, 'services', 'detector', 'bin', 'detector-service.ts'), {
    cwd: repoRoot,
    env: {
      PMR_DETECTOR: 'yunet',
      PMR_LOG_LEVEL: 'info',
      PMR_MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
      PMR_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_MS),
    },
  });

test('the detector service process: health, reflection, Detect, bad input, metrics, SIGTERM', async (t) => {
  const reason = skipReason();
  if (reason !== undefined) {
    t.skip(reason);
    return;
  }
  const jpeg = readFileSync(PHOTO);
  const { width, height } = await readImage(jpeg);
  const service = await startService();
  const { child, logs } = service;
  const exited = exitOf(child);
  const address = `127.0.0.1:${service.grpcPort}`;
  const pmr = loadPmrProto().pmr.v1;
  const client = new pmr.DetectorService(address, credentials.createInsecure(), messageSizeOptions());
  const detect = (request: DetectRequest__Output | Record<string, unknown>): Promise<number> =>
    new Promise((resolve, reject) =>
      client.Detect(request, (err, res) => (err ? reject(err) : resolve(res?.faces.length ?? -1))),
    );
  const rejectsWith = (code: status, details: string) => (err: unknown) => {
    assert.equal((err as ServiceError).code, code, (err as Error).message);
    assert.ok((err as ServiceError).details.includes(details), (err as ServiceError).details);
    return true;
  };
  try {
    assert.ok(service.grpcPort > 0 && service.metricsPort > 0);
    assert.equal(await checkHealth(address), 'SERVING');
    assert.equal(await checkHealth(address, 'pmr.v1.DetectorService'), 'SERVING');
    assert.deepEqual(await listReflectedServices(address), ['grpc.health.v1.Health', 'pmr.v1.DetectorService']);

    const t0 = performance.now();
    const photo = { encoding: 'IMAGE_ENCODING_JPEG', width, height, data: jpeg } as const;
    const faces = await new Promise<NonNullable<Parameters<Parameters<typeof client.Detect>[1]>[1]>>(
      (resolve, reject) =>
        client.Detect({ image: photo }, (err, res) =>
          err || !res ? reject(err ?? new Error('no response')) : resolve(res),
        ),
    );
    t.diagnostic(
      `Detect two_people.jpg (${width}x${height} JPEG) over gRPC: ${Math.round(performance.now() - t0)} ms, ${faces.faces.length} faces`,
    );
    assert.equal(faces.faces.length, 2);
    for (const face of faces.faces) {
      assert.ok(face.score >= 0.6 && face.score <= 1, `score ${face.score}`);
      assert.ok(face.box !== null && face.box.width >= 40, JSON.stringify(face.box));
      const nose = face.landmarks?.noseTip;
      assert.ok(nose && nose.x > face.box.x && nose.x < face.box.x + face.box.width, 'nose inside the box');
      assert.ok(face.quality !== null && face.quality.score > 0 && face.quality.score <= 1);
      assert.equal(face.chip?.encoding, 'IMAGE_ENCODING_RGB24');
      assert.deepEqual([face.chip.width, face.chip.height, face.chip.data.length], [112, 112, 112 * 112 * 3]);
    }

    await assert.rejects(detect({}), rejectsWith(status.INVALID_ARGUMENT, 'image is required'));
    await assert.rejects(
      detect({ image: { ...photo, data: Buffer.alloc(0) } }),
      rejectsWith(status.INVALID_ARGUMENT, 'image.data is empty'),
    );
    await assert.rejects(
      detect({ image: { ...photo, data: Buffer.from('GIF89a? no, garbage') } }),
      rejectsWith(status.INVALID_ARGUMENT, 'not a readable image'),
    );
    const rgb = { encoding: 'IMAGE_ENCODING_RGB24', width: 10, height: 10, data: Buffer.alloc(299) };
    await assert.rejects(
      detect({ image: rgb }),
      rejectsWith(status.INVALID_ARGUMENT, 'image.data holds 299 bytes; RGB24 10x10 needs 300'),
    );
    const huge = { encoding: 'IMAGE_ENCODING_RGB24', width: 1000, height: 1000, data: Buffer.alloc(3_000_000) };
    await assert.rejects(detect({ image: huge }), rejectsWith(status.RESOURCE_EXHAUSTED, ''));
    assert.equal(await detect({ image: photo }), 2, 'the service still answers after the bad requests');
    assert.equal(child.exitCode, null);

    const metrics = await (await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`)).text();
    const detectLabels = { service: 'pmr.v1.DetectorService', method: 'Detect' };
    assert.equal(sample(metrics, 'pmr_grpc_requests_total', { ...detectLabels, code: 'OK' }), 2);
    assert.equal(sample(metrics, 'pmr_grpc_requests_total', { ...detectLabels, code: 'INVALID_ARGUMENT' }), 4);
    assert.equal(sample(metrics, 'pmr_grpc_request_duration_seconds_count', detectLabels), 7);
    assert.equal(sample(metrics, 'pmr_grpc_requests_in_flight', detectLabels), 0);
    assert.ok(metrics.includes('pmr_detector_faces_total{service_name="detector"} 4\n'), 'faces counter');

    // SIGTERM: a health watcher sees NOT_SERVING before the server goes; it then hangs up, as clients do.
    const seen: ReportedStatus[] = [];
    const watch = watchHealth(address, 'pmr.v1.DetectorService', (s) => {
      seen.push(s);
      if (s === 'NOT_SERVING') watch.close();
    });
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const signalled = performance.now();
    child.kill('SIGTERM');
    const { code, at } = await exited;
    await watch.ended;
    assert.deepEqual(seen, ['SERVING', 'NOT_SERVING']);
    assert.equal(code, 0);
    t.diagnostic(`exit code ${code}, ${Math.round(at - signalled)} ms after SIGTERM (deadline ${SHUTDOWN_MS} ms)`);
    assert.ok(at - signalled < SHUTDOWN_MS, `exited ${Math.round(at - signalled)} ms after SIGTERM`);
    assert.deepEqual(stopSteps(logs), [
      'notServing:done',
      'server:done',
      'closeListeners:done',
      'releaseSessions:done',
    ]);
  } finally {
    client.close();
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('bad configuration: the process exits 2 and its one log line lists every problem', async () => {
  const { code, problems } = await runWithConfig(join(repoRoot, 'services', 'detector', 'bin', 'detector-service.ts'), {
    cwd: repoRoot,
    env: { ...process.env, PMR_GRPC_PORT: 'abc', PMR_DETECTOR: 'mtcnn', PMR_SHUTDOWN_TIMEOUT_MS: '-5' },
  });
  assert.equal(code, 2);
  assert.deepEqual(problems, [
    'PMR_DETECTOR="mtcnn" must be one of yunet, scrfd (face detector model)',
    'PMR_GRPC_PORT="abc" must be an integer from 0 to 65535 (gRPC port; 0 picks a free one)',
    'PMR_SHUTDOWN_TIMEOUT_MS="-5" must be an integer from 0 to 600000 (time calls in progress get to finish on SIGTERM before the server is forced)',
  ]);
});
