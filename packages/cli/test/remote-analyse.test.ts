// analyseRemote against the real OrchestratorService handlers on a socket (127.0.0.1:0), with the real
// SqliteJobStore, an in-memory UploadSink and a fake JobRunner that "runs" a job by storing a canned result
// (more than one page of tracks). Checks the upload (bytes and 256 KiB chunks), the gallery folder listing,
// progress, the result, and each way it can fail.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { PmrError } from '@pmr/common';
import { silentLogger } from '@pmr/common/logger';
import { loadPmrProto, messageSizeOptions } from '@pmr/common/proto';
import type { UploadMediaRequest__Output } from '@pmr/common/proto/generated/pmr/v1/UploadMediaRequest.ts';
import { createOrchestratorHandlers } from '@pmr/orchestrator';
import { UPLOAD_CHUNK_BYTES } from '@pmr/client';
import { analyseRemote, readGalleryPhotos, type RemoteProgress } from '../src/remote/analyse-remote.ts';
import type { AnalysisResult, TrackJson } from '@pmr/results';
import type { JobRunner, JobSubmission, UploadSink } from '@pmr/orchestrator';
import { MemoryUploads } from '@pmr/orchestrator/testing';
import { result as cannedResultOf, track } from '@pmr/store/testing';
import { SqliteJobStore, type JobStore } from '@pmr/store';

const pmr = loadPmrProto().pmr.v1;
const base = mkdtempSync(join(tmpdir(), 'pmr-remote-'));
const closers: Array<() => Promise<void>> = [];
after(async () => {
  for (const close of closers) await close();
  rmSync(base, { recursive: true, force: true });
});

function write(path: string, data: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
}

const VIDEO = join(base, 'clip.mp4');
const VIDEO_BYTES = randomBytes(2 * UPLOAD_CHUNK_BYTES + 90_212);
write(VIDEO, VIDEO_BYTES);
const GALLERY = join(base, 'gallery');
write(join(GALLERY, 'alice', '1.jpg'), 'alice-1');
write(join(GALLERY, 'alice', '2.PNG'), 'alice-2');
write(join(GALLERY, 'alice', 'notes.txt'), 'not a photo');
write(join(GALLERY, 'alice', '.hidden.jpg'), 'hidden');
write(join(GALLERY, 'alice', 'nested.jpg', 'x.jpg'), 'a folder named like a photo');
write(join(GALLERY, 'bob', 'a.webp'), 'bob-a');
write(join(GALLERY, '_skipped', 'x.jpg'), 'skipped person');
write(join(GALLERY, '.git', 'y.jpg'), 'hidden person');
write(join(GALLERY, 'readme.jpg'), 'not in a person folder');

/** 1005 tracks: the client must read two pages of 1000. */
const TRACKS: TrackJson[] = Array.from({ length: 1005 }, (_, i) =>
  track(i + 1, i % 3 === 0 ? 'alice' : `unknown-${i + 1}`),
);
const CANNED: AnalysisResult = cannedResultOf(TRACKS);

type Behaviour = 'succeed' | 'fail' | 'hang';

/**
 * Runs each submitted job in the background: RUNNING, two progress steps, then the canned result (or a failure).
 * With 'succeed' it waits for the gate, which the test opens when its watch has seen the queued job.
 */
