// The result and its decisions are pure: importing @pmr/results (and through it the pure parts of the tracker,
// recognizer and attributes stages) in a fresh process loads neither onnxruntime, sharp nor FFmpeg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { modulesLoadedBy, nativeParts } from '@pmr/common/testing/loaded-modules';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

test('importing @pmr/results loads nothing native', async () => {
  const loaded = await modulesLoadedBy('@pmr/results', repoRoot);
  assert.ok(
    loaded.urls.some((url) => url.endsWith('/packages/results/src/index.ts')),
    'the child imported the results',
  );
  assert.deepEqual(nativeParts(loaded), []);
});
