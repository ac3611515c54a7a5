import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, relative, resolve } from 'node:path';
import { PmrError } from '@pmr/common';
import { ffmpegBinary, ffprobeBinary, firstErrorLine, mediaInput } from '../src/tools.ts';

test('firstErrorLine strips ffmpeg prefixes and keeps one line', () => {
  const cases = [
    { stderr: '[h264 @ 0x55c0110d2e40] Invalid NAL unit size (2417 > 2238).\n[h264 @ 0x1] other\n', input: undefined, want: 'Invalid NAL unit size (2417 > 2238).' },
    { stderr: 'file:/tmp/a.mp4: Invalid data found when processing input\n', input: 'file:/tmp/a.mp4', want: 'Invalid data found when processing input' },
    { stderr: '\n\n  \nsecond\n', input: undefined, want: 'second' },
    { stderr: '', input: undefined, want: '' },
    { stderr: 'x'.repeat(300), input: undefined, want: `${'x'.repeat(200)}…` },
  ];
  for (const { stderr, input, want } of cases) assert.equal(firstErrorLine(stderr, input), want, JSON.stringify(stderr.slice(0, 40)));
});

test('mediaInput: file: protocol on the absolute path; bad paths are INVALID_ARGUMENT', async () => {
  const here = relative(process.cwd(), join(import.meta.dirname, '..', 'package.json'));
  assert.deepEqual(await mediaInput(here), { path: here, input: `file:${resolve(here)}` });
  const bad: [unknown, RegExp][] = [
    [undefined, /non-empty string/],
    [['a'], /non-empty string/],
    ['a\0b', /NUL/],
    ['-i', /no such file/],
    ['/', /not a regular file/],
  ];
  for (const [path, pattern] of bad) {
    await assert.rejects(mediaInput(path), (err: unknown) => err instanceof PmrError && err.code === 'INVALID_ARGUMENT' && pattern.test(err.message), String(path));
  }
});

test('binary paths: option, then environment, then PATH', () => {
  assert.equal(ffmpegBinary({ ffmpegPath: '/opt/ff/ffmpeg' }), '/opt/ff/ffmpeg');
  assert.equal(ffprobeBinary({ ffprobePath: '/opt/ff/ffprobe' }), '/opt/ff/ffprobe');
  assert.equal(ffmpegBinary(), process.env.PMR_FFMPEG ?? 'ffmpeg');
  assert.equal(ffprobeBinary({}), process.env.PMR_FFPROBE ?? 'ffprobe');
});
