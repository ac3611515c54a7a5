// The decoder service as a real process (bin/decoder-service.ts on free ports), called over real sockets:
// health and reflection, ProbeVideo and DecodeVideo on the shared clips, sources outside the roots, through `..`
// or a symlink (PERMISSION_DENIED), a text file (INVALID_ARGUMENT), a missing file (NOT_FOUND), a DecodeVideo
// cancelled mid-way (its video closed at once), and SIGTERM (exit 0). Bad configuration exits 2.
import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { credentials, status, type ServiceError } from '@grpc/grpc-js';
import { loadPmrProto, messageSizeOptions } from '@pmr/common/proto';
import { checkHealth, listReflectedServices, type DecodeVideoResponse__Output } from '../src/service/common-bridge.ts';
import { clipsSkip, hamilton, videosDir } from './media-fixtures.ts';
import { exitOf, runWithConfig, startServiceProcess, stopSteps } from '@pmr/common/testing/service-process';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const BIN = join(repoRoot, 'services', 'decoder', 'bin', 'decoder-service.ts');
const FEMALE = join(videosDir, 'head-pose-face-detection-female.mp4');
const SHUTDOWN_MS = 3000;

/** The service's pmr_decoder_open_videos gauge: videos open in its FFmpeg. */
async function openVideos(metricsPort: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const line = /^pmr_decoder_open_videos(?:\{[^}]*\})? (\d+)$/m.exec(text);
  assert.ok(line !== null, 'the gauge is exported');
  return Number(line[1]);
}

const startService = (env: Readonly<Record<string, string>>) =>
  startServiceProcess(BIN, { cwd: repoRoot, env: { PMR_SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_MS), ...env } });

