// The DecoderService handlers with a fake decode stage and a fake call (no decoding, no socket): backpressure
// (nothing more is pulled from the decoder until 'drain'), cancellation (the decode is aborted and its
// iteration ended), and the status of each kind of failure.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { status, type StatusObject } from '@grpc/grpc-js';
import { invalidArgument, type Frame } from '@pmr/common';
import { silentLogger } from '@pmr/common/logger';
import type { DecodedVideo, DecodeOutcome } from '../src/decode.ts';
import type { DecodeOptions } from '../src/decode-options.ts';
import type { DecodeVideoRequest__Output, DecodeVideoResponse } from '../src/service/common-bridge.ts';
import {
  createDecoderHandlers,
  streamDecode,
  type DecodeCall,
  type DecoderHandlerOptions,
} from '../src/service/decode-handler.ts';
import type { VideoInfo } from '../src/video-info.ts';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'pmr-decoder-handler-')));
const root = join(base, 'root');
mkdirSync(root);
mkdirSync(join(base, 'outside'));
writeFileSync(join(root, 'clip.mp4'), 'not really a video: the stage is faked');
writeFileSync(join(base, 'outside', 'x.mp4'), 'x');
process.on('exit', () => rmSync(base, { recursive: true, force: true }));
const CLIP = join(root, 'clip.mp4');

const INFO: VideoInfo = {
  path: CLIP,
  container: 'mov,mp4',
  codec: 'h264',
  width: 2,
  height: 2,
  rotation: 0,
  fps: 10,
  startTime: 0,
  duration: 0.5,
  frameCount: 5,
  frameCountExact: true,
  hasAudio: false,
};

/** A fake stage: `count` 2x2 frames; records pulls, the options it got, and whether the iteration ended. */
function fakeStage(count: number, delayMs = 0) {
  const seen = { pulled: 0, ended: false, options: undefined as DecodeOptions | undefined, path: '' };
  const decode = (path: string, options: DecodeOptions = {}): Promise<DecodedVideo> => {
    seen.path = path;
    seen.options = options;
    let settle: (o: DecodeOutcome) => void = () => undefined;
    const outcome = new Promise<DecodeOutcome>((done) => (settle = done));
    async function* frames(): AsyncGenerator<Frame> {
      try {
        for (let i = 0; i < count; i++) {
          if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
          if (options.signal?.aborted === true) throw new Error('aborted');
          seen.pulled++;
          yield {
            index: i,
            pts: i / 10,
            sourceFirst: i,
            sourceLast: i,
            ptsLast: i / 10,
            lastDuration: 0.1,
            sceneCut: i === 0,
            image: { width: 2, height: 2, data: new Uint8Array(12).fill(i) },
          };
        }
      } finally {
        seen.ended = true;
        settle({
          complete: seen.pulled === count,
          sourceFrames: seen.pulled,
          decodedFrames: seen.pulled,
          emittedFrames: seen.pulled,
        });
      }
    }
    return Promise.resolve({ info: INFO, decoder: 'software', frames: frames(), outcome, recycle: () => undefined });
  };
  return { seen, decode };
}

class FakeCall extends EventEmitter implements DecodeCall {
  cancelled = false;
  readonly written: DecodeVideoResponse[] = [];
  readonly errors: Partial<StatusObject>[] = [];
  ended = false;
  readonly request: DecodeVideoRequest__Output;
  /** write() returns this (false: the transport's buffer is full). */
  accepting: boolean;
  constructor(request: Partial<DecodeVideoRequest__Output>, accepting = true) {
    super();
    this.request = {
      jobId: 'job-7',
      source: CLIP,
      skipMethod: 'SKIP_METHOD_UNSPECIFIED',
      encoding: 'IMAGE_ENCODING_UNSPECIFIED',
      ...request,
    };
    this.accepting = accepting;
  }
  write(message: DecodeVideoResponse): boolean {
    this.written.push(message);
    return this.accepting;
  }
  end(): void {
    this.ended = true;
  }
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'error') {
      this.errors.push(args[0] as Partial<StatusObject>);
      return true;
    }
    return super.emit(event, ...args);
  }
  cancel(): void {
    this.cancelled = true;
    this.emit('cancelled');
  }
}

