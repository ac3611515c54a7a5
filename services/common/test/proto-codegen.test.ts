// The generated types are in step with the .proto files (the drift check), the codegen flags follow the load
// options, and buf lint passes on proto/ and fails on a contract that breaks the style guide.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, type TestContext } from 'node:test';
import { diffTrees, genTypesFlags } from '../scripts/proto-codegen.ts';
import { PMR_PROTO_DIR, PMR_PROTO_LOAD_OPTIONS } from '../src/proto/load.ts';
import { requireParts } from '../src/testing/require-parts.ts';

const CHECK_SCRIPT = fileURLToPath(new URL('../scripts/check-proto.ts', import.meta.url));

test('genTypesFlags turns the load options into the matching proto-loader-gen-types flags', () => {
  assert.deepEqual(genTypesFlags(PMR_PROTO_LOAD_OPTIONS), [
    '--longs=String',
    '--enums=String',
    '--defaults',
    '--oneofs',
  ]);
  assert.deepEqual(genTypesFlags({ keepCase: true, longs: Number, arrays: false }), ['--keepCase', '--longs=Number']);
  assert.throws(() => genTypesFlags({ bytes: String }), /bytes=.*has no proto-loader-gen-types flag/);
  assert.throws(() => genTypesFlags({ enums: Number }), /enums=/);
});

test('diffTrees reports changed, missing and extra files, sorted by path', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'pmr-diff-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const write = (dir: string, file: string, text: string): void => {
    mkdirSync(join(root, dir, file, '..'), { recursive: true });
    writeFileSync(join(root, dir, file), text);
  };
  write('want', 'a.ts', 'same');
  write('want', 'pmr/v1/B.ts', 'old');
  write('want', 'pmr/v1/C.ts', 'gone');
  write('have', 'a.ts', 'same');
  write('have', 'pmr/v1/B.ts', 'new');
  write('have', 'pmr/v1/D.ts', 'stale');
  assert.deepEqual(diffTrees(join(root, 'want'), join(root, 'want')), []);
  assert.deepEqual(diffTrees(join(root, 'want'), join(root, 'have')), [
    { file: 'pmr/v1/B.ts', kind: 'changed' },
    { file: 'pmr/v1/C.ts', kind: 'missing' },
    { file: 'pmr/v1/D.ts', kind: 'extra' },
  ]);
});

test('the committed generated types and descriptor set match the .proto files (check-proto.ts exits 0)', () => {
  const run = spawnSync(process.execPath, [CHECK_SCRIPT], { encoding: 'utf8' });
  assert.equal(run.status, 0, `check-proto failed:\n${run.stdout}${run.stderr}`);
  assert.match(run.stdout, /generated types and descriptor set match/);
});

/** How to run buf here, or why it cannot run. */
function findBuf(): { bin: string } | { reason: string } {
  let bin: string;
  try {
    bin = createRequire(import.meta.url).resolve('@bufbuild/buf/bin/buf');
  } catch {
    return { reason: '@bufbuild/buf is not installed (npm ci installs it as a root devDependency)' };
  }
  const version = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  if (version.status !== 0)
    return { reason: `the buf binary does not run here: ${(version.stderr || String(version.error)).trim()}` };
  return { bin };
}

function bufLint(t: TestContext, protoDir: string): SpawnSyncReturns<string> | undefined {
  const buf = findBuf();
  if ('reason' in buf) {
    t.skip(requireParts(buf.reason));
    return undefined;
  }
  return spawnSync(process.execPath, [buf.bin, 'lint', protoDir], { encoding: 'utf8' });
}

test('buf lint passes on proto/ (STANDARD and COMMENTS rules)', (t) => {
  const run = bufLint(t, PMR_PROTO_DIR);
  if (run === undefined) return;
  assert.equal(run.status, 0, `buf lint:\n${run.stdout}${run.stderr}`);
});

test('buf lint fails on a contract without an _UNSPECIFIED zero value or a field comment', (t) => {
  const copy = mkdtempSync(join(tmpdir(), 'pmr-buf-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(PMR_PROTO_DIR, copy, { recursive: true });
  const file = join(copy, 'pmr', 'v1', 'image.proto');
  const broken = readFileSync(file, 'utf8')
    .replace('IMAGE_ENCODING_UNSPECIFIED = 0', 'IMAGE_ENCODING_NONE = 0')
    .replace('  // Object name within the bucket.\n', '');
  writeFileSync(file, broken);
  const run = bufLint(t, copy);
  if (run === undefined) return;
  assert.equal(run.status, 100, `buf lint should fail:\n${run.stdout}${run.stderr}`);
  assert.match(
    run.stdout,
    /image\.proto:\d+:\d+:Enum zero value name "IMAGE_ENCODING_NONE" should be suffixed with "_UNSPECIFIED"/,
  );
  assert.match(run.stdout, /image\.proto:\d+:\d+:Field "name" should have a non-empty comment/);
});
