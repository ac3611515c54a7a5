// DecodeVideo requests as stage options, and stage results as messages: hand-written expectations.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PmrError, type Frame } from '@pmr/common';
import { readImage } from '@pmr/common/image';
import type { DecodeVideoRequest__Output } from '../src/service/common-bridge.ts';
import { decodePlan, frameToMessage, outcomeToMessage, videoInfoToMessage } from '../src/service/decode-messages.ts';
import type { VideoInfo } from '../src/video-info.ts';

const BASE: DecodeVideoRequest__Output = {
  jobId: 'j',
  source: '/v/a.mp4',
  skipMethod: 'SKIP_METHOD_UNSPECIFIED',
  encoding: 'IMAGE_ENCODING_UNSPECIFIED',
};

const PLANS: ReadonlyArray<{
  name: string;
  request: Partial<DecodeVideoRequest__Output>;
  expected: ReturnType<typeof decodePlan>;
}> = [
  {
    name: 'all unset: histogram, RGB24',
    request: {},
    expected: { options: { skip: { method: 'histogram' } }, encoding: 'rgb24' },
  },
  {
    name: 'every field',
    request: {
      skipMethod: 'SKIP_METHOD_SSIM',
      skipThreshold: 0.1,
      maxGap: 4,
      fps: 2.5,
      maxFrames: 10,
      cutThreshold: 0.4,
      encoding: 'IMAGE_ENCODING_JPEG',
    },
    expected: {
      options: { skip: { method: 'ssim', threshold: 0.1, maxGap: 4 }, fps: 2.5, maxFrames: 10, cutThreshold: 0.4 },
      encoding: 'jpeg',
    },
  },
  {
    name: 'none, RGB24',
    request: { skipMethod: 'SKIP_METHOD_NONE', encoding: 'IMAGE_ENCODING_RGB24' },
    expected: { options: { skip: { method: 'none' } }, encoding: 'rgb24' },
  },
  {
    name: 'histogram',
    request: { skipMethod: 'SKIP_METHOD_HISTOGRAM' },
    expected: { options: { skip: { method: 'histogram' } }, encoding: 'rgb24' },
  },
];

for (const { name, request, expected } of PLANS) {
  test(`decodePlan: ${name}`, () => assert.deepEqual(decodePlan({ ...BASE, ...request }), expected));
}

test('decodePlan: an enum number the proto does not name is INVALID_ARGUMENT', () => {
  const unknownSkip = { ...BASE, skipMethod: 7 } as unknown as DecodeVideoRequest__Output;
  const unknownEncoding = { ...BASE, encoding: 9 } as unknown as DecodeVideoRequest__Output;
  assert.throws(
    () => decodePlan(unknownSkip),
    (err: unknown) => err instanceof PmrError && err.message === 'skip_method 7 is not a known SkipMethod',
  );
  assert.throws(
    () => decodePlan(unknownEncoding),
    (err: unknown) => err instanceof PmrError && err.message === 'encoding 9 is not a known ImageEncoding',
  );
});

test('videoInfoToMessage keeps the source as given, not the resolved path', () => {
  const info: VideoInfo = {
    path: '/real/a.mp4',
    container: 'mov,mp4',
    codec: 'h264',
    width: 640,
    height: 360,
    rotation: 90,
    fps: 29.97,
    startTime: 0.844,
    duration: 9.2,
    frameCount: 275,
    frameCountExact: true,
    hasAudio: true,
  };
  assert.deepEqual(videoInfoToMessage(info, '/v/a.mp4'), {
    source: '/v/a.mp4',
    container: 'mov,mp4',
    codec: 'h264',
    width: 640,
    height: 360,
    rotation: 90,
    fps: 29.97,
    startTime: 0.844,
    duration: 9.2,
    frameCount: 275,
    frameCountExact: true,
    hasAudio: true,
  });
});

const FRAME: Frame = {
  index: 3,
  pts: 1.5,
  sourceFirst: 40,
  sourceLast: 44,
  ptsLast: 1.7,
  lastDuration: 0.04,
  sceneCut: true,
  image: { width: 16, height: 8, data: new Uint8Array(16 * 8 * 3).fill(200) },
};

test('frameToMessage: RGB24 shares the pixels; JPEG decodes back to the same size', async () => {
  const rgb = await frameToMessage(FRAME, 'job-1', 'rgb24', 90);
  assert.deepEqual(
    { ...rgb, image: undefined },
    {
      jobId: 'job-1',
      index: 3,
      pts: 1.5,
      sourceFirst: 40,
      sourceLast: 44,
      ptsLast: 1.7,
      sceneCut: true,
      image: undefined,
      frameDuration: 0.04,
    },
  );
  assert.equal(rgb.image?.encoding, 'IMAGE_ENCODING_RGB24');
  assert.equal(rgb.image?.data, FRAME.image.data);
  const jpeg = await frameToMessage(FRAME, 'job-1', 'jpeg', 90);
  assert.equal(jpeg.image?.encoding, 'IMAGE_ENCODING_JPEG');
  assert.deepEqual([jpeg.image?.width, jpeg.image?.height], [16, 8]);
  const back = await readImage(Buffer.from(jpeg.image?.data as Uint8Array));
  assert.deepEqual([back.width, back.height], [16, 8]);
  assert.ok(Math.abs((back.data[0] ?? 0) - 200) <= 3, `pixel ${back.data[0]}`);
});

const OUTCOMES: ReadonlyArray<[Parameters<typeof outcomeToMessage>[0], string]> = [
  [{ complete: true, sourceFrames: 275, decodedFrames: 275, emittedFrames: 80 }, ''],
  [
    { complete: false, sourceFrames: 10, decodedFrames: 10, emittedFrames: 5, stopped: 'max-frames' },
    'stopped at max_frames',
  ],
  [
    { complete: false, sourceFrames: 10, decodedFrames: 12, emittedFrames: 5, error: 'decoding: broken' },
    'decoding: broken',
  ],
];

for (const [outcome, error] of OUTCOMES) {
  test(`outcomeToMessage: ${error || 'complete'}`, () => {
    const { complete, sourceFrames, decodedFrames, emittedFrames } = outcome;
    assert.deepEqual(outcomeToMessage(outcome), { complete, sourceFrames, decodedFrames, emittedFrames, error });
  });
}
