// A 600 MiB video uploaded through UploadMedia to the six services on a real nats-server: the orchestrator passes the
// bytes on to the object store as they arrive and the decoder copies the object to a temporary file as it reads it,
// so neither process's memory grows with the file; and the job then runs on the uploaded video.
//
// The video is the 1080p crowd clip copied end to end (a stream copy, no encoding: a few seconds) until it passes
// 600 MiB, about 19 minutes long. The job analyses only its first frames (max_frames), so the test costs the upload,
// not 19 minutes of decoding; that the decoder had the whole file shows in the duration it reports, which it reads
// from the MP4 index at the file's end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { credentials } from '@grpc/grpc-js';
import { loadPmrProto } from '@pmr/common/proto';
import type { GetJobResultResponse__Output } from '@pmr/common/proto/generated/pmr/v1/GetJobResultResponse.ts';
import type { ObjectRef__Output } from '@pmr/common/proto/generated/pmr/v1/ObjectRef.ts';
import type { OrchestratorServiceClient } from '@pmr/common/proto/generated/pmr/v1/OrchestratorService.ts';
import { randomUUID } from 'node:crypto';
import type { StartVideoJobResponse__Output } from '@pmr/common/proto/generated/pmr/v1/StartVideoJobResponse.ts';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import type { LogLine } from '@pmr/common/testing/service-process';
import { remuxVideo } from '@pmr/decoder/testing';
import { startDeployment } from '../src/deployment.ts';
import { readStream, statusName, unary } from '../src/grpc-clients.ts';
import { requireParts } from '@pmr/common/testing/require-parts';
import { missingData, missingModels, video } from '../src/paths.ts';
import { restingRss, sampleRss, type RssSampler } from '../src/rss-sampler.ts';

const skipReason = requireParts(
  missingModels(),
  missingData(),
  natsServerSkipReason(),
  process.platform === 'linux' ? null : 'RSS is read from /proc (Linux only)',
);

