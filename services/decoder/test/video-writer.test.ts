import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PmrError } from '@pmr/common';
import { decodeVideo } from '../src/decode.ts';
import { VideoWriter } from '../src/media/video-writer.ts';
import { probeVideo } from '../src/probe.ts';
import { clipsSkip, hamilton, tempFolder, testPattern } from './media-fixtures.ts';

const missing = clipsSkip(hamilton);

async function readBack(path: string): Promise<{ times: number[]; complete: boolean }> {
  const decoding = await decodeVideo(path, { skip: { method: 'none' } });
  const times: number[] = [];
  for await (const f of decoding.frames) times.push(f.pts);
  return { times, complete: (await decoding.outcome).complete };
}

test('VideoWriter: frames at their own (uneven) times, the audio of another file copied alongside', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const tmp = tempFolder();
  t.after(tmp.remove);
  const out = join(tmp.dir, 'written.mp4');
  // 20 frames from 1 s: ten 0.1 s apart, then ten 0.3 s apart (like a phone slowing down in the dark)
  const times = Array.from({ length: 20 }, (_, i) => (i < 10 ? 1 + i / 10 : 1.9 + (i - 9) * 0.3));
  const writer = await VideoWriter.create(out, { width: 64, height: 48, fps: 10, audioFrom: hamilton });
  for (const [k, time] of times.entries()) await writer.write(testPattern(64, 48, k), time);
  await writer.finish(times.at(-1)! + 0.3);
  const info = await probeVideo(out);
  assert.deepEqual([info.width, info.height, info.codec, info.hasAudio], [64, 48, 'h264', true]);
  const back = await readBack(out);
  assert.equal(back.complete, true);
  assert.equal(back.times.length, 20);
  back.times.forEach((time, i) =>
    assert.ok(Math.abs(time - times[i]!) < 1e-3, `frame ${i} at ${time} s, written at ${times[i]} s`),
  );
});

test('VideoWriter: an odd size is encoded at the even size below it; bad frames are refused; discard leaves no file', async (t) => {
  const tmp = tempFolder();
  t.after(tmp.remove);
  const odd = join(tmp.dir, 'odd.mkv');
  const writer = await VideoWriter.create(odd, { width: 65, height: 33, fps: 5, codec: 'mpeg4' });
  await writer.write(testPattern(65, 33, 0), 0);
  const invalid = (err: unknown): boolean => err instanceof PmrError && err.code === 'INVALID_ARGUMENT';
  await assert.rejects(writer.write(testPattern(65, 33, 1), 0), invalid, 'a time that does not increase');
  await assert.rejects(writer.write(testPattern(64, 32, 1), 1), invalid, 'a frame of another size');
  await writer.write(testPattern(65, 33, 2), 0.2);
  await writer.finish();
  const info = await probeVideo(odd);
  assert.deepEqual([info.width, info.height, info.codec], [64, 32, 'mpeg4']);
  assert.deepEqual(
    (await readBack(odd)).times.map((x) => Math.round(x * 1000) / 1000),
    [0, 0.2],
  );

  const dropped = join(tmp.dir, 'dropped.mp4');
  const unfinished = await VideoWriter.create(dropped, { width: 32, height: 32, fps: 5 });
  await unfinished.write(testPattern(32, 32, 0), 0);
  await unfinished.discard();
  assert.equal(existsSync(dropped), false);
  await assert.rejects(
    VideoWriter.create(join(tmp.dir, 'x.notavideo'), { width: 32, height: 32, fps: 5 }),
    (err: unknown) => invalid(err) && /cannot write \.notavideo files/.test((err as Error).message),
  );
  await assert.rejects(VideoWriter.create(join(tmp.dir, 'y.mp4'), { width: 1, height: 32, fps: 5 }), invalid);
});