test('the decoder service process: health, reflection, probe, decode, confinement, cancel, SIGTERM', async (t) => {
  const missing = clipsSkip(hamilton, FEMALE);
  if (missing !== undefined) {
    t.skip(missing);
    return;
  }
  const extra = realpathSync(mkdtempSync(join(tmpdir(), 'pmr-decoder-service-')));
  t.after(() => rmSync(extra, { recursive: true, force: true }));
  writeFileSync(join(extra, 'notes.txt'), 'a text file, not a video\n');
  const outside = realpathSync(mkdtempSync(join(tmpdir(), 'pmr-decoder-outside-')));
  t.after(() => rmSync(outside, { recursive: true, force: true }));
  writeFileSync(join(outside, 'secret.mp4'), 'outside');
  symlinkSync(join(outside, 'secret.mp4'), join(extra, 'escape.mp4'));

  const service = await startService({ PMR_MEDIA_ROOTS: `${videosDir}:${extra}` });
  const { child, logs } = service;
  const exited = exitOf(child);
  const address = `127.0.0.1:${service.grpcPort}`;
  const pmr = loadPmrProto().pmr.v1;
  const client = new pmr.DecoderService(address, credentials.createInsecure(), messageSizeOptions());
  const probe = (source: string) =>
    new Promise<NonNullable<Parameters<Parameters<typeof client.ProbeVideo>[1]>[1]>>((resolve, reject) =>
      client.ProbeVideo({ source }, (err, res) =>
        err || !res ? reject(err ?? new Error('no response')) : resolve(res),
      ),
    );
  const decodeAll = (request: Parameters<typeof client.DecodeVideo>[0]) =>
    new Promise<DecodeVideoResponse__Output[]>((resolve, reject) => {
      const got: DecodeVideoResponse__Output[] = [];
      const stream = client.DecodeVideo(request);
      stream.on('data', (m: DecodeVideoResponse__Output) => got.push(m));
      stream.on('error', reject);
      stream.on('end', () => resolve(got));
    });
  const rejectsWith = (code: status, details: string) => (err: unknown) => {
    assert.equal((err as ServiceError).code, code, (err as Error).message);
    assert.ok((err as ServiceError).details.includes(details), (err as ServiceError).details);
    return true;
  };
  try {
    assert.equal(await checkHealth(address), 'SERVING');
    assert.equal(await checkHealth(address, 'pmr.v1.DecoderService'), 'SERVING');
    assert.deepEqual(await listReflectedServices(address), ['grpc.health.v1.Health', 'pmr.v1.DecoderService']);

    const { info } = await probe(hamilton);
    assert.deepEqual(
      [info?.source, info?.width, info?.height, info?.frameCount, info?.frameCountExact],
      [hamilton, 640, 360, 275, true],
    );

    const t0 = performance.now();
    const messages = await decodeAll({ jobId: 'job-1', source: FEMALE, skipMethod: 'SKIP_METHOD_NONE' });
    const frames = messages.filter((m) => m.event === 'frame').map((m) => m.frame!);
    t.diagnostic(
      `DecodeVideo ${FEMALE.split('/').at(-1)} (RGB24, every frame) over gRPC: ${Math.round(performance.now() - t0)} ms, ${frames.length} frames`,
    );
    assert.equal(messages[0]?.event, 'info');
    assert.equal(messages.at(-1)?.event, 'outcome');
    const { width, height, frameCount } = messages[0].info!;
    assert.equal(frames.length, frameCount);
    assert.deepEqual(
      frames.map((f) => f.index),
      [...Array(frameCount).keys()],
    );
    for (const f of frames) {
      assert.equal(f.jobId, 'job-1');
      assert.deepEqual(
        [f.image?.encoding, f.image?.width, f.image?.height, f.image?.data.length],
        ['IMAGE_ENCODING_RGB24', width, height, width * height * 3],
      );
    }
    assert.deepEqual(messages.at(-1)!.outcome, {
      complete: true,
      sourceFrames: frameCount,
      decodedFrames: frameCount,
      emittedFrames: frameCount,
      error: '',
    });

    const jpeg = await decodeAll({ jobId: 'job-2', source: hamilton, maxFrames: 2, encoding: 'IMAGE_ENCODING_JPEG' });
    const jpegFrames = jpeg.filter((m) => m.event === 'frame').map((m) => m.frame!.image!);
    assert.deepEqual(
      jpegFrames.map((i) => [i.encoding, i.width, i.height, i.data[0], i.data[1]]),
      [
        ['IMAGE_ENCODING_JPEG', 640, 360, 0xff, 0xd8],
        ['IMAGE_ENCODING_JPEG', 640, 360, 0xff, 0xd8],
      ],
    );
    assert.equal(jpeg.at(-1)?.outcome?.error, 'stopped at max_frames');

    await assert.rejects(
      probe('/etc/passwd'),
      rejectsWith(status.PERMISSION_DENIED, 'outside the decoder media roots'),
    );
    await assert.rejects(
      probe(`${videosDir}/../../../../etc/passwd`),
      rejectsWith(status.PERMISSION_DENIED, '".." segment'),
    );
    await assert.rejects(probe(join(extra, 'escape.mp4')), rejectsWith(status.PERMISSION_DENIED, 'symbolic link'));
    await assert.rejects(probe(join(extra, 'notes.txt')), rejectsWith(status.INVALID_ARGUMENT, 'not a readable video'));
    await assert.rejects(probe(join(videosDir, 'no-such-clip.mp4')), rejectsWith(status.NOT_FOUND, 'no such file'));
    await assert.rejects(probe('http://127.0.0.1/a.mp4'), rejectsWith(status.INVALID_ARGUMENT, 'is a URL'));
    await assert.rejects(
      decodeAll({ source: '/etc/passwd' }),
      rejectsWith(status.PERMISSION_DENIED, 'outside the decoder media roots'),
    );
    await assert.rejects(
      decodeAll({ source: join(extra, 'notes.txt') }),
      rejectsWith(status.INVALID_ARGUMENT, 'not a readable video'),
    );

    // Cancel a DecodeVideo after a few frames: its video must be closed soon after.
    const stream = client.DecodeVideo({ jobId: 'job-3', source: hamilton, skipMethod: 'SKIP_METHOD_NONE' });
    let received = 0;
    stream.on('error', () => undefined);
    await new Promise<void>((resolve) =>
      stream.on('data', () => {
        if (++received === 4) resolve();
      }),
    );
    assert.equal(await openVideos(service.metricsPort), 1, 'the video is open while the stream is');
    const cancelledAt = performance.now();
    stream.cancel();
    while ((await openVideos(service.metricsPort)) > 0 && performance.now() - cancelledAt < 3000)
      await new Promise((r) => setTimeout(r, 20));
    assert.equal(await openVideos(service.metricsPort), 0, 'no video left open after the cancel');
    t.diagnostic(
      `cancel after ${received} messages: video closed within ${Math.round(performance.now() - cancelledAt)} ms`,
    );
    assert.equal(child.exitCode, null);
    assert.equal((await probe(hamilton)).info?.width, 640, 'still serving');

    const signalled = performance.now();
    child.kill('SIGTERM');
    const { code, at } = await exited;
    assert.equal(code, 0);
    assert.ok(at - signalled < SHUTDOWN_MS, `exited ${Math.round(at - signalled)} ms after SIGTERM`);
    assert.deepEqual(stopSteps(logs), ['notServing:done', 'server:done', 'closeListeners:done']);
  } finally {
    client.close();
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('bad configuration: the process exits 2 and its one log line lists every problem', async () => {
  const env: Record<string, string | undefined> = { ...process.env, PMR_GRPC_PORT: 'abc', PMR_JPEG_QUALITY: '101' };
  delete env.PMR_MEDIA_ROOTS;
  const { code, problems } = await runWithConfig(BIN, { cwd: repoRoot, env });
  assert.equal(code, 2);
  assert.deepEqual(problems, [
    'PMR_MEDIA_ROOTS is required (colon-separated absolute folders videos may be read from)',
    'PMR_JPEG_QUALITY="101" must be an integer from 1 to 100 (JPEG quality of frames sent as JPEG)',
    'PMR_GRPC_PORT="abc" must be an integer from 0 to 65535 (gRPC port; 0 picks a free one)',
  ]);
});