const MIB = 1024 * 1024;
const UPLOAD_BYTES = 600 * MIB;
/** What the issue allows a process to grow by while it passes the upload on. */
const RSS_BUDGET_BYTES = 200 * 1000 * 1000;
/** Bytes per UploadMedia message: the most the orchestrator accepts. */
const CHUNK_BYTES = MIB;
const CLIP = video('facenet_pytorch_walking_crowd.mp4');
const CLIP_SECONDS = 4.2;
const MAX_FRAMES = 6;
const CALL_MS = 240_000;

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`;
const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** The crowd clip's video copied end to end into `file` until it holds at least UPLOAD_BYTES; how many copies. */
async function writeLongVideo(file: string): Promise<number> {
  await remuxVideo(CLIP, file, { videoOnly: true });
  const copies = Math.ceil(UPLOAD_BYTES / statSync(file).size) + 1;
  await remuxVideo(CLIP, file, { videoOnly: true, repeat: copies });
  return copies;
}

/** Upload `path` as one UploadMedia call, reading the file as the call drains (the client holds a few chunks). */
async function uploadFile(client: OrchestratorServiceClient, path: string): Promise<ObjectRef__Output> {
  const answer = Promise.withResolvers<ObjectRef__Output>();
  const call = client.UploadMedia({ deadline: Date.now() + CALL_MS }, (err, response) => {
    if (err !== null) answer.reject(err);
    else if (response?.object === null || response?.object === undefined)
      answer.reject(new Error('UploadMedia answered without an object'));
    else answer.resolve(response.object);
  });
  call.on('error', () => undefined); // the callback has the status
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) {
    const data = chunk as Buffer;
    if (!call.write(first ? { fileName: basename(path), size: statSync(path).size, chunk: data } : { chunk: data })) {
      await Promise.race([once(call, 'drain'), answer.promise]);
    }
    first = false;
  }
  call.end();
  return answer.promise;
}

/** Resolves once `logs` holds a line that `matches` (a service's lines arrive as it writes them). */
async function logged(logs: readonly LogLine[], matches: (line: LogLine) => boolean): Promise<void> {
  const deadline = Date.now() + CALL_MS;
  while (!logs.some(matches)) {
    if (Date.now() > deadline) throw new Error(`no such log line in ${CALL_MS / 1000} s`);
    await sleep(20);
  }
}

test(
  'a 600 MiB upload costs the orchestrator and the decoder under 200 MB of RSS each, and the job runs on it',
  { skip: skipReason ?? false, timeout: 600_000 },
  async (t) => {
    const started = performance.now();
    const work = mkdtempSync(join(tmpdir(), 'pmr-large-upload-'));
    try {
      const file = join(work, 'crowd-long.mp4');
      const copies = await writeLongVideo(file);
      const size = statSync(file).size;
      assert.ok(size >= UPLOAD_BYTES, `the test video is ${size} bytes`);
      t.diagnostic(`video: ${size} bytes (${copies} copies of the crowd clip), written in ${seconds(started)}`);

      const deployment = await startDeployment();
      const client = new (loadPmrProto().pmr.v1.OrchestratorService)(
        deployment.orchestratorAddress(),
        credentials.createInsecure(),
      );
      const samplers: RssSampler[] = [];
      try {
        t.diagnostic(`deployment up at ${seconds(started)}`);
        const orchestrator = deployment.services.get('orchestrator')![0]!;
        const decoder = deployment.services.get('decoder')![0]!;
        const [orchestratorIdle, decoderIdle] = await Promise.all([
          restingRss(orchestrator.child.pid!),
          restingRss(decoder.child.pid!),
        ]);
        const orchestratorRss = sampleRss(orchestrator.child.pid!);
        const decoderRss = sampleRss(decoder.child.pid!);
        samplers.push(orchestratorRss, decoderRss);
        const uploadStart = performance.now();
        const ref = await uploadFile(client, file);
        const orchestratorPeak = orchestratorRss.peak();
        assert.equal(ref.size, String(size));
        t.diagnostic(
          `upload: ${seconds(uploadStart)}; orchestrator RSS idle ${mb(orchestratorIdle)}, peak ${mb(orchestratorPeak)} (+${mb(orchestratorPeak - orchestratorIdle)})`,
        );

        const jobStart = performance.now();
        const request = {
          clientToken: randomUUID(),
          video: { upload: ref },
          options: { maxFrames: MAX_FRAMES, skipMethod: 'SKIP_METHOD_NONE' as const },
        };
        const { job } = await unary<StartVideoJobResponse__Output>((o, cb) => client.StartVideoJob(request, o, cb));
        assert.ok(job !== null);
        const watching = readStream(client.WatchJob({ jobId: job.id }, { deadline: Date.now() + CALL_MS }));
        // The decoder logs `decoding` once the object is in its temporary file and FFmpeg has opened it.
        await logged(decoder.logs, (line) => line.msg === 'decoding' && line.jobId === job.id);
        const decoderReadPeak = decoderRss.peak();
        t.diagnostic(
          `decoder: object read and opened ${seconds(jobStart)} after StartVideoJob; RSS idle ${mb(decoderIdle)}, peak ${mb(decoderReadPeak)} (+${mb(decoderReadPeak - decoderIdle)})`,
        );
        const watched = await watching;
        assert.equal(statusName(watched.status.code), 'OK', watched.status.details);
        const ended = watched.messages.at(-1)?.job;
        assert.equal(
          ended?.state,
          'JOB_STATE_SUCCEEDED',
          `job ended ${ended?.state}: ${ended?.error?.code} ${ended?.error?.message}`,
        );
        const decoderPeak = decoderRss.peak();
        const orchestratorJobPeak = orchestratorRss.peak();
        t.diagnostic(
          `job: ${seconds(jobStart)}; decoder RSS peak with decoding +${mb(decoderPeak - decoderIdle)}; orchestrator peak over upload and job +${mb(orchestratorJobPeak - orchestratorIdle)}`,
        );

        const result = await unary<GetJobResultResponse__Output>((o, cb) =>
          client.GetJobResult({ jobId: job.id }, o, cb),
        );
        assert.equal(result.video?.analysedFrames, MAX_FRAMES);
        assert.ok(
          (result.video?.duration ?? 0) > (copies - 1) * CLIP_SECONDS,
          `the decoder read the whole file: ${result.video?.duration} s for ${copies} copies of a ${CLIP_SECONDS} s clip`,
        );
        assert.ok(result.tracks.length > 0, 'the crowd has faces in its first frames');

        assert.ok(
          orchestratorPeak - orchestratorIdle < RSS_BUDGET_BYTES,
          `orchestrator RSS grew by ${mb(orchestratorPeak - orchestratorIdle)} during the upload`,
        );
        assert.ok(
          orchestratorJobPeak - orchestratorIdle < RSS_BUDGET_BYTES,
          `orchestrator RSS grew by ${mb(orchestratorJobPeak - orchestratorIdle)} by the job's end`,
        );
        assert.ok(
          decoderReadPeak - decoderIdle < RSS_BUDGET_BYTES,
          `decoder RSS grew by ${mb(decoderReadPeak - decoderIdle)} while it read the object`,
        );
        assert.ok(
          decoderPeak - decoderIdle < RSS_BUDGET_BYTES,
          `decoder RSS grew by ${mb(decoderPeak - decoderIdle)} by the job's end`,
        );
      } finally {
        for (const sampler of samplers) sampler.stop();
        client.close();
        await deployment.stop();
      }
      t.diagnostic(`total ${seconds(started)}`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
);
