// The recognizer service as a real process (bin/recognizer-service.ts on free ports, a two-person gallery enrolled
// at start-up), called over real sockets: health, reflection, Embed on chips cut by the real detector, SearchGallery,
// bad requests answered with the right codes while the process stays up, and SIGTERM: exit 0 within the deadline.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import type { RgbImage } from '@pmr/common';
import { readImage } from '@pmr/common/image';
import { loadPmrProto, messageSizeOptions, rgbImageToProto } from '@pmr/common/proto';
import type { EmbedResponse__Output } from '@pmr/common/proto/generated/pmr/v1/EmbedResponse.ts';
import type { SearchGalleryResponse__Output } from '@pmr/common/proto/generated/pmr/v1/SearchGalleryResponse.ts';
import { createDetector } from '@pmr/detector';
import { manifest } from '@pmr/models';
import { createEmbedder } from '../src/embedder.ts';
import { checkHealth, listReflectedServices } from '../src/service/common-bridge.ts';
import { dataMissing, modelsMissing, requireParts } from '@pmr/common/testing/require-parts';
import { exitOf, runWithConfig, startServiceProcess, stopSteps } from '@pmr/common/testing/service-process';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const BIN = join(repoRoot, 'services', 'recognizer', 'bin', 'recognizer-service.ts');
const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
const identities = join(dataDir, 'identities');
// Obama on the left, Biden on the right (DATA.md's description has them the other way round; the photo does not).
const TWO_PEOPLE = join(identities, '_groups', 'two_people.jpg');
const OBAMA_HELD_OUT = join(identities, 'barack_obama', 'obama1_knn_test.jpg'); // not in the gallery below
const GALLERY: Readonly<Record<string, readonly string[]>> = {
  joe_biden: ['biden.jpg', 'biden2.jpg'],
  barack_obama: ['obama.jpg', 'obama2.jpg', 'obama3.jpg'],
};
const SHUTDOWN_MS = 3000;

const tempDirs: string[] = [];
after(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

function skipReason(): string | undefined {
  const photos = [
    TWO_PEOPLE,
    OBAMA_HELD_OUT,
    ...Object.entries(GALLERY).flatMap(([p, files]) => files.map((f) => join(identities, p, f))),
  ];
  return requireParts(modelsMissing(manifest.yunet.file, manifest.mobilefacenet.file), dataMissing(...photos));
}

/** A gallery folder of symlinks to a few identities/ photos. */
async function makeGalleryDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-recognizer-gallery-'));
  tempDirs.push(dir);
  for (const [person, files] of Object.entries(GALLERY)) {
    await mkdir(join(dir, person));
    for (const file of files) await symlink(join(identities, person, file), join(dir, person, file));
  }
  return dir;
}

/** Chips of two_people.jpg (left to right: Obama, Biden) and of the held-out Obama photo, by the real detector. */
async function realChips(modelsDir: string): Promise<{ biden: RgbImage; obama: RgbImage; obamaHeldOut: RgbImage }> {
  const detector = await createDetector({ kind: 'yunet', modelPath: join(modelsDir, manifest.yunet.file), threads: 1 });
  try {
    const pair = (await detector.detect(await readImage(TWO_PEOPLE))).sort((a, b) => a.box.x - b.box.x);
    assert.equal(pair.length, 2, 'two faces in two_people.jpg');
    const single = (await detector.detect(await readImage(OBAMA_HELD_OUT))).sort((a, b) => b.box.width - a.box.width);
    assert.ok(single[0] !== undefined, 'a face in the held-out Obama photo');
    return { obama: pair[0]!.chip, biden: pair[1]!.chip, obamaHeldOut: single[0].chip };
  } finally {
    await detector.release();
  }
}

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0);

const startService = (env: Readonly<Record<string, string>>) =>
  startServiceProcess(BIN, { cwd: repoRoot, env: { PMR_LOG_LEVEL: 'info', ...env }, timeoutMs: 60_000 });

