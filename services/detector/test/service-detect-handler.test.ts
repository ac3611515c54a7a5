// The Detect handler with a fake detector stage (no model): request validation, the request's thresholds as
// filters, JPEG input, and error mapping (domain errors keep their status; anything else is INTERNAL).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { invalidArgument, PmrError, type DetectedFace, type RgbImage } from '@pmr/common';
import { silentLogger } from '@pmr/common/logger';
import { encodeJpeg } from '@pmr/common/image';
import type { Detector } from '../src/detector.ts';
import type { DetectRequest__Output } from '../src/service/common-bridge.ts';
import { createDetectorHandlers, detectFaces, type DetectFloor } from '../src/service/detect-handler.ts';

const FLOOR: DetectFloor = { scoreThreshold: 0.6, minFaceSize: 20 };
const CHIP: RgbImage = { width: 112, height: 112, data: new Uint8Array(112 * 112 * 3) };

function face(score: number, side: number): DetectedFace {
  const p = { x: 0, y: 0 };
  return {
    box: { x: 0, y: 0, width: side, height: side / 2 },
    landmarks: [p, p, p, p, p],
    score,
    quality: { score: 0.5, detector: score, size: 0.5, sharpness: 0.5, frontalness: 0.5 },
    chip: CHIP,
  };
}

/** Returns three faces (0.9/100 px, 0.8/30 px, 0.65/21 px) for any image and records the sizes it saw. */
function fakeDetector(seen: string[] = []): Detector {
  return {
    detect(image) {
      seen.push(`${image.width}x${image.height}`);
      return Promise.resolve([face(0.9, 100), face(0.8, 30), face(0.65, 21)]);
    },
    refinementInput: (_image, faces) => ({ faces, regions: faces.map(() => null) }),
    refine: (input) => Promise.resolve([...input.faces]),
    release: () => Promise.resolve(),
  };
}

const rgb = (width: number, height: number): DetectRequest__Output['image'] => ({
  encoding: 'IMAGE_ENCODING_RGB24',
  width,
  height,
  data: Buffer.alloc(width * height * 3),
});

const FILTERS: ReadonlyArray<{ name: string; scoreThreshold?: number; minFaceSize?: number; scores: number[] }> = [
  { name: 'unset: the floor', scores: [0.9, 0.8, 0.65] },
  { name: 'score 0.6 (= floor)', scoreThreshold: 0.6, scores: [0.9, 0.8, 0.65] },
  { name: 'score 0.8 keeps 0.8', scoreThreshold: 0.8, scores: [0.9, 0.8] },
  { name: 'score 1', scoreThreshold: 1, scores: [] },
  { name: 'min size 30 keeps the 30 px face', minFaceSize: 30, scores: [0.9, 0.8] },
  { name: 'min size 31', minFaceSize: 31, scores: [0.9] },
];

for (const { name, scores, ...thresholds } of FILTERS) {
  test(`request thresholds filter the faces: ${name}`, async () => {
    const response = await detectFaces(fakeDetector(), { image: rgb(4, 3), ...thresholds }, FLOOR);
    assert.deepEqual(
      response.faces?.map((f) => f.score),
      scores,
    );
  });
}

const INVALID: ReadonlyArray<{ name: string; request: DetectRequest__Output; details: string }> = [
  { name: 'no image', request: { image: null }, details: 'image is required' },
  {
    name: 'RGB24 size mismatch',
    request: { image: { ...rgb(2, 2)!, data: Buffer.alloc(11) } },
    details: 'image.data holds 11 bytes; RGB24 2x2 needs 12',
  },
  {
    name: 'garbage JPEG',
    request: { image: { encoding: 'IMAGE_ENCODING_JPEG', width: 2, height: 2, data: Buffer.from('not a jpeg') } },
    details: 'image: not a readable image',
  },
  {
    name: 'score above 1',
    request: { image: rgb(1, 1), scoreThreshold: 1.5 },
    details: 'score_threshold must be in [0, 1], got 1.5',
  },
  {
    name: 'score below the floor',
    request: { image: rgb(1, 1), scoreThreshold: 0.3 },
    details: "score_threshold 0.3 is below this detector's 0.6; send at least 0.6 or leave it unset",
  },
  {
    name: 'negative min size',
    request: { image: rgb(1, 1), minFaceSize: -1 },
    details: 'min_face_size must be a finite number of pixels >= 0, got -1',
  },
  {
    name: 'min size below the floor',
    request: { image: rgb(1, 1), minFaceSize: 10 },
    details: "min_face_size 10 is below this detector's 20",
  },
];

