// PMR's public API from Python: stubs generated from proto/ at test time with grpcio-tools, and the example client
// (e2e/clients/python/pmr_client.py) on a running deployment (real nats-server, every service its own process). It
// indexes every photo of Barack Obama and Lin-Manuel Miranda into a new collection, streams short_hamilton_clip.mp4
// in with UploadMedia, runs a video job on the collection, follows WatchJob to the end and reads GetJobResult page by
// page: both are recognised, and every track the watch reported is on the pages.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { listPmrProtoFiles, PMR_PROTO_DIR } from '@pmr/common/proto';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { findPython, pythonMissing, runTool } from '../src/client-tools.ts';
import { startDeployment, type Deployment } from '../src/deployment.ts';
import { dataDir, missingData, missingModels, repoRoot, video } from '../src/paths.ts';

const skipReason = requireParts(missingModels(), missingData(), natsServerSkipReason(), pythonMissing());

const CLIENT = join(repoRoot, 'e2e', 'clients', 'python', 'pmr_client.py');
const PERSONS = ['barack_obama', 'lin_manuel_miranda'];

/** What pmr_client.py prints. */
interface Summary {
  collection: { faces: number; persons: number };
  indexedFaces: number;
  leftOut: Array<{ photo: string; reasons: string[] }>;
  upload: { size: number; sha256: string };
  job: { id: string; state: string };
  watch: { messages: number; finishedTracks: number };
  video: { frames: number; complete: boolean };
  pages: number;
  tracks: Array<{ id: number; label: string }>;
  persons: string[];
}

suite('the Python client on a running deployment', { skip: skipReason ?? false }, () => {
  let deployment: Deployment;
  const python = findPython()!;
  const stubs = mkdtempSync(join(tmpdir(), 'pmr-python-stubs-'));

  before(async () => {
    deployment = await startDeployment();
  });
  after(async () => {
    await deployment?.stop();
    rmSync(stubs, { recursive: true, force: true });
  });

  test('grpcio-tools generates the stubs of every PMR file from proto/', async () => {
    const files = listPmrProtoFiles();
    const run = await runTool(python, [
      '-m',
      'grpc_tools.protoc',
      `-I${PMR_PROTO_DIR}`,
      `--python_out=${stubs}`,
      `--grpc_python_out=${stubs}`,
      ...files.map((f) => join(PMR_PROTO_DIR, f)),
    ]);
    assert.equal(run.code, 0, run.stderr);
    for (const file of files) {
      const stem = join(stubs, file.replace(/\.proto$/, ''));
      assert.ok(existsSync(`${stem}_pb2.py`) && existsSync(`${stem}_pb2_grpc.py`), `stubs of ${file}`);
    }
  });

  test('index two persons, upload a video, run a job on the collection, watch it, read every page', async () => {
    const clip = video('short_hamilton_clip.mp4');
    const identities = join(dataDir, 'identities');
    const run = await runTool(
      python,
      [
        CLIENT,
        '--stubs',
        stubs,
        '--address',
        deployment.orchestratorAddress(),
        '--identities',
        identities,
        ...PERSONS.flatMap((p) => ['--person', p]),
        '--video',
        clip,
      ],
      { timeoutMs: 180_000 },
    );
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as Summary;

    const photos = PERSONS.flatMap((p) =>
      readdirSync(join(identities, p)).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)),
    );
    assert.equal(summary.indexedFaces + summary.leftOut.length, photos.length, 'a face or a reason for every photo');
    assert.ok(summary.indexedFaces >= PERSONS.length);
    for (const { photo, reasons } of summary.leftOut) assert.ok(reasons.length > 0, `${photo} says why`);
    assert.deepEqual(summary.collection, { faces: summary.indexedFaces, persons: PERSONS.length });

    const bytes = readFileSync(clip);
    assert.deepEqual(summary.upload, {
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    assert.equal(summary.job.state, 'JOB_STATE_SUCCEEDED');
    assert.deepEqual(summary.video, { frames: 275, complete: true });

    assert.ok(summary.tracks.length > 0);
    assert.deepEqual(
      summary.tracks.map((t) => t.id),
      summary.tracks.map((_, i) => i + 1),
      'every track, once, by ascending id',
    );
    assert.equal(summary.pages, Math.ceil(summary.tracks.length / 2), 'two tracks a page');
    assert.ok(summary.watch.messages >= 2);
    assert.equal(summary.watch.finishedTracks, summary.tracks.length, 'the watch reported every track');
    assert.deepEqual(summary.persons, PERSONS, 'both are recognised');
    for (const person of PERSONS)
      assert.ok(
        summary.tracks.some((t) => t.label === person),
        `a track of ${person}`,
      );
  });
});
