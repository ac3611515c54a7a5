import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { PmrError } from '@pmr/common';
import { modelsMissing, requireParts } from '@pmr/common/testing/require-parts';
import { manifest, resolveModel } from '../src/index.ts';

const modelsDir = process.env.PMR_MODELS_DIR;

test('a missing model is an error naming the file and how to get it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-models-'));
  await assert.rejects(resolveModel('yunet', { modelsDir: dir }), (err: unknown) => {
    assert.ok(err instanceof PmrError);
    assert.equal(err.code, 'FAILED_PRECONDITION');
    assert.match(err.message, /face_detection_yunet_2023mar_dynamic\.onnx/);
    assert.match(err.message, /PMR_MODELS_DIR/);
    return true;
  });
});

test('a corrupt model is refused with its sha256', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pmr-models-'));
  await writeFile(join(dir, manifest.expression.file), 'not a model');
  await assert.rejects(resolveModel('expression', { modelsDir: dir }), /corrupt or the wrong file.*sha256/);
});

test('download: the cache is filled only with bytes whose sha256 matches', async () => {
  const cacheDir = await mkdtemp(join(tmpdir(), 'pmr-cache-'));
  const bad: typeof fetch = () => Promise.resolve(new Response('tampered'));
  await assert.rejects(resolveModel('yunet', { cacheDir, fetchImpl: bad }), /refusing to use it/);
  assert.equal(existsSync(join(cacheDir, manifest.yunet.file)), false);
  const offline: typeof fetch = () => Promise.reject(new Error('getaddrinfo ENOTFOUND'));
  await assert.rejects(resolveModel('yunet', { cacheDir, fetchImpl: offline }), /could not download.*PMR_MODELS_DIR/);
  await assert.rejects(resolveModel('yunet', { cacheDir, download: false }), /not found/);
});

const SHIPPED = ['yunet', 'scrfd', 'mobilefacenet', 'expression'] as const;

test('verified models in PMR_MODELS_DIR resolve, and their manifest entries match the files', async (t) => {
  const skip = requireParts(modelsMissing(...SHIPPED.map((name) => manifest[name].file)));
  if (skip !== undefined || modelsDir === undefined) return t.skip(skip);
  for (const name of SHIPPED) {
    const path = await resolveModel(name, { modelsDir });
    assert.equal(path, join(modelsDir, manifest[name].file));
  }
  // The download path verifies the same bytes: serve a real file through an injected fetch.
  const cacheDir = await mkdtemp(join(tmpdir(), 'pmr-cache-'));
  const src = join(modelsDir, manifest.yunet.file);
  const bytes = await readFile(src);
  assert.equal(createHash('sha256').update(bytes).digest('hex'), manifest.yunet.sha256);
  const served: typeof fetch = () => Promise.resolve(new Response(bytes));
  const cached = await resolveModel('yunet', { cacheDir, fetchImpl: served });
  assert.equal(cached, join(cacheDir, manifest.yunet.file));
});
