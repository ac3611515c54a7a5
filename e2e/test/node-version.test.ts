// npm ci hands Node 24 to npx even when the machine's own node is older (the `node` devDependency).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { requireParts } from '@pmr/common/testing/require-parts';
import { repoRoot } from '../src/paths.ts';

const run = promisify(execFile);
const systemNpx = ['/usr/bin/npx', '/usr/local/bin/npx'].find((p) => existsSync(p));
const skip = requireParts(
  systemNpx === undefined ? 'no system npx (/usr/bin/npx or /usr/local/bin/npx) to start from' : null,
);

test('npx pmr runs on Node 24 with only the system PATH', { skip }, async () => {
  const env = { ...process.env, PATH: '/usr/local/bin:/usr/bin:/bin' };
  const { stdout } = await run(systemNpx!, ['--no-install', 'node', '--version'], { cwd: repoRoot, env });
  assert.match(stdout.trim(), /^v24\./);
  const help = await run(systemNpx!, ['--no-install', 'pmr', '--help'], { cwd: repoRoot, env });
  assert.match(help.stdout, /usage:\n {2}pmr analyze VIDEO/);
});
