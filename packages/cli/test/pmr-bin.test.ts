// The `pmr` executable as npm links it: run through its `#!` line, which must carry PMR's launch settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { LAUNCH_ENV, NODE_FLAGS, shebangLine } from '@pmr/common';

const bin = join(import.meta.dirname, '../bin/pmr.ts');

test('the #! line starts node with the launch settings', () => {
  const first = readFileSync(bin, 'utf8').split('\n')[0];
  assert.equal(first, shebangLine());
  assert.equal(first, '#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --initial-old-space-size=48');
  assert.deepEqual([LAUNCH_ENV, NODE_FLAGS], [{ MALLOC_ARENA_MAX: '2' }, ['--initial-old-space-size=48']]);
});

test('pmr runs as an executable through its #! line', () => {
  // The node that runs the tests first on PATH, as `npx pmr` arranges with the project's node.
  const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
  const run = spawnSync(bin, ['help'], { env, encoding: 'utf8' });
  assert.equal(run.error, undefined);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout + run.stderr, /pmr analyze/);
});
