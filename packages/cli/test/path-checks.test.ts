// What `pmr analyze` reads and where it writes (--json, --annotate), checked before anything is analysed, on real files
// and folders: a missing, non-file or empty video; an output that is a folder, has a missing or non-folder parent, is
// in a place the user may not write, is the input video, or is named by both flags; every path quoted capped.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { galleryProblem, inputFileProblem, outputPathProblems } from '../src/path-checks.ts';

/** A fresh folder, removed after the test (with `unlock` made writable again first). */
function folder(t: TestContext, unlock?: () => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pmr-outputs-'));
  t.after(() => {
    if (unlock !== undefined) chmodSync(unlock(), 0o755);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

test('the video or image: missing, a folder, empty; the gallery: missing, a file; long or multi-line names capped', (t) => {
  const dir = folder(t);
  const video = join(dir, 'in.mp4');
  writeFileSync(video, 'v');
  const empty = join(dir, 'empty.mp4');
  writeFileSync(empty, '');
  assert.equal(inputFileProblem(video), undefined);
  assert.equal(inputFileProblem(join(dir, 'nope.mp4')), `${join(dir, 'nope.mp4')}: no such file`);
  assert.equal(inputFileProblem(dir), `${dir}: not a regular file`);
  assert.equal(inputFileProblem(empty), `${empty}: the file is empty (0 bytes)`);
  const long = join(dir, `${'n'.repeat(5000)}.mp4`);
  assert.equal(
    inputFileProblem(long),
    `${JSON.stringify(`${long.slice(0, 120)}…`)} (${long.length} characters): no such file`,
  );
  assert.equal(inputFileProblem('a\nb.mp4'), '"a\\nb.mp4": no such file');
  assert.equal(galleryProblem(dir), undefined);
  assert.equal(galleryProblem(join(dir, 'nope')), `gallery folder ${join(dir, 'nope')}: no such folder`);
  assert.equal(galleryProblem(video), `gallery folder ${video}: not a folder`);
  assert.ok(galleryProblem(join(dir, 'g'.repeat(5000)))!.length < 200);
});

test('writable places pass: a new file in a folder, an existing file', (t) => {
  const dir = folder(t);
  const video = join(dir, 'in.mp4');
  writeFileSync(video, 'v');
  writeFileSync(join(dir, 'old.json'), '{}');
  assert.deepEqual(outputPathProblems({ json: join(dir, 'new.json'), annotate: join(dir, 'out.mp4') }, video), []);
  assert.deepEqual(outputPathProblems({ json: join(dir, 'old.json') }, video), []);
  assert.deepEqual(outputPathProblems({}, video), []);
});

test('a folder, a missing folder, a file taken for a folder, the input video, one file twice: each one line, all at once', (t) => {
  const dir = folder(t);
  const video = join(dir, 'in.mp4');
  writeFileSync(video, 'v');
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  const q = JSON.stringify;
  assert.deepEqual(outputPathProblems({ json: dir }, video), [`--json ${q(dir)} is a folder: name a file to write`]);
  assert.deepEqual(outputPathProblems({ json: join(dir, 'no', 'out.json') }, video), [
    `--json ${q(join(dir, 'no', 'out.json'))}: there is no folder ${q(join(dir, 'no'))} to write it in`,
  ]);
  assert.deepEqual(outputPathProblems({ annotate: join(file, 'out.mp4') }, video), [
    `--annotate ${q(join(file, 'out.mp4'))}: ${q(file)} is not a folder`,
  ]);
  assert.deepEqual(outputPathProblems({ annotate: video }, video), [
    `--annotate ${q(video)} is the input video: name another file`,
  ]);
  assert.deepEqual(outputPathProblems({ json: join(dir, 'x', '..', 'in.mp4') }, video), [
    `--json ${q(join(dir, 'x', '..', 'in.mp4'))} is the input video: name another file`,
  ]);
  const same = join(dir, 'same.mp4');
  assert.deepEqual(outputPathProblems({ json: same, annotate: same }, video), [
    '--json and --annotate name the same file',
  ]);
  assert.deepEqual(outputPathProblems({ json: '' }, video), ['--json needs a file name']);
  assert.deepEqual(outputPathProblems({ json: dir, annotate: join(dir, 'no', 'a.mp4') }, video).length, 2);
});

test('quoted paths are capped and on one line', (t) => {
  const dir = folder(t);
  const long = join(dir, `${'d'.repeat(5000)}\n`, 'out.json');
  const [problem, ...rest] = outputPathProblems({ json: long }, join(dir, 'in.mp4'));
  assert.deepEqual(rest, []);
  assert.ok(problem !== undefined && problem.length < 400 && !problem.includes('\n'), problem);
  assert.match(problem, /characters\)/);
});

test('a place the user may not write', (t) => {
  if (process.getuid?.() === 0) {
    t.skip(
      'running as root, whom file permissions do not stop: the unwritable-place check is covered by the missing-folder cases',
    );
    return;
  }
  const dir = folder(t, () => locked);
  const locked = join(dir, 'locked');
  mkdirSync(locked);
  writeFileSync(join(locked, 'old.json'), '{}');
  chmodSync(join(locked, 'old.json'), 0o444);
  chmodSync(locked, 0o555);
  const q = JSON.stringify;
  assert.deepEqual(outputPathProblems({ json: join(locked, 'new.json') }, 'v.mp4'), [
    `--json ${q(join(locked, 'new.json'))}: cannot create a file in ${q(locked)} (permission denied)`,
  ]);
  assert.deepEqual(outputPathProblems({ json: join(locked, 'old.json') }, 'v.mp4'), [
    `--json ${q(join(locked, 'old.json'))} cannot be written (permission denied)`,
  ]);
});
