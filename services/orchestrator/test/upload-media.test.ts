// UploadMedia streams: on a real grpc-js server (127.0.0.1:0), with a sink that stops storing (the client is held
// back instead of the orchestrator buffering the file) and with the service's own sink on a real nats-server's
// object store (chunks are stored while the upload runs; a refused or cancelled upload leaves no object and no chunk).
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  credentials,
  Server,
  ServerCredentials,
  status,
  type ClientWritableStream,
  type ServiceError,
} from '@grpc/grpc-js';
import { silentLogger } from '@pmr/common/logger';
import { connectJetStream, type JetStreamBus, type LargeObjectRef } from '@pmr/common/messaging';
import { PIPELINE_BUCKETS, setUploadsQuota } from '@pmr/common/pipeline';
import { loadPmrProto, messageSizeOptions } from '@pmr/common/proto';
import type { OrchestratorServiceClient } from '@pmr/common/proto/generated/pmr/v1/OrchestratorService.ts';
import type { UploadMediaRequest } from '@pmr/common/proto/generated/pmr/v1/UploadMediaRequest.ts';
import type { UploadMediaResponse__Output } from '@pmr/common/proto/generated/pmr/v1/UploadMediaResponse.ts';
import { natsServerSkipReason, startNatsServer, type NatsServerHandle } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { SqliteJobStore } from '@pmr/store';
import { createOrchestratorHandlers } from '../src/api/handlers.ts';
import { MAX_UPLOAD_CHUNK_BYTES } from '../src/api/upload-media.ts';
import type { JobRunner, UploadSink } from '../src/job-runner.ts';
import { objectStoreUploads } from '../src/pipeline/object-store-uploads.ts';

const pmr = loadPmrProto().pmr.v1;
const MIB = 1024 * 1024;
const MAX_UPLOAD = 4 * MIB;
const UPLOADS_STREAM = `OBJ_${PIPELINE_BUCKETS.uploads}`;

const skip = requireParts(natsServerSkipReason());

const noRunner: JobRunner = {
  submit: () => Promise.reject(new Error('no jobs in this test')),
  cancel: () => Promise.reject(new Error('no jobs in this test')),
};
const closers: Array<() => Promise<void>> = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

async function serve(uploads: UploadSink): Promise<OrchestratorServiceClient> {
  const store = new SqliteJobStore(':memory:');
  const server = new Server(messageSizeOptions());
  server.addService(
    pmr.OrchestratorService.service,
    createOrchestratorHandlers({
      store,
      runner: noRunner,
      uploads,
      logger: silentLogger(),
      maxUploadBytes: MAX_UPLOAD,
    }),
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
  );
  const client = new pmr.OrchestratorService(`127.0.0.1:${port}`, credentials.createInsecure(), messageSizeOptions());
  closers.push(async () => {
    client.close();
    server.forceShutdown();
    await store.close();
  });
  return client;
}

/** An UploadMedia call, and the answer it ends with (a ServiceError is resolved, not thrown). */
function openUpload(client: OrchestratorServiceClient): {
  call: ClientWritableStream<UploadMediaRequest>;
  answer: Promise<UploadMediaResponse__Output | ServiceError>;
} {
  const answer = Promise.withResolvers<UploadMediaResponse__Output | ServiceError>();
  const call = client.UploadMedia((err, response) => answer.resolve(err ?? response!));
  call.on('error', () => undefined); // the callback has the status
  return { call, answer: answer.promise };
}

const message = (i: number, chunk: Buffer, fileName: string, size: number): UploadMediaRequest =>
  i === 0 ? { fileName, size, chunk } : { chunk };

/** Resolves once `check` holds, polling; fails after `ms`. */
async function eventually(check: () => Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`not within ${ms} ms: ${what}`);
    await sleep(20);
  }
}

/** A sink that stores one chunk, then stops until released; it records how its put ended. */
class StalledUploads implements UploadSink {
  readonly bucket = 'uploads';
  readonly release = Promise.withResolvers<void>();
  readonly ended = Promise.withResolvers<unknown>();
  async put(_fileName: string, chunks: ReadableStream<Uint8Array>): Promise<LargeObjectRef> {
    try {
      const reader = chunks.getReader();
      await reader.read();
      await this.release.promise;
      while (!(await reader.read()).done);
      throw new Error('the upload was expected to break');
    } catch (err) {
      this.ended.resolve(err);
      throw err;
    }
  }
  read(): Promise<ReadableStream<Uint8Array>> {
    return Promise.reject(new Error('not in this test'));
  }
}

