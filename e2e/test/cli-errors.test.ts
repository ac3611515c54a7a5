// Bad input ends with a one-line error and a non-zero exit code, never a stack trace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchEnv, nodeArgs } from '@pmr/common';
import { missingData, missingModels, repoRoot, video } from '../src/paths.ts';
import { requireParts } from '@pmr/common/testing/require-parts';
import { pmrBin, runCli } from '../src/run-cli.ts';

const skipReason = requireParts(missingModels(), missingData());

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
  for (const fps of ['1e-9', '-1']) {
    const bad = await runCli(['analyze', 'v.mp4', '--fps', fps]);
    assert.equal(bad.code, 2, `--fps ${fps}: ${bad.stderr}`);
    assert.equal(
      bad.stderr.split('\n')[0],
      `pmr: --fps must be a number of frames per second, at least 0.001, got "${fps}"`,
    );
    assert.match(bad.stderr, /usage:/);
  }
});

test(
  'output paths that cannot be written are refused before anything is analysed: exit 2, one line',
  { skip: skipReason ?? false },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pmr-out-'));
    const clip = video('head-pose-face-detection-female.mp4');
    const cases: Array<[string[], string]> = [
      [['--json', dir], `pmr: --json ${JSON.stringify(dir)} is a folder: name a file to write`],
      [
        ['--json', join(dir, 'no', 'r.json')],
        `pmr: --json ${JSON.stringify(join(dir, 'no', 'r.json'))}: there is no folder ${JSON.stringify(join(dir, 'no'))} to write it in`,
      ],
      [['--annotate', clip], `pmr: --annotate ${JSON.stringify(clip)} is the input video: name another file`],
      [
        ['--remote', '127.0.0.1:1', '--json', dir],
        `pmr: --json ${JSON.stringify(dir)} is a folder: name a file to write`,
      ],
    ];
    for (const [flags, line] of cases) {
      const run = await runCli(['analyze', clip, ...flags], { PMR_LOG_LEVEL: 'info' });
      assert.equal(run.code, 2, `${flags.join(' ')}: ${run.stderr}`);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `${line}\n`, 'one line, nothing analysed or logged before it');
    }
  },
);

test(
  'an empty file, a recording cut off before its index, a very long path: one line each saying why',
  { skip: skipReason ?? false },
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pmr-bad-video-'));
    const empty = join(dir, 'empty.mp4');
    await writeFile(empty, '');
    assertOneLineError(
      await runCli(['analyze', empty]),
      new RegExp(`^pmr: ${empty}: the file is empty \\(0 bytes\\)$`),
    );
    // The camera writes the index (moov) last: a recording stopped by a flat battery has the frames and no index.
    const whole = await readFile(video('short_hamilton_clip.mp4'));
    const cut = join(dir, 'interrupted.mp4');
    await writeFile(cut, whole.subarray(0, whole.length / 2));
    assertOneLineError(
      await runCli(['analyze', cut]),
      /^pmr: \S+interrupted\.mp4: not a readable video: the file ends before the end of its index \(the MP4 moov box, written when a recording is finished\), as an interrupted recording does; without it no frame can be found/,
    );
    const long = join(dir, `${'n'.repeat(3000)}.mp4`);
    const run = await runCli(['analyze', long]);
    assertOneLineError(run, /no such file/);
    assert.ok(run.stderr.length < 400, `the path is capped: ${run.stderr.length} characters`);
  },
);

test('bad input: each case is a one-line error', { skip: skipReason }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-bad-'));
  const text = join(dir, 'notes.mp4');
  await writeFile(text, 'this is not a video\n');
  const emptyGallery = join(dir, 'gallery');
  await mkdir(emptyGallery);
  const badImage = join(dir, 'broken.jpg');
  await writeFile(badImage, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));

  await t.test('missing video', async () =>
    assertOneLineError(await runCli(['analyze', join(dir, 'nope.mp4')]), /nope\.mp4.*no such file/),
  );
  await t.test('not a video', async () => assertOneLineError(await runCli(['analyze', text]), /notes\.mp4/));
  await t.test('empty gallery folder', async () =>
    assertOneLineError(
      await runCli(['analyze', video('head-pose-face-detection-female.mp4'), '--gallery', emptyGallery]),
      /gallery/,
    ),
  );
  await t.test('missing gallery folder', async () =>
    assertOneLineError(await runCli(['detect', badImage, '--gallery', join(dir, 'nowhere')]), /no such folder/),
  );
  await t.test('unreadable image', async () =>
    assertOneLineError(await runCli(['detect', badImage]), /broken\.jpg.*not a readable image/),
  );
  await t.test('missing image', async () =>
    assertOneLineError(await runCli(['detect', join(dir, 'nope.jpg')]), /nope\.jpg.*no such file/),
  );
  await t.test('bad PMR_MODELS_DIR', async () =>
    assertOneLineError(
      await runCli(['detect', badImage], { PMR_MODELS_DIR: join(dir, 'no-models') }),
      /PMR_MODELS_DIR/,
    ),
  );
});

test(
  'a decoder crash while reading the video ends in one line naming the file, exit 1',
  { skip: skipReason },
  async () => {
    // No file at hand crashes FFmpeg 8, so the crash is dealt from outside: SIGSEGV to the process that analyses, once it
    // says it is decoding (the same end a crashing demuxer or decoder gives: a signal, no exception).
    const clip = video('short_hamilton_clip.mp4');
    const parent = spawn(process.execPath, nodeArgs(pmrBin(), ['analyze', clip, '--skip', 'none']), {
      cwd: repoRoot,
      env: launchEnv({ ...process.env, PMR_LOG_LEVEL: 'info' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    parent.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const decoding = new Promise<void>((resolve) =>
      parent.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes('decoding the video')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => parent.on('close', (code) => resolve(code)));
    await decoding;
    const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(parent.pid)], { encoding: 'utf8' })
      .stdout.trim()
      .split(/\s+/)
      .map(Number);
    assert.equal(children.length, 1, 'the analysis runs in one child process');
    process.kill(children[0]!, 'SIGSEGV');
    assert.equal(await exited, 1);
    assert.equal(stdout, '', 'no partial result');
    const last = stderr.trimEnd().split('\n').at(-1)!;
    assert.equal(
      last,
      `pmr: ${clip}: reading this file crashed the video decoder (SIGSEGV); it is damaged, or not a video PMR can read`,
    );
  },
);
