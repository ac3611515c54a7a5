import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crashLine } from '../src/supervise.ts';

test('crashLine: a crash while reading names the file; other ends say what stopped the analysis', () => {
  assert.equal(
    crashLine('SIGSEGV', '/v/clip.mp4'),
    'pmr: /v/clip.mp4: reading this file crashed the video decoder (SIGSEGV); it is damaged, or not a video PMR can read',
  );
  assert.equal(crashLine('SIGABRT', null), 'pmr: the analysis crashed (SIGABRT)');
  assert.equal(crashLine('SIGKILL', '/v/clip.mp4'), 'pmr: the analysis was stopped by SIGKILL (out of memory?)');
  assert.equal(crashLine('SIGTERM', null), 'pmr: the analysis was stopped by SIGTERM');
  for (const line of [crashLine('SIGBUS', 'a\nb'), crashLine('SIGILL', null)]) assert.match(line, /^pmr: [^\n]*$/);
});