function options(
  decode: DecoderHandlerOptions['decode'],
  extra: Partial<DecoderHandlerOptions> = {},
): DecoderHandlerOptions {
  return {
    roots: [root],
    realRoots: [root],
    hwaccel: 'none',
    jpegQuality: 80,
    logger: silentLogger(),
    decode,
    ...extra,
  };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
/** Let the handler run until `ready()` holds (it may wait on file-system I/O first), for at most about a second. */
async function settle(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((r) => setTimeout(r, 5));
  for (let k = 0; k < 5; k++) await tick(); // and a little longer, so a wrongful extra pull would show
}

test('DecodeVideo: info, every frame with the job id, then the outcome; options passed through', async () => {
  const stage = fakeStage(3);
  let sent = 0;
  const call = new FakeCall({ fps: 5, maxFrames: 9, skipMethod: 'SKIP_METHOD_NONE' });
  await streamDecode(call, options(stage.decode, { onFrame: () => sent++ }), silentLogger());
  assert.deepEqual(
    call.written.map((m) => Object.keys(m)[0]),
    ['info', 'frame', 'frame', 'frame', 'outcome'],
  );
  assert.equal(call.written[0]?.info?.source, CLIP);
  assert.deepEqual(
    call.written.slice(1, 4).map((m) => [m.frame?.jobId, m.frame?.index]),
    [
      ['job-7', 0],
      ['job-7', 1],
      ['job-7', 2],
    ],
  );
  assert.deepEqual(call.written[4]?.outcome, {
    complete: true,
    sourceFrames: 3,
    decodedFrames: 3,
    emittedFrames: 3,
    error: '',
  });
  assert.equal(call.ended, true);
  assert.equal(sent, 3);
  assert.deepEqual(call.errors, []);
  assert.equal(stage.seen.path, CLIP);
  assert.equal(stage.seen.options?.fps, 5);
  assert.equal(stage.seen.options?.maxFrames, 9);
  assert.deepEqual(stage.seen.options?.skip, { method: 'none' });
  assert.ok(stage.seen.options?.signal instanceof AbortSignal);
});

test('DecodeVideo backpressure: after a write returns false nothing more is pulled until drain', async () => {
  const stage = fakeStage(3);
  const call = new FakeCall({}, false);
  const done = streamDecode(call, options(stage.decode), silentLogger());
  const counts: Array<[number, number]> = [];
  for (let i = 0; i < 5; i++) {
    await settle(() => call.written.length > i);
    counts.push([call.written.length, stage.seen.pulled]);
    call.emit('drain');
  }
  await done;
  // [messages written, frames pulled]: info waits; then one frame per drain; the outcome ends it.
  assert.deepEqual(counts, [
    [1, 0],
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 3],
  ]);
  assert.equal(call.ended, true);
});

test('DecodeVideo cancelled mid-stream: the decode is aborted and its iteration ended; nothing more is sent', async () => {
  const stage = fakeStage(100, 2);
  const call = new FakeCall({});
  const done = streamDecode(call, options(stage.decode), silentLogger());
  while (call.written.length < 3) await new Promise((r) => setTimeout(r, 1));
  call.cancel();
  await done;
  assert.equal(stage.seen.options?.signal?.aborted, true);
  assert.equal(stage.seen.ended, true);
  assert.ok(stage.seen.pulled < 100);
  assert.ok(call.written.every((m) => m.outcome === undefined));
  assert.equal(call.ended, false);
  assert.deepEqual(call.errors, []);
});

const FAILURES: ReadonlyArray<{
  name: string;
  request: Partial<DecodeVideoRequest__Output>;
  decode?: DecoderHandlerOptions['decode'];
  code: status;
  details: string;
}> = [
  {
    name: 'outside the roots',
    request: { source: join(base, 'outside', 'x.mp4') },
    code: status.PERMISSION_DENIED,
    details: 'outside the decoder media roots',
  },
  {
    name: 'traversal',
    request: { source: `${root}/../outside/x.mp4` },
    code: status.PERMISSION_DENIED,
    details: '".." segment',
  },
  { name: 'missing', request: { source: join(root, 'gone.mp4') }, code: status.NOT_FOUND, details: 'no such file' },
  {
    name: 'a URL',
    request: { source: 'https://example.com/a.mp4' },
    code: status.INVALID_ARGUMENT,
    details: 'is a URL',
  },
  {
    name: 'an unknown encoding',
    request: { encoding: 5 as unknown as 'IMAGE_ENCODING_JPEG' },
    code: status.INVALID_ARGUMENT,
    details: 'encoding 5',
  },
  {
    name: 'the stage refuses',
    request: {},
    decode: () => Promise.reject(invalidArgument('fps must be a number ≥ 0.001, got 0')),
    code: status.INVALID_ARGUMENT,
    details: 'fps must be',
  },
  {
    name: 'a bug in the stage',
    request: {},
    decode: () => Promise.reject(new Error('secret detail')),
    code: status.INTERNAL,
    details: 'decoding failed; see the decoder log',
  },
];

for (const { name, request, decode, code, details } of FAILURES) {
  test(`DecodeVideo failure: ${name} → ${status[code]}`, async () => {
    const call = new FakeCall(request);
    await streamDecode(call, options(decode ?? fakeStage(1).decode), silentLogger());
    assert.equal(call.errors.length, 1);
    assert.equal(call.errors[0]?.code, code);
    assert.ok(call.errors[0]?.details?.includes(details), call.errors[0]?.details);
    assert.deepEqual(call.written, []);
  });
}

test('ProbeVideo: PERMISSION_DENIED outside the roots, INVALID_ARGUMENT from the stage, info for a good file', async () => {
  const probe = (path: string): Promise<VideoInfo> =>
    path === CLIP ? Promise.resolve(INFO) : Promise.reject(invalidArgument(`${path}: not a readable video`));
  const handlers = createDecoderHandlers(options(undefined, { probe }));
  const call = (source: string): Promise<{ err: Partial<StatusObject> | null; source?: string }> =>
    new Promise((resolve) => {
      const fake = { request: { source } } as unknown as Parameters<typeof handlers.ProbeVideo>[0];
      handlers.ProbeVideo(fake, (err, value) => resolve({ err: err, source: value?.info?.source ?? undefined }));
    });
  assert.deepEqual(await call(CLIP), { err: null, source: CLIP });
  assert.equal((await call('/etc/passwd')).err?.code, status.PERMISSION_DENIED);
  writeFileSync(join(root, 'notes.txt'), 'hello');
  const text = await call(join(root, 'notes.txt'));
  assert.equal(text.err?.code, status.INVALID_ARGUMENT);
  assert.ok(text.err?.details?.includes('not a readable video'));
});
