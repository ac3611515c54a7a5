// The Analyze handler with a fake analyzer (no model): order and shape of the answer, and error mapping (domain
// errors keep their status; anything else is INTERNAL without details).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { failedPrecondition, type FaceAttributes, type RgbImage } from '@pmr/common';
import { silentLogger } from '@pmr/common/logger';
import type { AttributeAnalyzer } from '../src/analyzer.ts';
import { analyzeChips, createAttributesHandlers } from '../src/service/analyze-handler.ts';
import type { AnalyzeRequest__Output, ImageMessage } from '../src/service/common-bridge.ts';

const SCORES = { angry: 0, disgust: 0, fearful: 0, happy: 1, neutral: 0, sad: 0, surprised: 0 };

/** Age = the chip's first pixel byte, so the answer's order can be checked. */
const fakeAnalyzer: Pick<AttributeAnalyzer, 'analyze'> = {
  analyze: (chip: RgbImage): Promise<FaceAttributes> => {
    const age = chip.data[0] ?? 0;
    return Promise.resolve({
      expression: { value: 'happy', confidence: 1, scores: SCORES },
      age: { value: age, low: age - 1, high: age + 1 },
      gender: null,
    });
  },
};
const failingWith = (error: Error): Pick<AttributeAnalyzer, 'analyze'> => ({ analyze: () => Promise.reject(error) });

const chip = (fill: number): ImageMessage => ({
  encoding: 'IMAGE_ENCODING_RGB24',
  width: 112,
  height: 112,
  data: Buffer.alloc(112 * 112 * 3, fill),
});

test('Analyze answers one FaceAttributes per chip, in order', async () => {
  const response = await analyzeChips(fakeAnalyzer, { chips: [chip(30), chip(7), chip(55)] });
  assert.deepEqual(
    response.attributes?.map((a) => [a.expression?.value, a.age?.value, a.gender]),
    [
      ['EXPRESSION_HAPPY', 30, null],
      ['EXPRESSION_HAPPY', 7, null],
      ['EXPRESSION_HAPPY', 55, null],
    ],
  );
});

function callHandler(
  analyzer: Pick<AttributeAnalyzer, 'analyze'>,
  request: AnalyzeRequest__Output,
  counts: number[] = [],
): Promise<{ code?: number; details?: string; count?: number }> {
  const handlers = createAttributesHandlers(analyzer, { logger: silentLogger(), onChips: (n) => counts.push(n) });
  return new Promise((resolve) => {
    const call = { request } as Parameters<typeof handlers.Analyze>[0];
    handlers.Analyze(call, (err, value) =>
      resolve(err ? { code: err.code, details: err.details } : { count: value?.attributes?.length }),
    );
  });
}

test('the handler answers, maps domain errors to their status and hides anything else behind INTERNAL', async () => {
  const counts: number[] = [];
  assert.deepEqual(await callHandler(fakeAnalyzer, { chips: [chip(1), chip(2)] }, counts), { count: 2 });
  assert.deepEqual(counts, [2]);
  assert.deepEqual(await callHandler(fakeAnalyzer, { chips: [] }), {
    code: status.INVALID_ARGUMENT,
    details: 'chips is empty; send 1 to 256 aligned 112x112 chips',
  });
  const wrongSize: ImageMessage = {
    encoding: 'IMAGE_ENCODING_RGB24',
    width: 64,
    height: 64,
    data: Buffer.alloc(64 * 64 * 3),
  };
  assert.deepEqual(await callHandler(fakeAnalyzer, { chips: [chip(1), wrongSize] }), {
    code: status.INVALID_ARGUMENT,
    details: 'chips[1] is 64x64; a chip must be an aligned 112x112 face (DetectedFace.chip)',
  });
  assert.deepEqual(
    await callHandler(failingWith(failedPrecondition('attribute analyzer was released')), { chips: [chip(1)] }),
    {
      code: status.FAILED_PRECONDITION,
      details: 'attribute analyzer was released',
    },
  );
  assert.deepEqual(
    await callHandler(failingWith(new Error('onnxruntime: out of memory at /secret/path')), { chips: [chip(1)] }),
    {
      code: status.INTERNAL,
      details: 'analysis failed; see the attributes log',
    },
  );
});
