// @pmr/common's core (`.`) is dependency-free: importing it in a fresh process loads its own files and Node's
// builtins, no npm package (so nothing native, no NATS, no gRPC, no logger).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { modulesLoadedBy } from '../src/testing/loaded-modules.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
const commonSrc = pathToFileURL(join(import.meta.dirname, '..', 'src')).href + '/';

test('importing @pmr/common loads only its own files and node: builtins', async () => {
  const loaded = await modulesLoadedBy('@pmr/common', repoRoot);
  assert.ok(loaded.urls.includes(`${commonSrc}index.ts`), 'the child imported the core');
  assert.deepEqual(
    loaded.urls.filter((url) => !url.startsWith('node:') && !url.startsWith(commonSrc)),
    [],
  );
});
