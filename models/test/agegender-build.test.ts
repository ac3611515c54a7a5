import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { copyFile, mkdtemp as makeTemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PmrError } from '@pmr/common';
import { ort } from '@pmr/common/onnx';
import { buildAgeGenderModel, humanModelsDir, manifest, resolveModel, sha256File } from '../src/index.ts';

const entry = manifest.agegender;
const temps: string[] = [];
/** A temporary folder, removed when the file's tests end (built models are 14 MB). */
async function mkdtemp(prefix: string): Promise<string> {
  const dir = await makeTemp(prefix);
  temps.push(dir);
  return dir;
}
after(async () => {
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

test('buildAgeGenderModel: the build from the pinned package is reproducible and matches the manifest sha256', async () => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'pmr-build-'));
  const built = await buildAgeGenderModel({ cacheDir });
  assert.equal(built.path, join(cacheDir, entry.file));
  assert.equal(built.sha256, entry.sha256);
  assert.equal(built.size, entry.size);
  assert.equal(await sha256File(built.path), entry.sha256);
  const session = await ort.InferenceSession.create(built.path);
  assert.deepEqual(session.inputNames, ['input']);
  assert.deepEqual([...session.outputNames].sort(), ['age', 'descriptor', 'gender']);
  await session.release();
});

test('resolveModel(agegender): models folder first, then the cache, else a build into the cache', async () => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'pmr-cache-'));
  const emptyModels = await mkdtemp(join(tmpdir(), 'pmr-models-'));
  await assert.rejects(
    resolveModel('agegender', { modelsDir: emptyModels, cacheDir, build: false }),
    /not built.*pmr models build/,
  );
  // Not in the models folder: built into the cache.
  const path = await resolveModel('agegender', { modelsDir: emptyModels, cacheDir });
  assert.equal(path, join(cacheDir, entry.file));
  const mtime = statSync(path).mtimeMs;
  // Reused, not rebuilt.
  assert.equal(await resolveModel('agegender', { cacheDir, build: false }), path);
  assert.equal(statSync(path).mtimeMs, mtime);
  // A models folder holding the file wins, and is verified.
  await copyFile(path, join(emptyModels, entry.file));
  assert.equal(await resolveModel('agegender', { modelsDir: emptyModels, cacheDir }), join(emptyModels, entry.file));
  const badModels = await mkdtemp(join(tmpdir(), 'pmr-models-'));
  await writeFile(join(badModels, entry.file), 'not a model');
  await assert.rejects(resolveModel('agegender', { modelsDir: badModels, cacheDir }), (err: unknown) => {
    assert.ok(err instanceof PmrError);
    assert.equal(err.code, 'FAILED_PRECONDITION');
    assert.match(err.message, /corrupt or the wrong file/);
    return true;
  });
});

test('resolveModel(agegender): a cached file that no longer matches is rebuilt', async () => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'pmr-cache-'));
  await writeFile(join(cacheDir, entry.file), 'stale');
  await assert.rejects(resolveModel('agegender', { cacheDir, build: false }), /not built/);
  const path = await resolveModel('agegender', { cacheDir });
  assert.equal(await sha256File(path), entry.sha256);
  assert.equal(existsSync(`${path}.${process.pid}.part`), false);
});

test('buildAgeGenderModel: a package without faceres.json is FAILED_PRECONDITION, and nothing is written', async () => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'pmr-cache-'));
  const empty = await mkdtemp(join(tmpdir(), 'pmr-src-'));
  await assert.rejects(buildAgeGenderModel({ cacheDir, sourceDir: empty }), /faceres\.json not found/);
  assert.equal(existsSync(join(cacheDir, entry.file)), false);
});

test('buildAgeGenderModel: changed weights give another sha256, which is refused', async () => {
  const src = await mkdtemp(join(tmpdir(), 'pmr-src-'));
  await copyFile(join(humanModelsDir(), 'faceres.json'), join(src, 'faceres.json'));
  const bin = await readFile(join(humanModelsDir(), 'faceres.bin'));
  bin[1000] = bin[1000]! ^ 0x01; // one weight's lowest mantissa bit
  await writeFile(join(src, 'faceres.bin'), bin);
  const cacheDir = await mkdtemp(join(tmpdir(), 'pmr-cache-'));
  await assert.rejects(
    buildAgeGenderModel({ cacheDir, sourceDir: src }),
    /expected [0-9a-f]{64}.*package or the converter changed/,
  );
  assert.equal(existsSync(join(cacheDir, entry.file)), false);
  const unchecked = await buildAgeGenderModel({ cacheDir, sourceDir: src, verify: false });
  assert.notEqual(unchecked.sha256, entry.sha256);
});
