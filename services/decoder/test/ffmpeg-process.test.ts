// The ffmpeg child as decodeVideo starts it: output kept for a late reader, and a process nobody reads still ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFfmpeg } from '../src/ffmpeg-process.ts';
import { ffmpegChildren, ffmpegMissing } from './media-fixtures.ts';

const missing = ffmpegMissing();
const ffmpeg = process.env.PMR_FFMPEG ?? 'ffmpeg';
/** 5 s of a 320×240 test pattern as raw RGB on stdout: far more than a pipe holds, so ffmpeg waits for a reader. */
const pattern = ['-hide_banner', '-nostdin', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=30', '-t', '5', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];

test('discard: an ffmpeg blocked on output nobody reads is killed and counts as ended', async (t) => {
  if (missing !== null) return t.skip(missing);
  const run = startFfmpeg(ffmpeg, pattern);
  await sleep(500); // the pipe and the stream's buffer are full by now
  run.discard();
  const ended = await Promise.race([run.exited, sleep(5000, 'still open')]);
  assert.notEqual(ended, 'still open', 'exited settles once the unread output is dropped');
  assert.deepEqual(ffmpegChildren(), []);
});

test('output read late: what ffmpeg wrote before the reader came is all there', async (t) => {
  if (missing !== null) return t.skip(missing);
  const run = startFfmpeg(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=32x24:rate=10', '-t', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1']);
  await sleep(500); // 10 frames of 32×24 (23 kB): ffmpeg has written them all and ended
  let bytes = 0;
  for await (const chunk of run.output) bytes += chunk.length;
  assert.equal(bytes, 10 * 32 * 24 * 3);
  assert.equal((await run.exited).code, 0);
});
