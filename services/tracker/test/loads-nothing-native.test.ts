// The tracker is pure: importing it in a fresh process loads neither onnxruntime, sharp nor FFmpeg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { modulesLoadedBy, nativeParts } from '@pmr/common/testing/loaded-modules';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

test('importing @pmr/tracker loads nothing native', async () => {
  const loaded = await modulesLoadedBy('@pmr/tracker', repoRoot);
  assert.ok(
    loaded.urls.some((url) => url.endsWith('/services/tracker/src/index.ts')),
    'the child imported the tracker',
  );
  assert.deepEqual(nativeParts(loaded), []);
});
