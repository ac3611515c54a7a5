// Bad input ends with a one-line error and a non-zero exit code, never a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingData, missingModels, video } from '../src/paths.ts';
import { runCli } from '../src/run-cli.ts';

const skipReason = missingModels() ?? missingData();

function assertOneLineError(run: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  assert.equal(run.code, 1, `exit code; stderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line, got: ${run.stderr}`);
  assert.match(lines[0]!, /^pmr: /);
  assert.match(lines[0]!, message);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
}

test('usage errors exit 2 with the usage text', async () => {
  const run = await runCli(['analyze']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /analyze needs a VIDEO/);
  assert.match(run.stderr, /usage:/);
});

test('bad input: each case is a one-line error', { skip: skipReason ?? false }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-bad-'));
  const text = join(dir, 'notes.mp4');
  await writeFile(text, 'this is not a video\n');
  const emptyGallery = join(dir, 'gallery');
  await mkdir(emptyGallery);
  const badImage = join(dir, 'broken.jpg');
  await writeFile(badImage, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));

  await t.test('missing video', async () => assertOneLineError(await runCli(['analyze', join(dir, 'nope.mp4')]), /nope\.mp4.*no such file/));
  await t.test('not a video', async () => assertOneLineError(await runCli(['analyze', text]), /notes\.mp4/));
  await t.test('empty gallery folder', async () =>
    assertOneLineError(await runCli(['analyze', video('head-pose-face-detection-female.mp4'), '--gallery', emptyGallery]), /gallery/));
  await t.test('missing gallery folder', async () =>
    assertOneLineError(await runCli(['detect', badImage, '--gallery', join(dir, 'nowhere')]), /no such folder/));
  await t.test('unreadable image', async () => assertOneLineError(await runCli(['detect', badImage]), /broken\.jpg.*not a readable image/));
  await t.test('missing image', async () => assertOneLineError(await runCli(['detect', join(dir, 'nope.jpg')]), /nope\.jpg.*no such file/));
  await t.test('bad PMR_MODELS_DIR', async () =>
    assertOneLineError(await runCli(['detect', badImage], { PMR_MODELS_DIR: join(dir, 'no-models') }), /PMR_MODELS_DIR/));
});
