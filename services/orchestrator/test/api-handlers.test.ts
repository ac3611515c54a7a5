// The OrchestratorService handlers on a real grpc-js server (127.0.0.1:0) called by the typed client, with the
// real SqliteJobStore (':memory:'), an in-memory UploadSink and a fake JobRunner that records submissions and
// moves jobs along when the test says so. Covers each status code the handlers answer.
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { credentials, Server, ServerCredentials, status, type ServiceError } from '@grpc/grpc-js';
import { PmrError } from '@pmr/common';
import { silentLogger } from '@pmr/common/logger';
import { loadPmrProto, messageSizeOptions } from '@pmr/common/proto';
import type { GetJobResultRequest } from '@pmr/common/proto/generated/pmr/v1/GetJobResultRequest.ts';
import type { GetJobResultResponse__Output } from '@pmr/common/proto/generated/pmr/v1/GetJobResultResponse.ts';
import type { OrchestratorServiceClient } from '@pmr/common/proto/generated/pmr/v1/OrchestratorService.ts';
import type { StartVideoJobRequest } from '@pmr/common/proto/generated/pmr/v1/StartVideoJobRequest.ts';
import type { CancelJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/CancelJobResponse.ts';
import type { GetJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/GetJobResponse.ts';
import type { ListJobsRequest } from '@pmr/common/proto/generated/pmr/v1/ListJobsRequest.ts';
import type { ListJobsResponse__Output } from '@pmr/common/proto/generated/pmr/v1/ListJobsResponse.ts';
import type { StartVideoJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/StartVideoJobResponse.ts';
import type { UploadMediaRequest } from '@pmr/common/proto/generated/pmr/v1/UploadMediaRequest.ts';
import type { UploadMediaResponse__Output } from '@pmr/common/proto/generated/pmr/v1/UploadMediaResponse.ts';
import type { WatchJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/WatchJobResponse.ts';
import { createOrchestratorHandlers, galleryDigest } from '../src/api/handlers.ts';
import { MAX_UPLOAD_CHUNK_BYTES } from '../src/api/upload-media.ts';
import { resultFromProto } from '@pmr/results';
import type { AnalysisResult, TrackJson } from '@pmr/results';
import type { JobRunner, JobSubmission } from '../src/job-runner.ts';
import { MemoryUploads } from '../src/testing/memory-uploads.ts';
import { announcingStore, jobChanges } from '../src/job-changes.ts';
import { result as cannedResult, track } from '@pmr/store/testing';
import { SqliteJobStore, type JobProgress, type JobStore } from '@pmr/store';

const pmr = loadPmrProto().pmr.v1;

/** Records submissions; the test moves jobs with run/progress/succeed. */
class FakeRunner implements JobRunner {
  readonly submissions: JobSubmission[] = [];
  failWith: Error | null = null;
  readonly store: JobStore;
  constructor(store: JobStore) {
    this.store = store;
  }
  async cancel(jobId: string): Promise<void> {
    const job = (await this.store.getJob(jobId))!;
    await this.store.updateState(jobId, { to: 'CANCELLED', expectedVersion: job.version });
  }
  submit(submission: JobSubmission): Promise<void> {
    if (this.failWith !== null) return Promise.reject(this.failWith);
    this.submissions.push(submission);
    return Promise.resolve();
  }
  async run(jobId: string): Promise<void> {
    const job = (await this.store.getJob(jobId))!;
    await this.store.updateState(jobId, { to: 'RUNNING', expectedVersion: job.version });
  }
  async progress(jobId: string, tracks: readonly TrackJson[], progress: Partial<JobProgress>): Promise<void> {
    for (const t of tracks) await this.store.putTrack(jobId, t);
    await this.store.recordProgress(jobId, progress);
  }
  async succeed(jobId: string, result: AnalysisResult): Promise<void> {
    for (const t of result.tracks) await this.store.putTrack(jobId, t);
    await this.store.putResult(jobId, result);
    const job = (await this.store.getJob(jobId))!;
    await this.store.updateState(jobId, { to: 'SUCCEEDED', expectedVersion: job.version });
  }
}

interface Harness {
  readonly store: SqliteJobStore;
  readonly runner: FakeRunner;
  readonly uploads: MemoryUploads;
  readonly client: OrchestratorServiceClient;
  /** Calls of store.getJob so far (WatchJob polls with it). */
  readonly getJobCalls: () => number;
  /** The WatchJob calls so far: whether the handler still holds the call (listens for its cancellation), and the
   * store reads counted when the server saw the call cancelled. */
  readonly watches: ReadonlyArray<{
    readonly running: () => boolean;
    readonly readsAtCancel: () => number | undefined;
  }>;
}

const MAX_UPLOAD = 4 * 1024 * 1024;
const closers: Array<() => Promise<void>> = [];
after(async () => {
  for (const close of closers) await close();
});

/** The media roots the harness's orchestrator allows video paths under. */
const MEDIA_ROOTS = ['/videos'];

/**
 * `pushed`: the store announces its writes and WatchJob waits a minute for an announcement before it reads the job
 * anyway (as in the service); otherwise it reads every 10 ms.
 */
async function serve(options: { readonly pushed?: boolean } = {}): Promise<Harness> {
  const store = new SqliteJobStore(':memory:');
  const changes = jobChanges();
  let getJobCalls = 0;
  const counting = new Proxy(store, {
    get(target, key) {
      if (key === 'getJob') return (id: string) => (getJobCalls++, target.getJob(id));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const runner = new FakeRunner(options.pushed === true ? announcingStore(store, changes) : store);
  const uploads = new MemoryUploads();
  const server = new Server(messageSizeOptions());
  const handlers = createOrchestratorHandlers({
    store: counting,
    runner,
    uploads,
    logger: silentLogger(),
    maxUploadBytes: MAX_UPLOAD,
    mediaRoots: MEDIA_ROOTS,
    changes,
    watchFallbackMs: options.pushed === true ? 60_000 : 10,
  });
  const watches: Array<Harness['watches'][number]> = [];
  server.addService(pmr.OrchestratorService.service, {
    ...handlers,
    WatchJob(call: Parameters<typeof handlers.WatchJob>[0]) {
      let readsAtCancel: number | undefined;
      call.on('cancelled', () => (readsAtCancel = getJobCalls));
      const listeners = call.listenerCount('cancelled');
      handlers.WatchJob(call);
      watches.push({ running: () => call.listenerCount('cancelled') > listeners, readsAtCancel: () => readsAtCancel });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  const client = new pmr.OrchestratorService(`127.0.0.1:${port}`, credentials.createInsecure(), messageSizeOptions());
  closers.push(async () => {
    client.close();
    server.forceShutdown();
    await store.close();
  });
  return { store, runner, uploads, client, getJobCalls: () => getJobCalls, watches };
}

type Outcome<T> = { ok: T } | { code: status; details: string };
const settle =
  <T>(resolve: (o: Outcome<T>) => void) =>
  (err: ServiceError | null, value?: T): void => {
    resolve(err !== null ? { code: err.code, details: err.details } : { ok: value! });
  };

function upload(
  client: OrchestratorServiceClient,
  messages: readonly UploadMediaRequest[],
): Promise<Outcome<UploadMediaResponse__Output>> {
  return new Promise((resolve) => {
    const call = client.UploadMedia(settle(resolve));
    call.on('error', () => undefined); // writes after a refusal fail; the callback has the status
    for (const m of messages) call.write(m);
    call.end();
  });
}

/** StartVideoJob; a request without client_token gets a fresh one (an explicit '' is sent as it is). */
const start = (
  client: OrchestratorServiceClient,
  request: StartVideoJobRequest,
): Promise<Outcome<StartVideoJobResponse__Output>> =>
  new Promise((resolve) => client.StartVideoJob({ clientToken: randomUUID(), ...request }, settle(resolve)));

const getResult = (
  client: OrchestratorServiceClient,
  request: GetJobResultRequest,
): Promise<Outcome<GetJobResultResponse__Output>> =>
  new Promise((resolve) => client.GetJobResult(request, settle(resolve)));

function ok<T>(outcome: Outcome<T>): T {
  if ('ok' in outcome) return outcome.ok;
  assert.fail(`expected success, got ${status[outcome.code]}: ${outcome.details}`);
}

function code<T>(outcome: Outcome<T>): string {
  return 'ok' in outcome ? 'OK' : status[outcome.code];
}

/** Reads a WatchJob stream message by message. */
function watcher(client: OrchestratorServiceClient, jobId: string) {
  const stream = client.WatchJob({ jobId });
  const queue: Array<WatchJobResponse__Output | { end: true } | { error: ServiceError }> = [];
  let wake: (() => void) | null = null;
  const push = (item: (typeof queue)[number]): void => {
    queue.push(item);
    wake?.();
  };
  stream.on('data', (m: WatchJobResponse__Output) => push(m));
  stream.on('end', () => push({ end: true }));
  stream.on('error', (error: ServiceError) => push({ error }));
  return {
    stream,
    async next(): Promise<(typeof queue)[number]> {
      while (queue.length === 0) await new Promise<void>((r) => (wake = r));
      wake = null;
      return queue.shift()!;
    },
  };
}

const video = { uri: '/videos/clip.mp4' };

test('UploadMedia stores the chunks as one object and answers its reference', async () => {
  const { client, uploads } = await serve();
  const bytes = Buffer.from(Array.from({ length: 2500 }, (_, i) => i % 251));
  const ref = ok(
    await upload(client, [
      { fileName: 'clip.mp4', size: '2500', chunk: bytes.subarray(0, 1000) },
      { chunk: bytes.subarray(1000, 2000), fileName: 'ignored.mp4' },
      { chunk: bytes.subarray(2000) },
    ]),
  ).object;
  assert.ok(ref !== null);
  assert.equal(ref.size, '2500');
  assert.equal(ref.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.match(ref.name, /clip\.mp4$/);
  assert.deepEqual(uploads.objects.get(ref.name), bytes);
});

test('UploadMedia refuses uploads over the limit (RESOURCE_EXHAUSTED) and wrong sizes, names or chunks (INVALID_ARGUMENT)', async () => {
  const { client, uploads } = await serve();
  const mib = Buffer.alloc(MAX_UPLOAD_CHUNK_BYTES, 1);
  const cases: Array<[string, readonly UploadMediaRequest[], string, RegExp]> = [
    [
      'announced size over the limit',
      [{ fileName: 'big.mp4', size: String(MAX_UPLOAD + 1), chunk: Buffer.alloc(10) }],
      'RESOURCE_EXHAUSTED',
      /"big\.mp4" is 4194305 bytes; .* up to 4194304/,
    ],
    [
      'more bytes than the limit',
      [
        { fileName: 'liar.mp4', size: String(MAX_UPLOAD), chunk: mib },
        { chunk: mib },
        { chunk: mib },
        { chunk: mib },
        { chunk: Buffer.alloc(1) },
      ],
      'RESOURCE_EXHAUSTED',
      /more than 4194304 bytes/,
    ],
    [
      'more bytes than announced',
      [{ fileName: 'a.mp4', size: '10', chunk: Buffer.alloc(11) }],
      'INVALID_ARGUMENT',
      /more bytes than the announced size 10/,
    ],
    [
      'fewer bytes than announced',
      [{ fileName: 'a.mp4', size: '10', chunk: Buffer.alloc(4) }],
      'INVALID_ARGUMENT',
      /received 4 bytes, but the announced size is 10/,
    ],
    ['no file name', [{ size: '3', chunk: Buffer.alloc(3) }], 'INVALID_ARGUMENT', /must carry file_name/],
    ['no message at all', [], 'INVALID_ARGUMENT', /the upload is empty/],
    ['an empty file', [{ fileName: 'empty.mp4', size: '0' }], 'INVALID_ARGUMENT', /size is 0/],
    [
      'a 100,000-character file name, quoted capped',
      [{ fileName: `${'n'.repeat(100_000)}.mp4`, size: '0' }],
      'INVALID_ARGUMENT',
      /^"n{64}…" \(100004 characters\): size is 0/,
    ],
    [
      'a chunk over 1 MiB',
      [
        {
          fileName: 'a.mp4',
          size: String(2 * MAX_UPLOAD_CHUNK_BYTES),
          chunk: Buffer.alloc(MAX_UPLOAD_CHUNK_BYTES + 1),
        },
      ],
      'INVALID_ARGUMENT',
      /chunks of at most 1048576 bytes/,
    ],
  ];
  for (const [name, messages, expected, details] of cases) {
    const outcome = await upload(client, messages);
    assert.equal(code(outcome), expected, name);
    assert.match('details' in outcome ? outcome.details : '', details, name);
  }
  assert.equal(uploads.objects.size, 0);
});

test('StartVideoJob creates a job, submits its gallery (inline and uploaded photos) and is idempotent by client token', async () => {
  const { client, runner, uploads, store } = await serve();
  const carol = Buffer.from('carol-photo-bytes');
  const ref = ok(await upload(client, [{ fileName: 'carol.png', size: String(carol.length), chunk: carol }])).object!;
  const request: StartVideoJobRequest = {
    clientToken: 'tok-1',
    video,
    gallery: [
      { person: 'alice', fileName: 'alice/1.jpg', data: Buffer.from('alice-1') },
      { person: 'carol', fileName: 'carol/1.png', upload: ref },
    ],
    options: { fps: 5, skipMethod: 'SKIP_METHOD_SSIM', maxFrames: 10 },
    tags: { team: 'a' },
  };
  const first = ok(await start(client, request));
  assert.equal(first.created, true);
  assert.equal(first.job?.state, 'JOB_STATE_QUEUED');
  assert.deepEqual(first.job?.tags, { team: 'a' });
  assert.equal(runner.submissions.length, 1);
  const submitted = runner.submissions[0]!;
  assert.equal(submitted.job.id, first.job?.id);
  assert.deepEqual(
    submitted.gallery.map((p) => [p.person, p.fileName, Buffer.from(p.data).toString()]),
    [
      ['alice', 'alice/1.jpg', 'alice-1'],
      ['carol', 'carol/1.png', 'carol-photo-bytes'],
    ],
  );
  const stored = await store.getJob(first.job.id);
  assert.ok(stored !== null);
  assert.deepEqual(stored.source, { kind: 'uri', uri: '/videos/clip.mp4' });
  assert.deepEqual(stored.options, { fps: 5, skipMethod: 'ssim', maxFrames: 10 });
  assert.equal(stored.idempotencyToken, 'tok-1');
  assert.equal(stored.galleryDigest, galleryDigest(submitted.gallery));

  const again = ok(await start(client, request));
  assert.deepEqual([again.created, again.job?.id], [false, first.job?.id]);
  assert.equal(runner.submissions.length, 1, 'a repeated request submits nothing');
  const otherTags = await start(client, { ...request, tags: { team: 'b' } });
  assert.equal(code(otherTags), 'ALREADY_EXISTS');
  const otherGallery = await start(client, {
    ...request,
    gallery: [{ person: 'alice', fileName: 'alice/1.jpg', data: Buffer.from('alice-2') }],
  });
  assert.equal(code(otherGallery), 'ALREADY_EXISTS', 'the gallery digest is part of the request');

  const fromUpload = ok(await start(client, { video: { upload: ref } }));
  assert.deepEqual((await store.getJob(fromUpload.job!.id))!.source, {
    kind: 'upload',
    bucket: 'uploads',
    name: ref.name,
    size: carol.length,
    sha256: ref.sha256,
  });
  assert.equal((await store.getJob(fromUpload.job!.id))!.galleryDigest, null);
  assert.equal(uploads.objects.size, 1);
});

test('StartVideoJob answers INVALID_ARGUMENT for bad input and NOT_FOUND for an unknown upload', async () => {
  const { client, runner } = await serve();
  const photo = { person: 'alice', fileName: 'alice/1.jpg', data: Buffer.from('x') };
  const cases: Array<[string, StartVideoJobRequest, string, RegExp]> = [
    ['no video', { gallery: [photo] }, 'INVALID_ARGUMENT', /video is required/],
    ['an empty uri', { video: { uri: '' } }, 'INVALID_ARGUMENT', /video is required/],
    [
      'a photo without person',
      { video, gallery: [{ ...photo, person: '' }] },
      'INVALID_ARGUMENT',
      /gallery\[0\]\.person is required/,
    ],
    [
      'a photo without file name',
      { video, gallery: [photo, { ...photo, fileName: '' }] },
      'INVALID_ARGUMENT',
      /gallery\[1\]\.file_name is required/,
    ],
    [
      'a photo without content',
      { video, gallery: [{ person: 'bob', fileName: 'bob/1.jpg' }] },
      'INVALID_ARGUMENT',
      /gallery\[0\] \("bob\/1\.jpg"\) has no content/,
    ],
    [
      'a photo with empty data',
      { video, gallery: [{ ...photo, data: Buffer.alloc(0) }] },
      'INVALID_ARGUMENT',
      /has no content/,
    ],
    [
      'an unknown upload',
      { video, gallery: [{ person: 'bob', fileName: 'bob/1.jpg', upload: { bucket: 'uploads', name: 'nope' } }] },
      'NOT_FOUND',
      /no upload uploads\/nope/,
    ],
    ['fps 0', { video, options: { fps: 0 } }, 'INVALID_ARGUMENT', /options\.fps must be a number from 0\.001/],
    ['a token too long', { video, clientToken: 'x'.repeat(65) }, 'INVALID_ARGUMENT', /1 to 64 characters/],
    ['an empty token', { video, clientToken: '' }, 'INVALID_ARGUMENT', /client_token is required.*1 to 64 characters/],
    [
      "fps under the decoder's 0.001",
      { video, options: { fps: 1e-9 } },
      'INVALID_ARGUMENT',
      /options\.fps must be a number from 0\.001/,
    ],
    ['fps not a number', { video, options: { fps: Number.NaN } }, 'INVALID_ARGUMENT', /options\.fps/],
    [
      'max_frames 0',
      { video, options: { maxFrames: 0 } },
      'INVALID_ARGUMENT',
      /options\.max_frames must be at least 1/,
    ],
    [
      'an upload without a name',
      { video: { upload: { bucket: 'uploads', name: '' } } },
      'INVALID_ARGUMENT',
      /video\.upload needs the bucket and name/,
    ],
    [
      'too many tags',
      { video, tags: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) },
      'INVALID_ARGUMENT',
      /at most 16 tags/,
    ],
  ];
  for (const [name, request, expected, details] of cases) {
    const outcome = await start(client, request);
    assert.equal(code(outcome), expected, name);
    assert.match('details' in outcome ? outcome.details : '', details, name);
  }
  assert.equal(runner.submissions.length, 0);
});

test('StartVideoJob checks the source in the call: PERMISSION_DENIED outside the media roots, INVALID_ARGUMENT for URLs and relative paths', async () => {
  const { client, runner, store } = await serve();
  const cases: Array<[string, string, string, RegExp]> = [
    [
      'a file outside the roots',
      '/etc/passwd',
      'PERMISSION_DENIED',
      /"\/etc\/passwd" is outside the decoder media roots/,
    ],
    ['a ".." escape', '/videos/../etc/passwd', 'PERMISSION_DENIED', /"\.\." segment/],
    ['an http URL', 'http://127.0.0.1:9/video.mp4', 'INVALID_ARGUMENT', /is a URL/],
    ['a file URL', 'file:///videos/clip.mp4', 'INVALID_ARGUMENT', /is a URL/],
    ['a relative path', 'videos/clip.mp4', 'INVALID_ARGUMENT', /must be an absolute path/],
    ['a NUL character', '/videos/a\0.mp4', 'INVALID_ARGUMENT', /NUL/],
  ];
  for (const [name, uri, expected, details] of cases) {
    const outcome = await start(client, { video: { uri } });
    assert.equal(code(outcome), expected, name);
    assert.match('details' in outcome ? outcome.details : '', details, name);
  }
  assert.equal(runner.submissions.length, 0, 'nothing submitted');
  assert.equal((await store.listJobs()).items.length, 0, 'no job created');
  assert.equal(
    ok(await start(client, { video: { uri: '/videos/sub/clip.mp4' } })).job?.state,
    'JOB_STATE_QUEUED',
    'a path under a root is taken',
  );
});

test('StartVideoJob reads uploads only from the uploads bucket: another bucket is PERMISSION_DENIED', async () => {
  const { client, runner, store } = await serve();
  const cases: Array<[string, Record<string, unknown>]> = [
    ['the video', { video: { upload: { bucket: 'pmr-frames', name: 'job-1/0' } } }],
    [
      'a gallery photo',
      {
        video: { uri: '/videos/clip.mp4' },
        gallery: [{ person: 'p', fileName: 'p/1.jpg', upload: { bucket: 'KV_secrets', name: 'key' } }],
      },
    ],
  ];
  for (const [name, request] of cases) {
    const outcome = await start(client, request);
    assert.equal(code(outcome), 'PERMISSION_DENIED', name);
    assert.match('details' in outcome ? outcome.details : '', /is not the uploads bucket "uploads"/, name);
  }
  assert.equal(runner.submissions.length, 0, 'nothing submitted');
  assert.equal((await store.listJobs()).items.length, 0, 'no job created');
});

test('messages quote at most 64 characters of what the caller sent, with an ellipsis and the full length', async () => {
  const { client } = await serve();
  const long = 'x'.repeat(100_000);
  const quoted = `"${'x'.repeat(64)}…" (100000 characters)`;
  const outcomes: Array<[string, Outcome<unknown>, string]> = [
    ['GetJobResult of a long unknown id', await getResult(client, { jobId: long }), 'NOT_FOUND'],
    ['StartVideoJob with a long relative path', await start(client, { video: { uri: long } }), 'INVALID_ARGUMENT'],
    [
      'StartVideoJob with a long path outside the roots',
      await start(client, { video: { uri: `/${long}` } }),
      'PERMISSION_DENIED',
    ],
    [
      'StartVideoJob with a long photo name and no content',
      await start(client, { video, gallery: [{ person: 'p', fileName: long }] }),
      'INVALID_ARGUMENT',
    ],
    [
      'StartVideoJob with a long upload name',
      await start(client, {
        video,
        gallery: [{ person: 'p', fileName: 'p.jpg', upload: { bucket: 'uploads', name: long } }],
      }),
      'INVALID_ARGUMENT',
    ],
  ];
  const watched = await watcher(client, long).next();
  assert.ok('error' in watched);
  outcomes.push([
    'WatchJob of a long unknown id',
    { code: watched.error.code, details: watched.error.details },
    'NOT_FOUND',
  ]);
  for (const [what, outcome, expected] of outcomes) {
    assert.equal(code(outcome), expected, what);
    const details = 'details' in outcome ? outcome.details : '';
    assert.ok(
      details.includes(quoted) || details.includes(`"/${'x'.repeat(63)}…" (100001 characters)`),
      `${what}: ${details.slice(0, 200)}`,
    );
    assert.ok(details.length < 300, `${what}: ${details.length} characters`);
  }
});

test('StartVideoJob: a gallery upload that does not match its reference is INVALID_ARGUMENT', async () => {
  const { client } = await serve();
  const ref = ok(await upload(client, [{ fileName: 'p.jpg', size: '3', chunk: Buffer.from('abc') }])).object!;
  const outcome = await start(client, {
    video,
    gallery: [{ person: 'p', fileName: 'p/p.jpg', upload: { ...ref, sha256: 'ab'.repeat(32) } }],
  });
  assert.equal(code(outcome), 'INVALID_ARGUMENT');
  assert.match('details' in outcome ? outcome.details : '', /does not match its sha256/);
});

test('StartVideoJob: a runner that cannot take the job fails it; the caller gets the runner status or INTERNAL', async () => {
  const { client, runner, store } = await serve();
  runner.failWith = new PmrError('UNAVAILABLE', 'object store unreachable');
  const refused = await start(client, { video, clientToken: 'a' });
  assert.deepEqual(refused, { code: status.UNAVAILABLE, details: 'object store unreachable' });
  runner.failWith = new Error('disk full at /secret/path');
  const broken = await start(client, { video, clientToken: 'b' });
  assert.deepEqual(broken, { code: status.INTERNAL, details: 'StartVideoJob failed; see the orchestrator log' });
  const jobs = (await store.listJobs()).items;
  assert.deepEqual(
    jobs.map((j) => [j.state, j.error?.code]),
    [
      ['FAILED', 'UNAVAILABLE'],
      ['FAILED', 'INTERNAL'],
    ],
  );
  const retried = ok(await start(client, { video, clientToken: 'a' }));
  assert.deepEqual(
    [retried.created, retried.job?.state, retried.job?.error?.message],
    [false, 'JOB_STATE_FAILED', 'object store unreachable'],
  );
});

for (const pushed of [false, true]) {
  const how = pushed ? 'pushed as each change is stored' : 'read every 10 ms';
  test(`WatchJob (${how}) streams each change with newly finished tracks once, and ends after the final state`, async () => {
    const { client, runner } = await serve({ pushed });
    const jobId = ok(await start(client, { video })).job!.id;
    const watch = watcher(client, jobId);
    const expectMessage = async (): Promise<WatchJobResponse__Output> => {
      const m = await watch.next();
      assert.ok('job' in m, `expected a message, got ${JSON.stringify(m)}`);
      return m;
    };
    const first = await expectMessage();
    assert.deepEqual([first.job?.state, first.finishedTracks.length], ['JOB_STATE_QUEUED', 0]);
    await runner.run(jobId);
    assert.equal((await expectMessage()).job?.state, 'JOB_STATE_RUNNING');
    await runner.progress(jobId, [track(2), track(1)], {
      framesAnalysed: 10,
      framesTotal: 100,
      fraction: 0.1,
      tracksFinished: 2,
    });
    const progressed = await expectMessage();
    assert.deepEqual(progressed.job?.progress, {
      framesDecoded: 0,
      framesAnalysed: 10,
      framesTotal: 100,
      fraction: 0.1,
      tracksFinished: 2,
    });
    assert.deepEqual(
      progressed.finishedTracks.map((t) => [t.id, t.label]),
      [
        [1, 'unknown-1'],
        [2, 'unknown-2'],
      ],
    );
    await runner.succeed(jobId, cannedResult([track(1), track(2), track(3)]));
    const messages: WatchJobResponse__Output[] = [];
    for (let m = await watch.next(); !('end' in m); m = await watch.next()) {
      assert.ok('job' in m, `unexpected ${JSON.stringify(m)}`);
      messages.push(m);
    }
    assert.equal(messages.at(-1)?.job?.state, 'JOB_STATE_SUCCEEDED');
    assert.deepEqual(
      messages.flatMap((m) => m.finishedTracks.map((t) => t.id)),
      [3],
      'tracks 1 and 2 are not sent again',
    );
  });
}

test('WatchJob on a finished job sends it once with every track; NOT_FOUND for an unknown job', async () => {
  const { client, runner } = await serve();
  const jobId = ok(await start(client, { video })).job!.id;
  await runner.run(jobId);
  await runner.succeed(jobId, cannedResult([track(1), track(2)]));
  const watch = watcher(client, jobId);
  const only = await watch.next();
  assert.ok('job' in only);
  assert.deepEqual([only.job?.state, only.finishedTracks.map((t) => t.id)], ['JOB_STATE_SUCCEEDED', [1, 2]]);
  assert.deepEqual(await watch.next(), { end: true });

  const missing = await watcher(client, 'no-such-job').next();
  assert.ok('error' in missing);
  assert.deepEqual([missing.error.code, missing.error.details], [status.NOT_FOUND, 'no job with id "no-such-job"']);
  const empty = await watcher(client, '').next();
  assert.ok('error' in empty && empty.error.code === status.INVALID_ARGUMENT);
});

test('WatchJob stops polling the store when the client cancels', async () => {
  const { client, getJobCalls, watches } = await serve();
  const jobId = ok(await start(client, { video })).job!.id;
  const watch = watcher(client, jobId);
  assert.ok('job' in (await watch.next()));
  const [handler] = watches;
  assert.ok(handler !== undefined && handler.running());
  const before = getJobCalls();
  for (let waited = 0; getJobCalls() < before + 3 && waited < 5000; waited += 10) await sleep(10);
  assert.ok(getJobCalls() >= before + 3, 'the watch keeps polling while the client listens');
  watch.stream.cancel();
  const cancelled = await watch.next();
  assert.ok('error' in cancelled && cancelled.error.code === status.CANCELLED);
  // The handler's polling loop ends: it lets go of the call, having read the store at most once after the server saw
  // the cancel (a read already under way then).
  for (let waited = 0; handler.running() && waited < 5000; waited += 10) await sleep(10);
  assert.equal(handler.running(), false, 'the WatchJob handler ended after the cancel');
  const atCancel = handler.readsAtCancel();
  assert.ok(atCancel !== undefined, 'the server saw the cancel');
  assert.ok(getJobCalls() <= atCancel + 1, `${getJobCalls() - atCancel} store reads after the cancel`);
});

test('GetJobResult: the job only until it succeeds, then the result with tracks page by page', async () => {
  const { client, runner } = await serve();
  const jobId = ok(await start(client, { video, tags: { run: '7' } })).job!.id;
  const queued = ok(await getResult(client, { jobId }));
  assert.deepEqual(
    [queued.job?.state, queued.tracks, queued.persons, queued.video, queued.stats, queued.nextPageToken],
    ['JOB_STATE_QUEUED', [], [], null, null, ''],
  );
  await runner.run(jobId);
  assert.equal(ok(await getResult(client, { jobId })).job?.state, 'JOB_STATE_RUNNING');

  const result = cannedResult([track(1), track(2), track(3)]);
  await runner.succeed(jobId, result);
  const page1 = ok(await getResult(client, { jobId, pageSize: 2 }));
  assert.deepEqual(
    [page1.job?.state, page1.job?.tags, page1.tracks.map((t) => t.id), page1.persons.length],
    ['JOB_STATE_SUCCEEDED', { run: '7' }, [1, 2], 1],
  );
  assert.notEqual(page1.nextPageToken, '');
  const page2 = ok(await getResult(client, { jobId, pageSize: 2, pageToken: page1.nextPageToken }));
  assert.deepEqual([page2.tracks.map((t) => t.id), page2.persons, page2.nextPageToken], [[3], [], '']);
  assert.equal(page2.video?.source, '/videos/clip.mp4');
  assert.deepEqual(resultFromProto([page1, page2]), result);

  assert.equal(code(await getResult(client, { jobId, pageToken: 'garbage!' })), 'INVALID_ARGUMENT');
  assert.equal(code(await getResult(client, { jobId, pageSize: 1001 })), 'INVALID_ARGUMENT');
  assert.deepEqual(await getResult(client, { jobId: 'nope' }), {
    code: status.NOT_FOUND,
    details: 'no job with id "nope"',
  });
  assert.equal(code(await getResult(client, { jobId: '' })), 'INVALID_ARGUMENT');
});

test('GetJob answers the job; ListJobs filters by state and tags, page by page; both refuse what they cannot take', async () => {
  const { client, runner } = await serve();
  const made: string[] = [];
  for (const team of ['a', 'b', 'a', 'a']) made.push(ok(await start(client, { video, tags: { team } })).job!.id);
  await runner.run(made[2]!);
  const got = ok(
    await new Promise<Outcome<GetJobResponse__Output>>((r) => client.GetJob({ jobId: made[2]! }, settle(r))),
  );
  assert.deepEqual([got.job?.id, got.job?.state, got.job?.tags], [made[2], 'JOB_STATE_RUNNING', { team: 'a' }]);
  const missing = await new Promise<Outcome<GetJobResponse__Output>>((r) =>
    client.GetJob({ jobId: 'nope' }, settle(r)),
  );
  assert.equal(code(missing), 'NOT_FOUND');

  const list = (request: ListJobsRequest): Promise<Outcome<ListJobsResponse__Output>> =>
    new Promise((r) => client.ListJobs(request, settle(r)));
  const teamA: string[] = [];
  let pageToken = '';
  do {
    const page = ok(await list({ tags: { team: 'a' }, pageSize: 2, pageToken }));
    teamA.push(...page.jobs.map((j) => j.id));
    pageToken = page.nextPageToken;
  } while (pageToken !== '');
  // Jobs made in the same millisecond are ordered by id: the listing's order, whatever the filter.
  const everyJob = ok(await list({})).jobs.map((j) => j.id);
  assert.deepEqual(new Set(everyJob), new Set(made));
  assert.deepEqual(
    teamA,
    everyJob.filter((id) => [made[0], made[2], made[3]].includes(id)),
    'team a, in the order of the whole listing (oldest first)',
  );
  assert.deepEqual(
    ok(await list({ states: ['JOB_STATE_RUNNING'] })).jobs.map((j) => j.id),
    [made[2]],
  );
  assert.equal(code(await list({ states: ['JOB_STATE_UNSPECIFIED'] })), 'INVALID_ARGUMENT');
  const first = ok(await list({ tags: { team: 'a' }, pageSize: 1 }));
  assert.equal(code(await list({ tags: { team: 'b' }, pageToken: first.nextPageToken })), 'INVALID_ARGUMENT');
});

test('CancelJob ends a queued or running job CANCELLED through the runner; an ended job is answered as it is', async () => {
  const { client, runner } = await serve();
  const cancel = (jobId: string): Promise<Outcome<CancelJobResponse__Output>> =>
    new Promise((r) => client.CancelJob({ jobId }, settle(r)));
  const queued = ok(await start(client, { video })).job!.id;
  assert.equal(ok(await cancel(queued)).job?.state, 'JOB_STATE_CANCELLED');
  const done = ok(await start(client, { video })).job!.id;
  await runner.run(done);
  await runner.succeed(done, cannedResult([track(1)]));
  assert.equal(ok(await cancel(done)).job?.state, 'JOB_STATE_SUCCEEDED', 'an ended job stays as it is');
  assert.equal(code(await cancel('nope')), 'NOT_FOUND');
  assert.equal(code(await cancel('')), 'INVALID_ARGUMENT');
});
