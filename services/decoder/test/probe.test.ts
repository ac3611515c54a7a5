import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PmrError } from '@pmr/common';
import { probeVideo } from '../src/probe.ts';
import { clipsSkip, cutFile, dataDir, hamilton, makeRotatedHamilton, tempFolder } from './media-fixtures.ts';

const missing = clipsSkip(hamilton);

/** The reason given for an MP4 whose index (moov, written last) is missing or cut: an interrupted recording. */
const CUT_OFF = String.raw`the file ends before the end of its index \(the MP4 moov box, written when a recording is finished\), as an interrupted recording does; without it no frame can be found \(a tool such as untrunc can rebuild it from a complete recording made with the same camera\)`;

const isInvalid = (pattern: RegExp) => (err: unknown) =>
  err instanceof PmrError &&
  err.code === 'INVALID_ARGUMENT' &&
  pattern.test(err.message) &&
  !err.message.includes('\n');

test('probeVideo: short_hamilton_clip.mp4', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const info = await probeVideo(hamilton);
  assert.equal(info.codec, 'h264');
  assert.equal(info.width, 640);
  assert.equal(info.height, 360);
  assert.equal(info.rotation, 0);
  assert.ok(Math.abs(info.fps - 29.97) < 1e-9, `fps ${info.fps}`);
  assert.equal(info.frameCount, 275);
  assert.equal(info.frameCountExact, true);
  assert.ok(Math.abs(info.duration - 275 / 29.97) < 0.01, `duration ${info.duration}`);
  assert.equal(info.hasAudio, true);
  assert.equal(info.path, hamilton);
});

test('probeVideo: rotated clip reports display size', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const tmp = tempFolder();
  t.after(tmp.remove);
  const info = await probeVideo(await makeRotatedHamilton(tmp.dir));
  assert.ok(info.rotation === 90 || info.rotation === 270, `rotation ${info.rotation}`);
  assert.deepEqual([info.width, info.height, info.frameCount, info.hasAudio], [360, 640, 20, false]);
});

test('probeVideo: missing, non-video and unreadable files are INVALID_ARGUMENT with one line', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const tmp = tempFolder();
  t.after(tmp.remove);
  const text = join(tmp.dir, 'notes.txt');
  writeFileSync(text, 'hello, this is not a video\n');
  const textAsMp4 = join(tmp.dir, 'notes.mp4');
  copyFileSync(text, textAsMp4);
  const empty = join(tmp.dir, 'empty.mp4');
  writeFileSync(empty, '');
  const jpeg = join(dataDir, 'attributes', 'emotion_happy.jpg');
  const cases: [string, unknown, RegExp][] = [
    ['missing file', join(tmp.dir, 'nope.mp4'), /nope\.mp4: no such file$/],
    ['a folder', tmp.dir, /not a regular file$/],
    ['text named .txt', text, /notes\.txt: not a readable video \(.+\)$/],
    ['text named .mp4', textAsMp4, /notes\.mp4: not a readable video \(.+\)$/],
    [
      'half of a moov-at-end mp4',
      cutFile(hamilton, 0.5, 'half.mp4', tmp.dir),
      new RegExp(`half\\.mp4: not a readable video: ${CUT_OFF}$`),
    ],
    [
      'a moov-at-end mp4 cut inside its index',
      cutFile(hamilton, 0.995, 'most.mp4', tmp.dir),
      new RegExp(`most\\.mp4: not a readable video: ${CUT_OFF}$`),
    ],
    ['an empty file', empty, /empty\.mp4: the file is empty \(0 bytes\)$/],
    ['a JPEG (stills are rejected)', jpeg, /is a still image/],
    ['not a string', 42, /must be a non-empty string/],
    ['empty string', '', /must be a non-empty string/],
    ['a protocol name', 'concat:/etc/passwd|/etc/hosts', /no such file/],
  ];
  // a playlist names other files (or hosts) to read: its demuxer is not among those accepted
  const playlist = join(tmp.dir, 'list.m3u8');
  writeFileSync(playlist, `#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\n${hamilton}\n#EXT-X-ENDLIST\n`);
  cases.push(['an HLS playlist naming a real video', playlist, /list\.m3u8: not a readable video \(.+\)$/]);
  const concatList = join(tmp.dir, 'list.ffconcat');
  writeFileSync(concatList, `ffconcat version 1.0\nfile '${hamilton}'\n`);
  cases.push(['a concat list naming a real video', concatList, /list\.ffconcat: not a readable video \(.+\)$/]);
  for (const [name, path, pattern] of cases) await assert.rejects(probeVideo(path as string), isInvalid(pattern), name);
});