test('the recognizer service process: health, reflection, Embed, SearchGallery, bad input, SIGTERM', async (t) => {
  const reason = skipReason();
  if (reason !== undefined) {
    t.skip(reason);
    return;
  }
  const modelsDir = process.env.PMR_MODELS_DIR!;
  const chips = await realChips(modelsDir);
  const service = await startService({
    PMR_GALLERY_DIR: await makeGalleryDir(),
    PMR_GALLERY_ID: 'people',
    PMR_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_MS),
  });
  const { child, logs } = service;
  const exited = exitOf(child);
  const address = `127.0.0.1:${service.grpcPort}`;
  const client = new (loadPmrProto().pmr.v1.RecognizerService)(
    address,
    credentials.createInsecure(),
    messageSizeOptions(),
  );
  const embed = (request: Record<string, unknown>): Promise<EmbedResponse__Output> =>
    new Promise((resolve, reject) =>
      client.Embed(request, (err, res) => (err || !res ? reject(err ?? new Error('no response')) : resolve(res))),
    );
  const search = (request: Record<string, unknown>): Promise<SearchGalleryResponse__Output> =>
    new Promise((resolve, reject) =>
      client.SearchGallery(request, (err, res) =>
        err || !res ? reject(err ?? new Error('no response')) : resolve(res),
      ),
    );
  const rejectsWith = (code: status, details: string) => (err: unknown) => {
    assert.equal((err as ServiceError).code, code, (err as Error).message);
    assert.ok((err as ServiceError).details.includes(details), (err as ServiceError).details);
    return true;
  };
  try {
    const enrolled = logs.find((l) => l.msg === 'gallery enrolled');
    assert.deepEqual(enrolled?.persons, ['barack_obama:3/3', 'joe_biden:2/2']);
    t.diagnostic(`gallery enrolled in ${String(enrolled?.ms)} ms`);
    assert.equal(await checkHealth(address), 'SERVING');
    assert.equal(await checkHealth(address, 'pmr.v1.RecognizerService'), 'SERVING');
    assert.deepEqual(await listReflectedServices(address), ['grpc.health.v1.Health', 'pmr.v1.RecognizerService']);

    const t0 = performance.now();
    const { embeddings } = await embed({ chips: [chips.biden, chips.obama, chips.obamaHeldOut].map(rgbImageToProto) });
    t.diagnostic(`Embed of 3 chips over gRPC: ${Math.round(performance.now() - t0)} ms`);
    const [biden, obama, obamaHeldOut] = embeddings.map((e) => e.values);
    assert.ok(biden && obama && obamaHeldOut && embeddings.length === 3);
    for (const e of [biden, obama, obamaHeldOut]) {
      assert.equal(e.length, 128);
      assert.ok(Math.abs(Math.sqrt(dot(e, e)) - 1) < 1e-5, `norm ${Math.sqrt(dot(e, e))}`);
    }
    const same = dot(obama, obamaHeldOut);
    const different = [dot(obama, biden), dot(obamaHeldOut, biden)];
    t.diagnostic(`cosine Obama/Obama ${same.toFixed(3)}; Obama/Biden ${different.map((d) => d.toFixed(3)).join(', ')}`);
    assert.ok(
      different.every((d) => same > d),
      'the same person is more similar than a different one',
    );
    // The service embeds exactly as the stage does in-process.
    const local = await createEmbedder({ modelPath: join(modelsDir, manifest.mobilefacenet.file), threads: 1 });
    const expected = Array.from(await local.embed(chips.obama));
    await local.release();
    assert.ok(
      obama.every((v, i) => Math.abs(v - expected[i]!) < 1e-6),
      'gRPC and in-process embeddings agree',
    );

    const found = await search({ galleryId: 'people', queries: embeddings, maxMatches: 2 });
    const best = found.results.map((r) => r.matches.map((m) => `${m.name} ${m.similarity.toFixed(3)}`));
    t.diagnostic(`SearchGallery: ${JSON.stringify(best)}`);
    assert.deepEqual(
      found.results.map((r) => r.matches.map((m) => m.name)),
      [
        ['joe_biden', 'barack_obama'],
        ['barack_obama', 'joe_biden'],
        ['barack_obama', 'joe_biden'],
      ],
    );

    const rgb = (w: number, h: number, bytes = w * h * 3) => ({
      encoding: 'IMAGE_ENCODING_RGB24',
      width: w,
      height: h,
      data: Buffer.alloc(bytes),
    });
    await assert.rejects(embed({}), rejectsWith(status.INVALID_ARGUMENT, 'chips is empty'));
    await assert.rejects(
      embed({ chips: [rgb(100, 100)] }),
      rejectsWith(status.INVALID_ARGUMENT, 'chips[0] is 100x100; a chip must be an aligned 112x112 face'),
    );
    await assert.rejects(
      embed({ chips: [rgb(112, 112, 5)] }),
      rejectsWith(status.INVALID_ARGUMENT, 'chips[0].data holds 5 bytes'),
    );
    await assert.rejects(
      embed({ chips: [{ ...rgb(112, 112), data: Buffer.alloc(0) }] }),
      rejectsWith(status.INVALID_ARGUMENT, 'chips[0].data holds 0 bytes'),
    );
    await assert.rejects(
      search({ galleryId: 'nobody', queries: [{ values: obama }] }),
      rejectsWith(status.NOT_FOUND, 'gallery "nobody" not found'),
    );
    await assert.rejects(
      search({ galleryId: 'people', queries: [{ values: [1, 0] }] }),
      rejectsWith(status.INVALID_ARGUMENT, 'queries[0] has 2 values'),
    );
    await assert.rejects(
      search({ galleryId: 'people', queries: [] }),
      rejectsWith(status.INVALID_ARGUMENT, 'queries is empty'),
    );
    assert.equal(
      (await embed({ chips: [rgbImageToProto(chips.biden)] })).embeddings.length,
      1,
      'the service still answers after the bad requests',
    );
    assert.equal(child.exitCode, null);

    const metrics = await (await fetch(`http://127.0.0.1:${service.metricsPort}/metrics`)).text();
    assert.ok(metrics.includes('pmr_recognizer_chips_total{service_name="recognizer"} 4\n'), 'chips counter');
    assert.ok(metrics.includes('pmr_recognizer_queries_total{service_name="recognizer"} 3\n'), 'queries counter');

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
    env: { ...process.env, PMR_GRPC_PORT: 'abc', PMR_DETECTOR: 'mtcnn', PMR_INFERENCE_THREADS: '0' },
  });
  assert.equal(code, 2);
  assert.deepEqual(problems, [
    'PMR_DETECTOR="mtcnn" must be one of yunet, scrfd (face detector used to enrol the gallery)',
    'PMR_GRPC_PORT="abc" must be an integer from 0 to 65535 (gRPC port; 0 picks a free one)',
    'PMR_INFERENCE_THREADS="0" must be an integer from 1 to 256 (onnxruntime intra-op threads)',
  ]);
});