test('UploadMedia holds the client back while the sink is not storing, instead of buffering the file', async (t) => {
  const sink = new StalledUploads();
  const client = await serve(sink);
  const { call, answer } = openUpload(client);
  const chunk = Buffer.alloc(MAX_UPLOAD_CHUNK_BYTES, 7);
  const attempted = 256; // 256 MiB announced; the limit does not matter, the sink never gets that far
  let written = 0;
  for (; written < attempted; written++) {
    if (!call.write(message(written, chunk, 'big.mp4', MAX_UPLOAD))) {
      const drained = await Promise.race([once(call, 'drain').then(() => true), sleep(500).then(() => false)]);
      if (!drained) break;
    }
  }
  t.diagnostic(`the client was held back after ${written} MiB`);
  assert.ok(written < 64, `the client could write ${written} MiB while the sink stored nothing past its first chunk`);
  call.cancel();
  sink.release.resolve();
  const ended = await sink.ended.promise;
  assert.ok(ended instanceof Error, 'the sink saw the upload break');
  assert.equal(((await answer) as ServiceError).code, status.CANCELLED);
});

let nats: NatsServerHandle | undefined;
let bus: JetStreamBus | undefined;
before(async () => {
  if (skip !== undefined) return;
  nats = await startNatsServer({ jetstream: true });
  bus = await connectJetStream({ servers: nats.url });
  await bus.ensureObjectBucket(PIPELINE_BUCKETS.uploads);
  closers.push(async () => {
    await bus?.close();
    await nats?.stop();
  });
});

const messagesInBucket = async (): Promise<number> => (await bus!.streamState(UPLOADS_STREAM)).messages;

test('into the object store: the upload is stored as it arrives, and reads back whole', { skip }, async () => {
  const client = await serve(objectStoreUploads(bus!));
  const bytes = randomBytes(3 * MIB + 12_345);
  const { call, answer } = openUpload(client);
  for (let i = 0; i * MIB < bytes.length; i++)
    call.write(message(i, bytes.subarray(i * MIB, (i + 1) * MIB), 'clip.mp4', bytes.length));
  call.end();
  const response = await answer;
  assert.ok(!(response instanceof Error), `UploadMedia failed: ${(response as ServiceError).details}`);
  const ref = response.object!;
  assert.equal(ref.size, String(bytes.length));
  assert.equal(ref.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.match(ref.name, /^[0-9a-f-]{36}\/clip\.mp4$/);
  assert.ok(Buffer.from(await new Response(await bus!.readLarge(ref)).arrayBuffer()).equals(bytes));
  await bus!.deleteLarge(ref.bucket, ref.name);
  assert.equal(await messagesInBucket(), 0);
});

test(
  'into the object store: more bytes than the limit is RESOURCE_EXHAUSTED and leaves no chunk',
  { skip },
  async () => {
    const client = await serve(objectStoreUploads(bus!));
    const { call, answer } = openUpload(client);
    const chunk = randomBytes(MIB);
    for (let i = 0; i <= MAX_UPLOAD / MIB; i++) call.write(message(i, chunk, 'liar.mp4', MAX_UPLOAD));
    call.end();
    const refused = (await answer) as ServiceError;
    assert.equal(refused.code, status.RESOURCE_EXHAUSTED, refused.details);
    assert.match(refused.details, /"liar\.mp4": more than 4194304 bytes/);
    await eventually(async () => (await messagesInBucket()) === 0, 'the stored chunks are purged');
  },
);

test('into the object store: a client that cancels half way leaves no object and no chunk', { skip }, async () => {
  const client = await serve(objectStoreUploads(bus!));
  const { call, answer } = openUpload(client);
  const chunk = randomBytes(MIB);
  for (let i = 0; i < 3; i++) call.write(message(i, chunk, 'half.mp4', MAX_UPLOAD));
  await eventually(async () => (await messagesInBucket()) >= 8, 'chunks stored while the upload runs');
  call.cancel();
  assert.equal(((await answer) as ServiceError).code, status.CANCELLED);
  await eventually(async () => (await messagesInBucket()) === 0, 'the stored chunks are purged');
});

test(
  'into the object store: an upload over the bucket quota (PMR_UPLOAD_QUOTA_BYTES) is RESOURCE_EXHAUSTED and leaves no chunk',
  { skip },
  async () => {
    await setUploadsQuota(bus!, 2 * MIB);
    try {
      const client = await serve(objectStoreUploads(bus!));
      const { call, answer } = openUpload(client);
      const chunk = randomBytes(MIB);
      for (let i = 0; i < 3; i++) call.write(message(i, chunk, 'over-quota.mp4', 3 * MIB));
      call.end();
      const refused = (await answer) as ServiceError;
      assert.equal(refused.code, status.RESOURCE_EXHAUSTED, refused.details);
      assert.match(refused.details, /pmr-uploads is full/);
      await eventually(async () => (await messagesInBucket()) === 0, 'the stored chunks are purged');
    } finally {
      await setUploadsQuota(bus!, 0);
    }
  },
);
