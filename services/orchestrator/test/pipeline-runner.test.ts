// The pipeline runner's job lifecycle on a real nats-server (the pipeline's streams) and a real SqliteJobStore, with
// its real gRPC stage clients talking to a detector and a recognizer served here on 127.0.0.1:0, whose answers each
// test chooses: a stage error that cannot succeed on retry fails the job at once; one that can is retried until the
// job has made no progress for the stall timeout; at most maxRunningJobs jobs run, the others wait QUEUED in order.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterEach, suite, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Server, ServerCredentials, status, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { encodePng } from '@pmr/common/image';
import type { Logger } from '@pmr/common/logger';
import { messageCodec } from '@pmr/common/messaging';
import { pipelineMsgIds, pipelineSubjects } from '@pmr/common/pipeline';
import { loadPmrProto, messageSizeOptions } from '@pmr/common/proto';
import type { DetectRequest__Output } from '@pmr/common/proto/generated/pmr/v1/DetectRequest.ts';
import type { DetectResponse } from '@pmr/common/proto/generated/pmr/v1/DetectResponse.ts';
import type { EmbedRequest__Output } from '@pmr/common/proto/generated/pmr/v1/EmbedRequest.ts';
import type { EmbedResponse } from '@pmr/common/proto/generated/pmr/v1/EmbedResponse.ts';
import type { PipelineResult } from '@pmr/common/proto/generated/pmr/v1/PipelineResult.ts';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { usePipelineBroker } from '@pmr/common/testing/pipeline-broker';
import { SqliteJobStore, type JobRecord, type JobState } from '@pmr/store';
import { galleryDigest } from '../src/api/handlers.ts';
import { pino } from 'pino';
import {
  createPipelineRunner,
  type PipelineRunner,
  type PipelineRunnerOptions,
} from '../src/pipeline/pipeline-runner.ts';
import { createStageClients, type StageClients } from '../src/pipeline/stage-clients.ts';

const skip = requireParts(natsServerSkipReason());
const broker = usePipelineBroker('pipeline-runner-test', { skip });
const pmr = loadPmrProto().pmr.v1;
const resultCodec = messageCodec('pmr.v1.PipelineResult');

/** What the served detector does with a call; `calls` counts the calls that reached it. */
type DetectAnswer = (call: number) => { code: status; details: string } | DetectResponse;

