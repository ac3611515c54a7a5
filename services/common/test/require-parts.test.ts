// requireParts: a missing part is a skip reason on a laptop and a failure naming it under PMR_REQUIRE_ALL=1.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataMissing, MissingPartError, modelsMissing, requireParts } from '../src/testing/require-parts.ts';

/** Sets (or, with undefined, removes) environment variables for the rest of the test. */
function withEnv(t: TestContext, vars: Readonly<Record<string, string | undefined>>): void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Readonly<Record<string, string | undefined>>): void => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  t.after(() => apply(saved));
}

function folderWith(t: TestContext, ...files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'pmr-parts-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of files) writeFileSync(join(dir, f), 'x');
  return dir;
}

test('nothing missing: undefined, whatever PMR_REQUIRE_ALL says', (t) => {
  const dir = folderWith(t, 'a.onnx');
  for (const requireAll of [undefined, '1']) {
    withEnv(t, { PMR_MODELS_DIR: dir, PMR_REQUIRE_ALL: requireAll });
    assert.equal(requireParts(modelsMissing('a.onnx'), dataMissing(dir), null, undefined), undefined);
  }
});

test('a missing part on a laptop: the first missing one is the skip reason, printed', (t) => {
  const dir = folderWith(t, 'a.onnx');
  withEnv(t, { PMR_MODELS_DIR: dir, PMR_REQUIRE_ALL: undefined });
  const printed = t.mock.method(console, 'log', () => undefined);
  const reason = requireParts(null, modelsMissing('a.onnx', 'b.onnx'), 'nats-server not found');
  assert.equal(reason, `model file missing: ${join(dir, 'b.onnx')} (set PMR_MODELS_DIR)`);
  assert.deepEqual(
    printed.mock.calls.map((c) => c.arguments),
    [[`# SKIP (part missing): ${reason}`]],
  );
});

test('a missing part under PMR_REQUIRE_ALL=1 throws, naming it; any other value of the switch skips', (t) => {
  const dir = folderWith(t);
  t.mock.method(console, 'log', () => undefined);
  withEnv(t, { PMR_MODELS_DIR: dir, PMR_REQUIRE_ALL: '1' });
  assert.throws(
    () => requireParts(modelsMissing('yunet.onnx')),
    (err: unknown) =>
      err instanceof MissingPartError &&
      err.message ===
        `PMR_REQUIRE_ALL=1 and a part is missing: model file missing: ${join(dir, 'yunet.onnx')} (set PMR_MODELS_DIR)`,
  );
  assert.throws(
    () => requireParts(dataMissing(join(dir, 'videos'))),
    /PMR_REQUIRE_ALL=1 and a part is missing: test data missing: .*videos \(set PMR_DATA_DIR\)/,
  );
  withEnv(t, { PMR_REQUIRE_ALL: '0' });
  assert.match(requireParts(dataMissing(join(dir, 'videos'))) ?? '', /^test data missing/);
});

test('modelsMissing names an unset PMR_MODELS_DIR and every missing file; dataMissing every missing path', (t) => {
  withEnv(t, { PMR_MODELS_DIR: '' });
  assert.equal(modelsMissing('a.onnx', 'b.onnx'), 'PMR_MODELS_DIR is not set (the tests need a.onnx, b.onnx)');
  const dir = folderWith(t, 'b.onnx');
  withEnv(t, { PMR_MODELS_DIR: dir });
  assert.equal(
    modelsMissing('a.onnx', 'b.onnx', 'c.onnx'),
    `model file missing: ${join(dir, 'a.onnx')}, ${join(dir, 'c.onnx')} (set PMR_MODELS_DIR)`,
  );
  assert.equal(modelsMissing('b.onnx'), null);
  assert.equal(dataMissing(dir, join(dir, 'b.onnx')), null);
  assert.equal(
    dataMissing(join(dir, 'x'), dir, join(dir, 'y')),
    `test data missing: ${join(dir, 'x')}, ${join(dir, 'y')} (set PMR_DATA_DIR)`,
  );
});