class RunningFake implements JobRunner {
  readonly submissions: JobSubmission[] = [];
  readonly videos: Uint8Array[] = [];
  /** The background runs, awaited before the store closes. */
  readonly runs: Array<Promise<void>> = [];
  /** Jobs start running once this resolves (at once unless a test holds them until it watches). */
  readonly gate = Promise.withResolvers<void>();
  readonly store: JobStore;
  readonly uploads: UploadSink;
  readonly behaviour: Behaviour;
  constructor(store: JobStore, uploads: UploadSink, behaviour: Behaviour) {
    this.store = store;
    this.uploads = uploads;
    this.behaviour = behaviour;
    if (behaviour !== 'succeed') this.gate.resolve();
  }
  async cancel(jobId: string): Promise<void> {
    const job = (await this.store.getJob(jobId))!;
    await this.store.updateState(jobId, { to: 'CANCELLED', expectedVersion: job.version });
  }
  submit(submission: JobSubmission): Promise<void> {
    this.submissions.push(submission);
    this.runs.push(this.#run(submission.job.id));
    return Promise.resolve();
  }
  async #run(jobId: string): Promise<void> {
    const job = (await this.store.getJob(jobId))!;
    if (job.source.kind === 'upload')
      this.videos.push(new Uint8Array(await new Response(await this.uploads.read(job.source)).arrayBuffer()));
    await this.gate.promise;
    const running = await this.store.updateState(jobId, { to: 'RUNNING', expectedVersion: job.version });
    if (this.behaviour === 'fail') {
      await this.store.updateState(jobId, {
        to: 'FAILED',
        expectedVersion: running.version,
        error: { code: 'INVALID_ARGUMENT', message: 'clip.mp4 is not a video' },
      });
      return;
    }
    for (const fraction of [0.5, 1]) {
      await sleep(30);
      await this.store.recordProgress(jobId, { framesAnalysed: fraction * 100, framesTotal: 100, fraction });
    }
    if (this.behaviour === 'hang') return;
    for (const t of CANNED.tracks) await this.store.putTrack(jobId, t);
    await this.store.putResult(jobId, CANNED);
    const now = (await this.store.getJob(jobId))!;
    await this.store.updateState(jobId, { to: 'SUCCEEDED', expectedVersion: now.version });
  }
}

