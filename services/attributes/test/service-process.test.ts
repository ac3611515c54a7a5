// The attributes service as a real process (bin/attributes-service.ts on free ports, expression + age/gender
// models), called over real sockets: health, reflection, Analyze on chips cut by the real detector, bad requests
// answered with the right codes while the process stays up, and SIGTERM: exit 0 within the deadline.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import type { RgbImage } from '@pmr/common';
import { readImage } from '@pmr/common/image';
import { loadPmrProto, messageSizeOptions, rgbImageToProto } from '@pmr/common/proto';
import type { AnalyzeResponse__Output } from '@pmr/common/proto/generated/pmr/v1/AnalyzeResponse.ts';
import { createDetector } from '@pmr/detector';
import { manifest } from '@pmr/models';
import { checkHealth, listReflectedServices } from '../src/service/common-bridge.ts';
import { dataMissing, modelsMissing, requireParts } from '@pmr/common/testing/require-parts';
import { exitOf, runWithConfig, startServiceProcess, stopSteps } from '@pmr/common/testing/service-process';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const BIN = join(repoRoot, 'services', 'attributes', 'bin', 'attributes-service.ts');
const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
// Obama (left) and Biden (right): two men, then aged 47 and 66 (DATA.md's description swaps them; the photo does not).
const TWO_PEOPLE = join(dataDir, 'identities', '_groups', 'two_people.jpg');
const SHUTDOWN_MS = 3000;

function skipReason(): string | undefined {
  return requireParts(modelsMissing(manifest.yunet.file, manifest.expression.file), dataMissing(TWO_PEOPLE));
}

async function realChips(modelsDir: string): Promise<RgbImage[]> {
  const detector = await createDetector({ kind: 'yunet', modelPath: join(modelsDir, manifest.yunet.file), threads: 1 });
  try {
    const faces = (await detector.detect(await readImage(TWO_PEOPLE))).sort((a, b) => a.box.x - b.box.x);
    assert.equal(faces.length, 2, 'two faces in two_people.jpg');
    return faces.map((f) => f.chip);
  } finally {
    await detector.release();
  }
}

const EXPRESSION_VALUES = ['ANGRY', 'DISGUST', 'FEARFUL', 'HAPPY', 'NEUTRAL', 'SAD', 'SURPRISED'].map(
  (e) => `EXPRESSION_${e}`,
);

const startService = (env: Readonly<Record<string, string>>) =>
  startServiceProcess(BIN, { cwd: repoRoot, env: { PMR_LOG_LEVEL: 'info', ...env }, timeoutMs: 120_000 });

