import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchEnv, nodeArgs, NODE_FLAGS } from '../src/launch.ts';

test('nodeArgs puts the V8 flags before the entry file, its arguments after', () => {
  assert.deepEqual(nodeArgs('bin/x.ts', ['a', '--b']), [...NODE_FLAGS, 'bin/x.ts', 'a', '--b']);
  assert.deepEqual(nodeArgs('bin/x.ts'), [...NODE_FLAGS, 'bin/x.ts']);
});

test('launchEnv sets MALLOC_ARENA_MAX unless the caller chose a value', () => {
  assert.equal(launchEnv({ A: '1' }).MALLOC_ARENA_MAX, '2');
  assert.equal(launchEnv({ A: '1' }).A, '1');
  assert.equal(launchEnv({ MALLOC_ARENA_MAX: '8' }).MALLOC_ARENA_MAX, '8');
});

test('node accepts the flags: a script started with nodeArgs and launchEnv sees them', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'pmr-launch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const script = join(dir, 'probe.mjs');
  writeFileSync(
    script,
    'console.log(JSON.stringify({ flags: process.execArgv, arenas: process.env.MALLOC_ARENA_MAX }));\n',
  );
  const run = spawnSync(process.execPath, nodeArgs(script), {
    encoding: 'utf8',
    env: launchEnv({ PATH: process.env.PATH }),
  });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), { flags: [...NODE_FLAGS], arenas: '2' });
});