async function serve(behaviour: Behaviour, maxUploadBytes = 64 * 1024 * 1024) {
  const store = new SqliteJobStore(':memory:');
  const uploads = new MemoryUploads();
  const runner = new RunningFake(store, uploads, behaviour);
  const handlers = createOrchestratorHandlers({
    store,
    runner,
    uploads,
    logger: silentLogger(),
    maxUploadBytes,
    watchFallbackMs: 10,
  });
  const chunkSizes: number[] = [];
  const server = new Server(messageSizeOptions());
  server.addService(pmr.OrchestratorService.service, {
    ...handlers,
    UploadMedia(
      call: Parameters<typeof handlers.UploadMedia>[0],
      callback: Parameters<typeof handlers.UploadMedia>[1],
    ) {
      call.on('data', (m: UploadMediaRequest__Output) => chunkSizes.push(m.chunk.length));
      handlers.UploadMedia(call, callback);
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  closers.push(async () => {
    server.forceShutdown();
    for (const outcome of await Promise.allSettled(runner.runs))
      assert.equal(outcome.status, 'fulfilled', 'the fake runner ran without error');
    await store.close();
  });
  return { address: `127.0.0.1:${port}`, store, uploads, runner, chunkSizes };
}

async function rejection(promise: Promise<unknown>): Promise<PmrError> {
  const err = await promise.then(
    () => assert.fail('expected a rejection'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof PmrError, `expected a PmrError, got ${String(err)}`);
  return err;
}

test('readGalleryPhotos lists <person>/<file> files as enrolment does (non-images too: the orchestrator rejects them in its report)', async () => {
  const photos = await readGalleryPhotos(GALLERY);
  assert.deepEqual(
    photos.map((p) => [p.person, p.fileName, Buffer.from(p.data).toString()]),
    [
      ['alice', 'alice/1.jpg', 'alice-1'],
      ['alice', 'alice/2.PNG', 'alice-2'],
      ['alice', 'alice/notes.txt', 'not a photo'],
      ['bob', 'bob/a.webp', 'bob-a'],
    ],
  );
});

test('analyseRemote uploads the video in 256 KiB chunks, sends the gallery, reports progress and returns every page of the result', async () => {
  const { address, store, runner, chunkSizes } = await serve('succeed');
  const progress: RemoteProgress[] = [];
  const onProgress = (p: RemoteProgress): void => {
    progress.push(p);
    runner.gate.resolve();
  };
  const result = await analyseRemote({ address, video: VIDEO, galleryDir: GALLERY, fps: 2, skip: 'none', onProgress });

  assert.deepEqual(result, { ...CANNED, video: { ...CANNED.video, path: VIDEO } });
  assert.equal(result.tracks.length, 1005);
  assert.deepEqual(chunkSizes, [UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES, 90_212]);
  assert.deepEqual(
    runner.videos.map((v) => Buffer.from(v).equals(VIDEO_BYTES)),
    [true],
  );
  const [submission] = runner.submissions;
  assert.ok(submission !== undefined && runner.submissions.length === 1);
  assert.deepEqual(
    submission.gallery.map((p) => p.fileName),
    ['alice/1.jpg', 'alice/2.PNG', 'alice/notes.txt', 'bob/a.webp'],
  );
  assert.deepEqual((await store.getJob(submission.job.id))?.options, { fps: 2, skipMethod: 'none' });
  assert.ok(progress.length >= 2, `progress was reported (${progress.length} times)`);
  assert.equal(progress[0]?.fraction, 0, 'the first report is the queued job');
  assert.deepEqual(progress.at(-1), { framesAnalysed: 100, framesTotal: 100, fraction: 1 });
  for (let i = 1; i < progress.length; i++)
    assert.ok(progress[i]!.fraction >= progress[i - 1]!.fraction, 'progress never goes back');
});

test('a failed job rejects with the job error code and message', async () => {
  const { address } = await serve('fail');
  const err = await rejection(analyseRemote({ address, video: VIDEO }));
  assert.equal(err.code, 'INVALID_ARGUMENT');
  assert.match(err.message, /job .+ failed: clip\.mp4 is not a video/);
});

test('missing or empty local input is INVALID_ARGUMENT before any call', async () => {
  const { address, uploads, runner } = await serve('succeed');
  const missingVideo = await rejection(analyseRemote({ address, video: join(base, 'nope.mp4') }));
  assert.deepEqual(
    [missingVideo.code, missingVideo.message],
    ['INVALID_ARGUMENT', `video ${join(base, 'nope.mp4')}: no such file`],
  );
  const emptyVideo = join(base, 'empty.mp4');
  write(emptyVideo, '');
  assert.match((await rejection(analyseRemote({ address, video: emptyVideo }))).message, /the file is empty/);
  assert.equal((await rejection(analyseRemote({ address, video: base }))).code, 'INVALID_ARGUMENT');
  const missingGallery = await rejection(
    analyseRemote({ address, video: VIDEO, galleryDir: join(base, 'no-gallery') }),
  );
  assert.deepEqual(
    [missingGallery.code, missingGallery.message],
    ['INVALID_ARGUMENT', `gallery folder ${join(base, 'no-gallery')}: no such folder`],
  );
  const noImages = join(base, 'no-images');
  write(join(noImages, 'alice', 'notes.txt'), 'text');
  const empty = await rejection(analyseRemote({ address, video: VIDEO, galleryDir: noImages }));
  assert.match(empty.message, /gallery folder .*no-images is empty/);
  assert.deepEqual([uploads.objects.size, runner.submissions.length], [0, 0]);
});

test('an unreachable orchestrator is UNAVAILABLE naming the address, within the connect deadline', async () => {
  const probe = createServer();
  const port = await new Promise<number>((resolve) =>
    probe.listen(0, '127.0.0.1', () => resolve((probe.address() as { port: number }).port)),
  );
  await new Promise((resolve) => probe.close(resolve));
  const address = `127.0.0.1:${port}`;
  const began = performance.now();
  const err = await rejection(analyseRemote({ address, video: VIDEO, connectTimeoutMs: 300 }));
  assert.equal(err.code, 'UNAVAILABLE');
  assert.match(err.message, new RegExp(`cannot reach the orchestrator at ${address} within 0\\.3 s`));
  assert.ok(performance.now() - began < 5000);
});

test('an upload over the orchestrator limit is refused with RESOURCE_EXHAUSTED', async () => {
  const { address, runner } = await serve('succeed', 100_000);
  const err = await rejection(analyseRemote({ address, video: VIDEO }));
  assert.equal(err.code, 'RESOURCE_EXHAUSTED');
  assert.match(err.message, new RegExp(`orchestrator at ${address}: "clip\\.mp4" is ${VIDEO_BYTES.length} bytes`));
  assert.equal(runner.submissions.length, 0);
});

test('aborting the signal while the job runs rejects with the abort reason', async () => {
  const { address } = await serve('hang');
  const controller = new AbortController();
  const reason = new Error('user pressed ctrl-c');
  const outcome = analyseRemote({
    address,
    video: VIDEO,
    signal: controller.signal,
    onProgress: (p) => p.fraction >= 0.5 && controller.abort(reason),
  });
  await assert.rejects(outcome, (err: unknown) => err === reason);
});
