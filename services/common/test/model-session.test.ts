// Sessions on inference threads (inference/model-session.ts) against onnxruntime on the calling thread, on a real
// model (skipped with a printed reason when PMR_MODELS_DIR lacks it; a failure under PMR_REQUIRE_ALL=1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { loadSession } from '../src/onnx.ts';
import { modelsMissing, requireParts } from '../src/testing/require-parts.ts';

const MODEL = 'face_detection_yunet_2023mar_dynamic.onnx';
const skip = requireParts(modelsMissing(MODEL));
const modelPath = join(process.env.PMR_MODELS_DIR ?? '', MODEL);

/** A deterministic 1×3×h×w input with pixel-like values. */
function input(h: number, w: number, seed: number): Float32Array {
  const data = new Float32Array(3 * h * w);
  for (let i = 0; i < data.length; i++) data[i] = (i * 31 + seed * 97) % 256;
  return data;
}

test('a session on an inference thread gives exactly what onnxruntime gives on the calling thread', async (t) => {
  if (skip !== undefined) return t.skip(skip);
  const here = await ort.InferenceSession.create(modelPath);
  const there = await loadSession(modelPath);
  try {
    assert.deepEqual([...there.inputNames], [...here.inputNames]);
    assert.deepEqual([...there.outputNames], [...here.outputNames]);
    const name = here.inputNames[0]!;
    const expected = await here.run({ [name]: new ort.Tensor('float32', input(96, 160, 1), [1, 3, 96, 160]) });
    const got = await there.run({ [name]: new ort.Tensor('float32', input(96, 160, 1), [1, 3, 96, 160]) });
    assert.deepEqual(Object.keys(got).sort(), Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) {
      assert.deepEqual(got[k]!.dims, v.dims, k);
      assert.equal(got[k]!.type, v.type, k);
      assert.deepEqual(got[k]!.data, v.data, k);
    }
    // only the requested outputs when fetches are named
    const one = await there.run({ [name]: new ort.Tensor('float32', input(96, 160, 1), [1, 3, 96, 160]) }, [
      here.outputNames[0]!,
    ]);
    assert.deepEqual(Object.keys(one), [here.outputNames[0]]);
  } finally {
    await there.release();
    await here.release();
  }
});

test('concurrent runs each get their own answer; two sessions share the default thread', async (t) => {
  if (skip !== undefined) return t.skip(skip);
  const a = await loadSession(modelPath);
  const b = await loadSession(modelPath);
  const here = await ort.InferenceSession.create(modelPath);
  try {
    const name = a.inputNames[0]!;
    const out = a.outputNames[0]!;
    const feeds = (seed: number): Record<string, ort.Tensor> => ({
      [name]: new ort.Tensor('float32', input(64, 64, seed), [1, 3, 64, 64]),
    });
    const seeds = [1, 2, 3, 4, 5, 6];
    const got = await Promise.all(seeds.map((s, i) => (i % 2 === 0 ? a : b).run(feeds(s))));
    for (const [i, s] of seeds.entries()) {
      const expected = await here.run(feeds(s));
      assert.deepEqual(got[i]![out]!.data, expected[out]!.data, `seed ${s}`);
    }
    await a.release();
    // b keeps working on the shared thread after a is released
    const after = await b.run(feeds(9));
    assert.deepEqual(after[out]!.data, (await here.run(feeds(9)))[out]!.data);
    await assert.rejects(a.run(feeds(1)), /was released/);
  } finally {
    await a.release();
    await b.release();
    await here.release();
  }
});

test('feeds move to the thread; their buffers come back for reuse through inputBuffer', async (t) => {
  if (skip !== undefined) return t.skip(skip);
  const session = await loadSession(modelPath, { thread: 'model-session-test' });
  try {
    const name = session.inputNames[0]!;
    const bytes = 3 * 32 * 32 * 4;
    const fresh = session.inputBuffer(bytes);
    assert.equal(fresh.byteLength, bytes);
    const owned = new Float32Array(fresh);
    owned.fill(7);
    await session.run({ [name]: new ort.Tensor('float32', owned, [1, 3, 32, 32]) });
    assert.equal(owned.length, 0, 'a tensor that owns its buffer is moved (detached here)');
    const reused = new Float32Array(session.inputBuffer(bytes));
    assert.equal(reused[0], 7, 'the moved buffer came back, contents as written');
    assert.equal(new Float32Array(session.inputBuffer(bytes))[0], 0, 'only once: the next request is a new buffer');
    // a view into a larger buffer is copied: the caller's array is untouched
    const big = new Float32Array(3 * 32 * 32 + 10).fill(5);
    const view = big.subarray(10);
    await session.run({ [name]: new ort.Tensor('float32', view, [1, 3, 32, 32]) });
    assert.equal(big.length, 3 * 32 * 32 + 10);
    assert.equal(view[0], 5);
  } finally {
    await session.release();
  }
});

test('a bad model or a bad input is a clear error, and the session still works after a failed run', async (t) => {
  if (skip !== undefined) return t.skip(skip);
  const missing = join(mkdtempSync(join(tmpdir(), 'pmr-session-')), 'missing.onnx');
  await assert.rejects(loadSession(missing), (err: Error) => err.message.includes('missing.onnx'));
  const junk = join(mkdtempSync(join(tmpdir(), 'pmr-session-')), 'junk.onnx');
  writeFileSync(junk, 'not a model');
  await assert.rejects(loadSession(junk), (err: Error) => err.message.length > 0);
  const session = await loadSession(modelPath);
  try {
    const name = session.inputNames[0]!;
    await assert.rejects(
      session.run({ [name]: new ort.Tensor('float32', new Float32Array(10), [1, 10]) }),
      (err: Error) => /rank|dimension|shape|Invalid/i.test(err.message),
    );
    await assert.rejects(
      session.run({ nonsense: new ort.Tensor('float32', new Float32Array(3), [3]) }),
      (err: Error) => err.message.length > 0,
    );
    const ok = await session.run({ [name]: new ort.Tensor('float32', input(32, 32, 3), [1, 3, 32, 32]) });
    assert.ok(Object.keys(ok).length > 0);
  } finally {
    await session.release();
  }
});
