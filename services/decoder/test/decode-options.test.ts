import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PmrError } from '@pmr/common';
import { resolveDecodeOptions, type DecodeOptions } from '../src/decode-options.ts';
import type { SkipMethod } from '../src/frame-signature.ts';

test('resolveDecodeOptions: defaults', () => {
  const s = resolveDecodeOptions({}, 29.97);
  assert.deepEqual(
    { ...s },
    {
      fps: undefined,
      method: 'histogram',
      threshold: 0.03,
      maxGap: 7,
      maxFrames: Number.POSITIVE_INFINITY,
      cutThreshold: 0.15,
      signal: undefined,
      hwaccel: 'none',
    },
  );
  assert.equal(resolveDecodeOptions({}, 12).maxGap, 3);
  assert.equal(resolveDecodeOptions({}, 0.2).maxGap, 1);
  const none = resolveDecodeOptions({ skip: { method: 'none', threshold: 0.5, maxGap: 4 }, fps: 5, maxFrames: 3 }, 25);
  assert.deepEqual([none.method, none.threshold, none.maxGap, none.fps, none.maxFrames], ['none', 0, 4, 5, 3]);
  assert.equal(resolveDecodeOptions({ skip: { method: 'ssim' } }, 25).threshold, 0.4, 'default threshold per method');
  assert.equal(resolveDecodeOptions({ skip: { method: 'histogram' } }, 25).threshold, 0.03);
  assert.equal(resolveDecodeOptions({ skip: { method: 'none' } }, 25).threshold, 0);
});

test('resolveDecodeOptions: nonsense is INVALID_ARGUMENT', () => {
  const bad: DecodeOptions[] = [
    { fps: 0 },
    { fps: 0.0001 },
    { fps: Number.NaN },
    { maxFrames: 0 },
    { maxFrames: 1.5 },
    { skip: { method: 'blur' as SkipMethod, threshold: 0.1 } },
    { skip: { method: 'ssim', threshold: -1 } },
    { skip: { method: 'ssim', threshold: Number.POSITIVE_INFINITY } },
    { skip: { method: 'histogram', threshold: 0.1, maxGap: 0 } },
  ];
  for (const options of bad) {
    assert.throws(
      () => resolveDecodeOptions(options, 25),
      (err: unknown) => err instanceof PmrError && err.code === 'INVALID_ARGUMENT',
      JSON.stringify(options),
    );
  }
});
