// The `pmr` executable as npm links it: run through its `#!` line, which must carry PMR's V8 flags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { NODE_FLAGS } from '@pmr/common';

const bin = join(import.meta.dirname, '../bin/pmr.ts');

test('the #! line runs node with NODE_FLAGS', () => {
  const first = readFileSync(bin, 'utf8').split('\n')[0];
  assert.equal(first, `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
});

test('pmr runs as an executable through its #! line', () => {
  // The node that runs the tests first on PATH, as `npx pmr` arranges with the project's node.
  const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` };
  const run = spawnSync(bin, ['help'], { env, encoding: 'utf8' });
  assert.equal(run.error, undefined);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout + run.stderr, /pmr analyze/);
});