for (const { name, request, details } of INVALID) {
  test(`invalid request: ${name}`, async () => {
    await assert.rejects(detectFaces(fakeDetector(), request, FLOOR), (err: unknown) => {
      assert.ok(err instanceof PmrError);
      assert.equal(err.code, 'INVALID_ARGUMENT');
      assert.ok(err.message.includes(details), err.message);
      return true;
    });
  });
}

test('a JPEG is decoded and must have its declared size', async () => {
  const jpeg = await encodeJpeg({ width: 8, height: 6, data: new Uint8Array(8 * 6 * 3).fill(128) });
  const seen: string[] = [];
  const ok = await detectFaces(
    fakeDetector(seen),
    { image: { encoding: 'IMAGE_ENCODING_JPEG', width: 8, height: 6, data: jpeg } },
    FLOOR,
  );
  assert.equal(ok.faces?.length, 3);
  assert.deepEqual(seen, ['8x6']);
  await assert.rejects(
    detectFaces(fakeDetector(), { image: { encoding: 'IMAGE_ENCODING_JPEG', width: 6, height: 8, data: jpeg } }, FLOOR),
    /the JPEG is 8x6, not the declared 6x8/,
  );
});

/** A flat grey JPEG of the given size. */
function flatJpeg(width: number, height: number): ReturnType<typeof encodeJpeg> {
  return encodeJpeg({ width, height, data: new Uint8Array(width * height * 3).fill(128) });
}

test('a JPEG over 4096 x 4096 is detected downscaled (never decoded whole), with boxes in its own pixels', async () => {
  const jpeg = await flatJpeg(8192, 6144);
  const seen: string[] = [];
  const response = await detectFaces(
    fakeDetector(seen),
    { image: { encoding: 'IMAGE_ENCODING_JPEG', width: 8192, height: 6144, data: jpeg } },
    FLOOR,
  );
  assert.deepEqual(seen, ['4729x3547'], 'decoded to at most 4096 x 4096 pixels, the aspect kept');
  const scale = 8192 / 4729;
  // The fake's faces are 100, 30 and 21 pixels wide in the image it saw: in the sent image's pixels they are larger,
  // so min_face_size 50 keeps two of them.
  assert.deepEqual(
    response.faces?.map((f) => Math.round(Number(f.box!.width))),
    [100, 30, 21].map((w) => Math.round(w * scale)),
  );
  const filtered = await detectFaces(
    fakeDetector(),
    { image: { encoding: 'IMAGE_ENCODING_JPEG', width: 8192, height: 6144, data: jpeg }, minFaceSize: 50 },
    FLOOR,
  );
  assert.equal(filtered.faces?.length, 2, "min_face_size applies to the sent image's pixels");
  await assert.rejects(
    detectFaces(
      fakeDetector(),
      { image: { encoding: 'IMAGE_ENCODING_JPEG', width: 8000, height: 6144, data: jpeg } },
      FLOOR,
    ),
    /the JPEG is 8192x6144, not the declared 8000x6144/,
  );
});

/** Call the handler as grpc-js would and return what it passed to the callback. */
function callHandler(
  detector: Detector,
  request: DetectRequest__Output,
): Promise<{ code?: number; details?: string; faces?: number }> {
  const handlers = createDetectorHandlers(detector, { floor: FLOOR, logger: silentLogger() });
  return new Promise((resolve) => {
    const call = { request } as Parameters<typeof handlers.Detect>[0];
    handlers.Detect(call, (err, value) =>
      resolve(err ? { code: err.code, details: err.details } : { faces: value?.faces?.length }),
    );
  });
}

test('the handler maps domain errors to their status and hides anything else behind INTERNAL', async () => {
  const failing = (error: Error): Detector => ({
    detect: () => Promise.reject(error),
    refinementInput: () => {
      throw error;
    },
    refine: () => Promise.reject(error),
    release: () => Promise.resolve(),
  });
  assert.deepEqual(await callHandler(fakeDetector(), { image: rgb(2, 2) }), { faces: 3 });
  assert.deepEqual(await callHandler(fakeDetector(), { image: null }), {
    code: status.INVALID_ARGUMENT,
    details: 'image is required',
  });
  assert.deepEqual(await callHandler(failing(invalidArgument('detector was released')), { image: rgb(2, 2) }), {
    code: status.INVALID_ARGUMENT,
    details: 'detector was released',
  });
  assert.deepEqual(
    await callHandler(failing(new Error('onnxruntime: out of memory at /secret/path')), { image: rgb(2, 2) }),
    {
      code: status.INTERNAL,
      details: 'detection failed; see the detector log',
    },
  );
});
