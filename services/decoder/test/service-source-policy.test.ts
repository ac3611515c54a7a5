// Source confinement: the pure path checks (table), then the filesystem ones in a temporary root: a symlink
// leading out of the roots, a missing file, a folder, and a good file (returned as its real path).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PmrError } from '@pmr/common';
import { checkSourcePath, isWithin, resolveSource, SourceDenied } from '../src/service/source-policy.ts';

const ROOTS = ['/srv/videos', '/data/in'];

const WITHIN: ReadonlyArray<[string, string, boolean]> = [
  ['/srv/videos', '/srv/videos/a.mp4', true],
  ['/srv/videos', '/srv/videos', true],
  ['/srv/videos', '/srv/videos/deep/er/a.mp4', true],
  ['/srv/videos', '/srv/videos2/a.mp4', false],
  ['/srv/videos', '/srv/a.mp4', false],
  ['/srv/videos', '/srv/videos/..a.mp4', true],
  ['/', '/etc/passwd', true],
];

for (const [root, path, expected] of WITHIN) {
  test(`isWithin(${root}, ${path}) is ${expected}`, () => assert.equal(isWithin(root, path), expected));
}

type Expect = { ok: string } | { code: 'INVALID_ARGUMENT' | 'DENIED'; says: string };

const PATHS: ReadonlyArray<[string, Expect]> = [
  ['/srv/videos/a.mp4', { ok: '/srv/videos/a.mp4' }],
  ['/data/in//x/./b.mkv', { ok: '/data/in/x/b.mkv' }],
  ['', { code: 'INVALID_ARGUMENT', says: 'source is required' }],
  ['/srv/videos/a\0.mp4', { code: 'INVALID_ARGUMENT', says: 'NUL' }],
  ['videos/a.mp4', { code: 'INVALID_ARGUMENT', says: 'must be an absolute path' }],
  ['http://169.254.169.254/latest', { code: 'INVALID_ARGUMENT', says: 'is a URL' }],
  ['file:///srv/videos/a.mp4', { code: 'INVALID_ARGUMENT', says: 'is a URL' }],
  ['rtsp://cam.local/stream', { code: 'INVALID_ARGUMENT', says: 'URL sources are not enabled' }],
  ['/srv/videos/../../etc/passwd', { code: 'DENIED', says: '".." segment' }],
  ['/srv/videos/sub/../a.mp4', { code: 'DENIED', says: '".." segment' }],
  ['/etc/passwd', { code: 'DENIED', says: 'outside the decoder media roots' }],
  ['/srv/videos2/a.mp4', { code: 'DENIED', says: 'outside the decoder media roots' }],
];

for (const [source, expected] of PATHS) {
  test(`checkSourcePath(${JSON.stringify(source)})`, () => {
    if ('ok' in expected) {
      assert.equal(checkSourcePath(source, ROOTS), expected.ok);
      return;
    }
    assert.throws(
      () => checkSourcePath(source, ROOTS),
      (err: unknown) => {
        if (expected.code === 'DENIED') assert.ok(err instanceof SourceDenied);
        else assert.ok(err instanceof PmrError && err.code === expected.code);
        assert.ok(err.message.includes(expected.says), err.message);
        return true;
      },
    );
  });
}

test('resolveSource on the filesystem: real path, symlink escape, missing, folder', async (t) => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'pmr-decoder-roots-')));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  mkdirSync(join(root, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(root, 'clip.mp4'), 'x');
  writeFileSync(join(outside, 'secret.mp4'), 'x');
  symlinkSync(join(outside, 'secret.mp4'), join(root, 'escape.mp4'));
  symlinkSync(outside, join(root, 'escape-dir'));
  symlinkSync(join(root, 'clip.mp4'), join(root, 'sub', 'inside.mp4'));
  const roots = [root];

  assert.equal(await resolveSource(join(root, 'clip.mp4'), roots, roots), join(root, 'clip.mp4'));
  assert.equal(
    await resolveSource(join(root, 'sub', 'inside.mp4'), roots, roots),
    join(root, 'clip.mp4'),
    'a link within the roots is fine',
  );
  for (const path of [join(root, 'escape.mp4'), join(root, 'escape-dir', 'secret.mp4')]) {
    await assert.rejects(
      resolveSource(path, roots, roots),
      (err: unknown) => err instanceof SourceDenied && err.message.includes('through a symbolic link'),
    );
  }
  await assert.rejects(resolveSource(join(outside, 'secret.mp4'), roots, roots), SourceDenied);
  await assert.rejects(
    resolveSource(join(root, 'nope.mp4'), roots, roots),
    (err: unknown) => err instanceof PmrError && err.code === 'NOT_FOUND',
  );
  await assert.rejects(
    resolveSource(join(root, 'sub'), roots, roots),
    (err: unknown) =>
      err instanceof PmrError && err.code === 'INVALID_ARGUMENT' && err.message.includes('not a regular file'),
  );
});