/** A detector and recognizer on one server; the detector answers as `answer` says, the recognizer embeds anything. */
async function serveStages(
  answer: DetectAnswer,
  maxReceiveBytes?: number,
): Promise<{ address: string; calls: () => number; close: () => void }> {
  let calls = 0;
  const server = new Server(
    maxReceiveBytes === undefined ? messageSizeOptions() : { 'grpc.max_receive_message_length': maxReceiveBytes },
  );
  server.addService(pmr.DetectorService.service, {
    Detect(_call: ServerUnaryCall<DetectRequest__Output, DetectResponse>, callback: sendUnaryData<DetectResponse>) {
      const a = answer(++calls);
      if ('code' in a) callback({ code: a.code, details: a.details });
      else callback(null, a);
    },
  });
  server.addService(pmr.RecognizerService.service, {
    Embed(call: ServerUnaryCall<EmbedRequest__Output, EmbedResponse>, callback: sendUnaryData<EmbedResponse>) {
      callback(null, {
        embeddings: call.request.chips.map(() => ({
          values: Array.from({ length: 128 }, (_, i) => (i === 0 ? 1 : 0)),
        })),
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, calls: () => calls, close: () => server.forceShutdown() };
}

/** One face filling most of a 200×200 photo, as a detector describes it. */
const FACE: DetectResponse = {
  faces: [
    {
      box: { x: 40, y: 40, width: 120, height: 120 },
      landmarks: {
        leftEye: { x: 80, y: 80 },
        rightEye: { x: 120, y: 80 },
        noseTip: { x: 100, y: 100 },
        leftMouth: { x: 85, y: 130 },
        rightMouth: { x: 115, y: 130 },
      },
      score: 0.95,
      quality: { score: 0.8, detector: 0.95, size: 1, sharpness: 0.6, frontalness: 0.9 },
      chip: {
        encoding: 'IMAGE_ENCODING_RGB24',
        width: 112,
        height: 112,
        data: new Uint8Array(112 * 112 * 3).fill(128),
      },
    },
  ],
};

interface Harness {
  readonly store: SqliteJobStore;
  readonly runner: PipelineRunner;
  /** JSON log lines the runner wrote. */
  readonly logs: Array<Record<string, unknown>>;
  /** Creates a job in the store and submits it, with one 200×200 photo when `photo` is set. */
  readonly submit: (photo?: boolean) => Promise<string>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function capturingLogger(logs: Array<Record<string, unknown>>): Logger {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n'))
        if (line !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return pino({ level: 'debug' }, sink);
}

async function startRunner(stages: StageClients, options: Partial<PipelineRunnerOptions> = {}): Promise<Harness> {
  const store = new SqliteJobStore(':memory:');
  const logs: Array<Record<string, unknown>> = [];
  const runner = createPipelineRunner({
    bus: broker.bus(),
    store,
    stages,
    logger: capturingLogger(logs),
    matchThreshold: 0.5,
    clusterThreshold: 0.5,
    clusterMinQuality: 0,
    ...options,
  });
  await runner.start();
  cleanups.push(async () => {
    await runner.stop();
    await store.close();
  });
  const photo = await encodePng({ width: 200, height: 200, data: new Uint8Array(200 * 200 * 3).fill(90) });
  return {
    store,
    runner,
    logs,
    submit: async (withPhoto = false) => {
      const gallery = withPhoto ? [{ person: 'alice', fileName: 'alice/1.png', data: photo }] : [];
      const { job } = await store.createJob({
        idempotencyToken: randomUUID(),
        source: { kind: 'uri', uri: '/videos/clip.mp4' },
        options: {},
        tags: {},
        ...(withPhoto && { galleryDigest: galleryDigest(gallery) }),
      });
      await runner.submit({ job, gallery });
      return job.id;
    },
  };
}

async function stagesFor(
  answer: DetectAnswer,
  maxReceiveBytes?: number,
): Promise<{ stages: StageClients; calls: () => number }> {
  const served = await serveStages(answer, maxReceiveBytes);
  const { address } = served;
  const stages = createStageClients({ detector: address, recognizer: address, attributes: address });
  cleanups.push(() => {
    stages.close();
    served.close();
    return Promise.resolve();
  });
  return { stages, calls: served.calls };
}

/** The job once `done` holds for it, or the job as it stands after `timeoutMs`. */
async function jobWhen(
  store: SqliteJobStore,
  jobId: string,
  done: (job: JobRecord) => boolean,
  timeoutMs: number,
): Promise<JobRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await store.getJob(jobId))!;
    if (done(job) || Date.now() > deadline) return job;
    await sleep(25);
  }
}

const isFinal = (job: JobRecord): boolean =>
  job.state === 'FAILED' || job.state === 'SUCCEEDED' || job.state === 'CANCELLED';

async function states(store: SqliteJobStore, ids: readonly string[]): Promise<JobState[]> {
  return Promise.all(ids.map(async (id) => (await store.getJob(id))!.state));
}

/** Publishes a pipeline result for the job, as a stage would. */
async function publishResult(jobId: string, what: string, result: Omit<PipelineResult, 'jobId'>): Promise<void> {
  await broker.bus().publish(pipelineSubjects.results(jobId), resultCodec.encode({ jobId, ...result }), {
    msgId: pipelineMsgIds.result(jobId, what),
  });
}

suite('pipeline runner: job lifecycle', { skip: skip ?? false }, () => {
  test("a gallery photo over the detector's message limit fails the job at once: FAILED RESOURCE_EXHAUSTED naming the photo, no retry", async () => {
    // The served detector takes messages up to 64 KiB; the 200×200 photo is 120,000 bytes of pixels.
    const { stages, calls } = await stagesFor(() => FACE, 64 * 1024);
    const { store, submit, logs } = await startRunner(stages);
    const began = Date.now();
    const jobId = await submit(true);
    const job = await jobWhen(store, jobId, isFinal, 6000);
    assert.equal(job.state, 'FAILED', `after ${Date.now() - began} ms the job is ${job.state}`);
    assert.equal(job.error?.code, 'RESOURCE_EXHAUSTED', JSON.stringify(job.error));
    assert.match(job.error?.message ?? '', /^gallery photo "alice\/1\.png": .*message limit/);
    assert.doesNotMatch(job.error?.message ?? '', /\n|127\.0\.0\.1/, 'one line, no server address');
    assert.ok(Date.now() - began < 3000, `FAILED after ${Date.now() - began} ms`);
    await sleep(2500);
    assert.equal(calls(), 0, 'the detector refused the message before its handler');
    const retries = logs.filter((l) => l.jobId === jobId && /retry/i.test(String(l.msg)));
    assert.deepEqual(retries, [], 'no retry');
    assert.ok(
      logs.every((l) => Number(l.level) < 50),
      'nothing logged as an error',
    );
  });

  test('an unavailable detector is retried; the job fails once it has made no progress for the stall timeout, with the reason', async () => {
    const { stages, calls } = await stagesFor(() => ({ code: status.UNAVAILABLE, details: 'detector warming up' }));
    const { store, submit, logs } = await startRunner(stages, { stallTimeoutMs: 1500 });
    const jobId = await submit(true);
    const job = await jobWhen(store, jobId, isFinal, 8000);
    assert.equal(job.state, 'FAILED', `the job is ${job.state} after 8 s`);
    assert.equal(job.error?.code, 'DEADLINE_EXCEEDED', JSON.stringify(job.error));
    assert.match(job.error?.message ?? '', /no progress for 1\.5 s.*detector warming up/);
    assert.ok(calls() >= 2, `Detect called ${calls()} times: retried`);
    const withStack = logs.filter(
      (l) => l.jobId === jobId && typeof (l.err as { stack?: unknown } | undefined)?.stack === 'string',
    );
    assert.ok(withStack.length <= 1, `${withStack.length} log lines with a stack trace`);
  });

  test('a detector that comes back: the retried job goes on to RUNNING', async () => {
    const { stages, calls } = await stagesFor((n) =>
      n <= 1 ? { code: status.UNAVAILABLE, details: 'restarting' } : FACE,
    );
    const { store, submit } = await startRunner(stages);
    const jobId = await submit(true);
    const job = await jobWhen(store, jobId, (j) => j.state !== 'QUEUED', 8000);
    assert.equal(job.state, 'RUNNING', JSON.stringify(job.error));
    assert.equal(calls(), 2);
    for (let waited = 0; (await store.getParts(jobId, 'decode-requested')).length === 0 && waited < 3000; waited += 25)
      await sleep(25);
    assert.equal((await store.getParts(jobId, 'decode-requested')).length, 1, 'the DecodeJob is published');
  });

  test('at most maxRunningJobs jobs run at once; the others wait QUEUED and start in the order they came', async () => {
    const { stages } = await stagesFor(() => FACE);
    const { store, submit } = await startRunner(stages, { maxRunningJobs: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await submit(i % 2 === 0));
    await jobWhen(store, ids[1]!, (j) => j.state === 'RUNNING', 5000);
    await sleep(300);
    assert.deepEqual(await states(store, ids), ['RUNNING', 'RUNNING', 'QUEUED', 'QUEUED']);
    assert.equal((await store.getParts(ids[2]!, 'decode-requested')).length, 0, 'nothing published for a waiting job');

    await publishResult(ids[0]!, 'failure.decode', { failure: { code: 'INVALID_ARGUMENT', message: 'not a video' } });
    await jobWhen(store, ids[2]!, (j) => j.state === 'RUNNING', 5000);
    await sleep(300);
    assert.deepEqual(await states(store, ids), ['FAILED', 'RUNNING', 'RUNNING', 'QUEUED']);

    await publishResult(ids[1]!, 'failure.decode', { failure: { code: 'INVALID_ARGUMENT', message: 'not a video' } });
    await jobWhen(store, ids[3]!, (j) => j.state === 'RUNNING', 5000);
    assert.deepEqual(await states(store, ids), ['FAILED', 'FAILED', 'RUNNING', 'RUNNING']);
  });

  test('a job whose video no decoder has taken waits while other jobs progress, and fails once nothing progresses', async () => {
    const { stages } = await stagesFor(() => FACE);
    const { store, submit } = await startRunner(stages, { stallTimeoutMs: 1000 });
    const busy = await submit();
    const waiting = await submit();
    await jobWhen(store, waiting, (j) => j.state === 'RUNNING', 5000);
    // The busy job's decoder reports progress for 2.5 s; the other job's video is not taken meanwhile.
    for (let i = 1; i <= 10; i++) {
      await publishResult(busy, `progress.decoded.${i * 25}`, {
        progress: { framesDecoded: i * 25, framesTotal: 1000 },
      });
      await sleep(250);
    }
    assert.deepEqual(
      await states(store, [busy, waiting]),
      ['RUNNING', 'RUNNING'],
      'the waiting job is not stalled while the pipeline moves',
    );
    const ended = await jobWhen(store, waiting, isFinal, 5000);
    assert.equal(ended.state, 'FAILED');
    assert.equal(ended.error?.code, 'DEADLINE_EXCEEDED');
    assert.match(ended.error?.message ?? '', /no progress for 1 s.*no decoder has taken the video/);
    assert.equal(
      (await jobWhen(store, busy, isFinal, 5000)).state,
      'FAILED',
      'the busy job stalls too once its progress stops',
    );
  });
});
