import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PmrError } from '../src/errors.ts';
import { messageCodec } from '../src/messaging/codec.ts';
import { decodeJobMessage } from '../src/pipeline/pipeline.ts';
import type { DetectedFace } from '../src/proto/generated/pmr/v1/DetectedFace.ts';

const pixels = Uint8Array.from({ length: 4 * 3 * 3 }, (_, i) => (i * 7) % 256);

const face: DetectedFace = {
  box: { x: 10.5, y: 20, width: 30, height: 40.25 },
  landmarks: {
    leftEye: { x: 1, y: 2 },
    rightEye: { x: 3, y: 4 },
    noseTip: { x: 5, y: 6 },
    leftMouth: { x: 7, y: 8 },
    rightMouth: { x: 9, y: 10 },
  },
  score: 0.875,
  quality: { score: 0.5, detector: 0.875, size: 0.25, sharpness: 0.75, frontalness: 1 },
  chip: { encoding: 'IMAGE_ENCODING_RGB24', width: 4, height: 3, data: pixels },
};

test('Frame with inline image bytes: round trip gives the generated __Output shape', () => {
  const codec = messageCodec('pmr.v1.Frame');
  const bytes = codec.encode({
    jobId: 'job-1',
    index: 7,
    pts: 0.28,
    sourceFirst: 6,
    sourceLast: 9,
    ptsLast: 0.36,
    sceneCut: true,
    image: { encoding: 'IMAGE_ENCODING_RGB24', width: 4, height: 3, data: pixels },
  });
  const frame = codec.decode(bytes);
  assert.equal(frame.jobId, 'job-1');
  assert.equal(frame.index, 7);
  assert.equal(frame.pts, 0.28);
  assert.equal(frame.sourceFirst, 6);
  assert.equal(frame.sourceLast, 9);
  assert.equal(frame.ptsLast, 0.36);
  assert.equal(frame.sceneCut, true);
  assert.equal(frame.pixels, 'image');
  assert.equal(frame.image?.encoding, 'IMAGE_ENCODING_RGB24');
  assert.equal(frame.image?.width, 4);
  assert.equal(frame.image?.height, 3);
  assert.deepEqual(Uint8Array.from(frame.image?.data ?? []), pixels);
  assert.equal(frame.imageRef, undefined);
});

test('Frame with an object reference: uint64 size as a string, oneof names imageRef', () => {
  const codec = messageCodec('pmr.v1.Frame');
  const ref = { bucket: 'frames', name: 'job-1/7', size: '6220800', sha256: 'ab'.repeat(32) };
  const frame = codec.decode(codec.encode({ jobId: 'job-1', index: 7, imageRef: ref }));
  assert.equal(frame.pixels, 'imageRef');
  assert.deepEqual({ ...frame.imageRef }, ref);
  assert.equal(frame.image, undefined);
});

test('defaults: an empty Frame decodes with every scalar present', () => {
  const codec = messageCodec('pmr.v1.Frame');
  const frame = codec.decode(codec.encode({}));
  assert.deepEqual(
    {
      jobId: frame.jobId,
      index: frame.index,
      pts: frame.pts,
      sourceFirst: frame.sourceFirst,
      sourceLast: frame.sourceLast,
      ptsLast: frame.ptsLast,
      sceneCut: frame.sceneCut,
    },
    { jobId: '', index: 0, pts: 0, sourceFirst: 0, sourceLast: 0, ptsLast: 0, sceneCut: false },
  );
  assert.equal(frame.pixels, undefined);
});

test('DetectedFace round trip keeps box, landmarks, score, quality and chip', () => {
  const codec = messageCodec('pmr.v1.DetectedFace');
  const decoded = codec.decode(codec.encode(face));
  assert.deepEqual({ ...decoded.box }, face.box);
  assert.deepEqual({ ...decoded.landmarks?.rightMouth }, { x: 9, y: 10 });
  assert.equal(decoded.score, 0.875);
  assert.deepEqual({ ...decoded.quality }, face.quality);
  assert.equal(decoded.chip?.encoding, 'IMAGE_ENCODING_RGB24');
  assert.deepEqual(Uint8Array.from(decoded.chip?.data ?? []), pixels);
});

test('DetectedFace without a chip: unset message fields decode as null', () => {
  const codec = messageCodec('pmr.v1.DetectedFace');
  const decoded = codec.decode(codec.encode({ score: 0.5 }));
  assert.equal(decoded.chip, null);
  assert.equal(decoded.box, null);
});

test('TrackFace round trip nests the DetectedFace', () => {
  const codec = messageCodec('pmr.v1.TrackFace');
  const decoded = codec.decode(codec.encode({ jobId: 'j', trackId: 3, frameIndex: 42, pts: 1.68, face }));
  assert.equal(decoded.jobId, 'j');
  assert.equal(decoded.trackId, 3);
  assert.equal(decoded.frameIndex, 42);
  assert.equal(decoded.pts, 1.68);
  assert.equal(decoded.face?.landmarks?.noseTip?.x, 5);
  assert.deepEqual(Uint8Array.from(decoded.face?.chip?.data ?? []), pixels);
});

test('enum names are accepted on encode and returned on decode; an unknown name becomes _UNSPECIFIED, as over gRPC', () => {
  const codec = messageCodec('pmr.v1.Image');
  assert.equal(codec.decode(codec.encode({ encoding: 'IMAGE_ENCODING_JPEG' })).encoding, 'IMAGE_ENCODING_JPEG');
  const unknown = codec.encode({ encoding: 'IMAGE_ENCODING_PNG' as 'IMAGE_ENCODING_JPEG', width: 1 });
  assert.equal(codec.decode(unknown).encoding, 'IMAGE_ENCODING_UNSPECIFIED');
});

test('an object of the wrong shape is INVALID_ARGUMENT naming the field', () => {
  const codec = messageCodec('pmr.v1.Frame');
  assert.throws(
    () => codec.encode({ image: 5 as unknown as null }),
    (error: unknown) => error instanceof PmrError && error.code === 'INVALID_ARGUMENT' && /image/.test(error.message),
  );
});

test('bytes that are not a message are INVALID_ARGUMENT, not a crash', () => {
  const codec = messageCodec('pmr.v1.Frame');
  assert.throws(
    () => codec.decode(Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0x0f])),
    (error: unknown) =>
      error instanceof PmrError && error.code === 'INVALID_ARGUMENT' && /pmr\.v1\.Frame/.test(error.message),
  );
});

test('decodeJobMessage: the body with the job id subject and body agree on; otherwise the reason to terminate', () => {
  const codec = messageCodec('pmr.v1.FrameFaces');
  const data = codec.encode({ jobId: 'job-7', frameIndex: 3, faces: [] });
  const ok = decodeJobMessage(codec, { subject: 'pmr.faces.job-7', data });
  assert.ok(!('term' in ok));
  assert.equal(ok.jobId, 'job-7');
  assert.equal(Number(ok.body.frameIndex), 3);
  assert.deepEqual(decodeJobMessage(codec, { subject: 'pmr.faces.other', data }), {
    term: 'job id job-7 does not match subject pmr.faces.other',
  });
  assert.deepEqual(decodeJobMessage(codec, { subject: 'pmr.faces.', data }), {
    term: 'job id job-7 does not match subject pmr.faces.',
  });
  const junk = decodeJobMessage(codec, { subject: 'pmr.faces.job-7', data: Uint8Array.from([0xff, 0xff, 0xff]) });
  assert.ok('term' in junk && junk.term.startsWith('not a FrameFaces message: '), JSON.stringify(junk));
});