test('the attributes service process: health, reflection, Analyze, bad input, SIGTERM', async (t) => {
  const reason = skipReason();
  if (reason !== undefined) {
    t.skip(reason);
    return;
  }
  const chips = await realChips(process.env.PMR_MODELS_DIR!);
  const service = await startService({ PMR_AGE_GENDER: 'faceres', PMR_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_MS) });
  const { child, logs } = service;
  const exited = exitOf(child);
  const address = `127.0.0.1:${service.grpcPort}`;
  const client = new (loadPmrProto().pmr.v1.AttributesService)(
    address,
    credentials.createInsecure(),
    messageSizeOptions(),
  );
  const analyze = (request: Record<string, unknown>): Promise<AnalyzeResponse__Output> =>
    new Promise((resolve, reject) =>
      client.Analyze(request, (err, res) => (err || !res ? reject(err ?? new Error('no response')) : resolve(res))),
    );
  const rejectsWith = (code: status, details: string) => (err: unknown) => {
    assert.equal((err as ServiceError).code, code, (err as Error).message);
    assert.ok((err as ServiceError).details.includes(details), (err as ServiceError).details);
    return true;
  };
  try {
    assert.equal(await checkHealth(address), 'SERVING');
    assert.equal(await checkHealth(address, 'pmr.v1.AttributesService'), 'SERVING');
    assert.deepEqual(await listReflectedServices(address), ['grpc.health.v1.Health', 'pmr.v1.AttributesService']);

    const t0 = performance.now();
    const { attributes } = await analyze({ chips: chips.map(rgbImageToProto) });
    t.diagnostic(`Analyze of 2 chips over gRPC: ${Math.round(performance.now() - t0)} ms`);
    assert.equal(attributes.length, 2);
    for (const [i, a] of attributes.entries()) {
      const { expression, age, gender } = a;
      t.diagnostic(
        `face ${i}: ${expression?.value} ${expression?.confidence.toFixed(2)}, age ${age?.value.toFixed(1)} [${age?.low.toFixed(1)}, ${age?.high.toFixed(1)}], ${gender?.value} ${gender?.confidence.toFixed(2)}`,
      );
      assert.ok(expression !== null && EXPRESSION_VALUES.includes(expression.value), JSON.stringify(expression));
      assert.deepEqual(
        expression.scores.map((s) => s.expression),
        EXPRESSION_VALUES,
      );
      const sum = expression.scores.reduce((s, e) => s + e.score, 0);
      assert.ok(Math.abs(sum - 1) < 1e-4, `scores sum to ${sum}`);
      const top = expression.scores.reduce((b, e) => (e.score > b.score ? e : b));
      assert.equal(top.expression, expression.value);
      assert.ok(Math.abs(top.score - expression.confidence) < 1e-6);
      assert.ok(
        age !== null && age.low <= age.value && age.value <= age.high && age.value >= 1 && age.value <= 100,
        JSON.stringify(age),
      );
      assert.ok(gender !== null && gender.confidence >= 0.5 && gender.confidence <= 1, JSON.stringify(gender));
      assert.equal(gender.value, 'GENDER_MALE', 'both people in two_people.jpg are men');
    }
    // Hand-checked on the photo: Obama (left) smiles broadly; he is some twenty years younger than Biden.
    const [obama, biden] = attributes;
    assert.equal(obama?.expression?.value, 'EXPRESSION_HAPPY');
    assert.ok(
      (obama?.age?.value ?? Infinity) < (biden?.age?.value ?? -Infinity),
      'Obama is estimated younger than Biden',
    );

    const rgb = (w: number, h: number, bytes = w * h * 3) => ({
      encoding: 'IMAGE_ENCODING_RGB24',
      width: w,
      height: h,
      data: Buffer.alloc(bytes),
    });
    await assert.rejects(analyze({}), rejectsWith(status.INVALID_ARGUMENT, 'chips is empty'));
    await assert.rejects(
      analyze({ chips: [rgbImageToProto(chips[0]!), rgb(160, 160)] }),
      rejectsWith(status.INVALID_ARGUMENT, 'chips[1] is 160x160'),
    );
    await assert.rejects(
      analyze({ chips: [rgb(112, 112, 0)] }),
      rejectsWith(status.INVALID_ARGUMENT, 'chips[0].data holds 0 bytes'),
    );
    await assert.rejects(
      analyze({
        chips: [{ encoding: 'IMAGE_ENCODING_JPEG', width: 112, height: 112, data: Buffer.from('not a jpeg') }],
      }),
      rejectsWith(status.INVALID_ARGUMENT, 'not a readable image'),
    );
    assert.equal(
      (await analyze({ chips: [rgbImageToProto(chips[1]!)] })).attributes.length,
      1,
      'the service still answers after the bad requests',
    );
    assert.equal(child.exitCode, null);

    const metrics = await (await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`)).text();
    assert.ok(metrics.includes('pmr_attributes_chips_total{service_name="attributes"} 3\n'), 'chips counter');

    const signalled = performance.now();
    child.kill('SIGTERM');
    const { code, at } = await exited;
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
  const { code, problems } = await runWithConfig(BIN, {
    cwd: repoRoot,
    env: { ...process.env, PMR_AGE_GENDER: 'insightface', PMR_METRICS_PORT: '70000', PMR_LOG_LEVEL: 'loud' },
  });
  assert.equal(code, 2);
  assert.deepEqual(problems, [
    'PMR_AGE_GENDER="insightface" must be one of faceres, none (age/gender model: faceres, or none for expression only)',
    'PMR_METRICS_PORT="70000" must be an integer from 0 to 65535 (Prometheus /metrics port; 0 picks a free one)',
    'PMR_LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent (pino log level)',
  ]);
});
