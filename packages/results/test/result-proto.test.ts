// The public API's mappings: a realistic `pmr analyze` result goes JSON → pmr.v1 messages → protobuf bytes →
// messages → JSON and comes back byte for byte (key order included), over one page or several; best shots become
// JPEG Images of the JPEG's own size.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { loadPmrPackageDefinition } from '@pmr/common/proto';
import type {
  GetJobResultResponse,
  GetJobResultResponse__Output,
} from '@pmr/common/proto/generated/pmr/v1/GetJobResultResponse.ts';
import type { TrackResult__Output } from '@pmr/common/proto/generated/pmr/v1/TrackResult.ts';
import {
  bestShotToImage,
  jpegSize,
  resultFromProto,
  resultToProto,
  trackFromProto,
  trackToProto,
} from '../src/result-proto.ts';
import type { AnalysisResult, TrackJson } from '../src/result.ts';

const method = (
  loadPmrPackageDefinition()['pmr.v1.OrchestratorService'] as Record<
    string,
    {
      responseSerialize(value: GetJobResultResponse): Buffer;
      responseDeserialize(bytes: Buffer): GetJobResultResponse__Output;
    }
  >
).GetJobResult!;

/** A message as a client receives it: encoded to protobuf bytes and decoded again with the runtime options. */
const overTheWire = (message: GetJobResultResponse): GetJobResultResponse__Output =>
  method.responseDeserialize(method.responseSerialize(message));

const jpeg = async (width: number, height: number): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 120, b: 90 } } })
    .jpeg({ quality: 90 })
    .toBuffer();

async function handMadeResult(): Promise<AnalysisResult> {
  const shot = `data:image/jpeg;base64,${(await jpeg(112, 112)).toString('base64')}`;
  const named: TrackJson = {
    id: 1,
    label: 'barack_obama',
    identity: { name: 'barack_obama', similarity: 0.613 },
    firstSeen: 2.436,
    lastSeen: 4.905,
    frames: { first: 73, last: 146, detections: 60 },
    facesAnalysed: 5,
    quality: 0.59,
    attributes: {
      expression: { value: 'happy', confidence: 0.83, shares: { happy: 0.83, neutral: 0.15, surprised: 0.02 } },
      age: { value: 39, low: 27, high: 52 },
      gender: { value: 'male', confidence: 0.885 },
    },
    timeline: [
      { t: 2.436, box: [312.4, 80.1, 96.3, 118] },
      { t: 2.936, box: [315, 81.5, 95.9, 117.2] },
      { t: 4.905, box: [330.1, 90, 90, 110.4] },
    ],
    bestShot: shot,
  };
  const unknown: TrackJson = {
    id: 2,
    label: 'unknown-1',
    identity: { name: null, similarity: 0.212 },
    firstSeen: 0.84,
    lastSeen: 9.9,
    frames: { first: 0, last: 275, detections: 141 },
    facesAnalysed: 8,
    quality: 0.331,
    attributes: {
      expression: { value: 'neutral', confidence: 0.6, shares: { neutral: 0.6, sad: 0.4 } },
      age: null,
      gender: null,
    },
    timeline: [{ t: 0.84, box: [10, 20.5, 64, 64] }],
    bestShot: shot,
  };
  const bare: TrackJson = {
    id: 3,
    label: 'unknown-2',
    identity: { name: null, similarity: 0 },
    firstSeen: 5,
    lastSeen: 5.2,
    frames: { first: 150, last: 156, detections: 2 },
    facesAnalysed: 0,
    quality: 0.05,
    attributes: { expression: null, age: null, gender: null },
    timeline: [{ t: 5, box: [0, 0, 12.3, 14.1] }],
    bestShot: `data:image/jpeg;base64,${(await jpeg(40, 30)).toString('base64')}`,
  };
  return {
    video: {
      path: 'short_hamilton_clip.mp4',
      width: 640,
      height: 360,
      fps: 29.97,
      duration: 10.02,
      frames: 275,
      analysedFrames: 160,
      complete: false,
      error: 'ffmpeg: moov atom truncated at 8.1 s',
    },
    gallery: {
      persons: 14,
      accepted: 56,
      rejected: [
        { file: 'barack_obama/obama_partial_face.jpg', reason: 'no-face: no face found' },
        { file: 'bbt_howard/group.png', reason: 'several-faces: 3 faces found' },
      ],
    },
    tracks: [named, unknown, bare],
    persons: [
      { label: 'unknown-1', name: null, tracks: [2], screenTime: 9.06, firstSeen: 0.84, lastSeen: 9.9 },
      {
        label: 'barack_obama',
        name: 'barack_obama',
        tracks: [1],
        screenTime: 2.469,
        firstSeen: 2.436,
        lastSeen: 4.905,
      },
      { label: 'unknown-2', name: null, tracks: [3], screenTime: 0.2, firstSeen: 5, lastSeen: 5.2 },
    ],
    stats: {
      detections: 148,
      embeddings: 37,
      attributeFaces: 33,
      elapsedSeconds: 2.91,
      stageMs: { decode: 1340.2, detect: 1100.5, track: 18.1, embed: 200, attributes: 600.7 },
      peakRssMB: 412,
    },
  };
}

function pagesOf(result: AnalysisResult, pageSize: number): GetJobResultResponse__Output[] {
  const fields = resultToProto(result);
  const pages: GetJobResultResponse__Output[] = [];
  for (let start = 0; start < result.tracks.length; start += pageSize) {
    const last = start + pageSize >= result.tracks.length;
    pages.push(
      overTheWire({
        ...fields,
        persons: start === 0 ? fields.persons : [],
        tracks: result.tracks.slice(start, start + pageSize).map(trackToProto),
        nextPageToken: last ? '' : `after-${start + pageSize}`,
      }),
    );
  }
  return pages;
}

test('a hand-made result round-trips JSON → proto → bytes → proto → JSON exactly, in one page or several', async () => {
  const result = await handMadeResult();
  for (const pageSize of [100, 2, 1]) {
    const back = resultFromProto(pagesOf(result, pageSize));
    assert.deepEqual(back, result, `page size ${pageSize}`);
    assert.equal(JSON.stringify(back), JSON.stringify(result), `page size ${pageSize}: same JSON text`);
  }
});

test('a complete video (no error key) without a gallery round-trips; the proto carries the fields the API documents', async () => {
  const full = await handMadeResult();
  const result: AnalysisResult = {
    ...full,
    video: {
      path: '/videos/a.mp4',
      width: 1920,
      height: 1080,
      fps: 25,
      duration: 4,
      frames: 100,
      analysedFrames: 100,
      complete: true,
    },
    gallery: null,
  };
  const [page] = pagesOf(result, 100);
  assert.ok(page !== undefined);
  assert.equal(page.video?.source, '/videos/a.mp4');
  assert.equal(page.video?.error, '');
  assert.equal(page.gallery, null);
  assert.equal(page.stats?.attributeFaces, 33);
  assert.equal(page.stats?.peakRssMb, 412);
  assert.deepEqual(
    page.stats?.stageTimes.map((s) => [s.stage, s.milliseconds]),
    [
      ['decode', 1340.2],
      ['detect', 1100.5],
      ['track', 18.1],
      ['embed', 200],
      ['attributes', 600.7],
    ],
  );
  assert.equal(page.persons[0]?.name, undefined);
  assert.equal(page.persons[1]?.name, 'barack_obama');
  const back = resultFromProto([page]);
  assert.equal('error' in back.video, false);
  assert.equal(JSON.stringify(back), JSON.stringify(result));
});

test('a track maps to TrackResult with enum names, a Box timeline and a JPEG best shot of its own size', async () => {
  const result = await handMadeResult();
  const [named, unknown, bare] = result.tracks;
  assert.ok(named !== undefined && unknown !== undefined && bare !== undefined);
  const proto = trackToProto(named);
  assert.deepEqual(proto.identity, { name: 'barack_obama', similarity: 0.613 });
  assert.equal(proto.attributes?.expression?.value, 'EXPRESSION_HAPPY');
  assert.deepEqual(proto.attributes?.expression?.shares, [
    { expression: 'EXPRESSION_HAPPY', score: 0.83 },
    { expression: 'EXPRESSION_NEUTRAL', score: 0.15 },
    { expression: 'EXPRESSION_SURPRISED', score: 0.02 },
  ]);
  assert.deepEqual(proto.attributes?.gender, { value: 'GENDER_MALE', confidence: 0.885 });
  assert.deepEqual(proto.timeline?.[0], { t: 2.436, box: { x: 312.4, y: 80.1, width: 96.3, height: 118 } });
  assert.equal(proto.bestShot?.encoding, 'IMAGE_ENCODING_JPEG');
  assert.deepEqual([proto.bestShot?.width, proto.bestShot?.height], [112, 112]);
  assert.deepEqual((await sharp(proto.bestShot?.data as Buffer).metadata()).format, 'jpeg');
  assert.equal(trackToProto(unknown).identity?.name, undefined, 'an unknown track leaves identity.name unset');
  assert.deepEqual([trackToProto(bare).bestShot?.width, trackToProto(bare).bestShot?.height], [40, 30]);
  assert.deepEqual(trackToProto(bare).attributes, { expression: null, age: null, gender: null });
});

test('best shots: an empty one is unset, anything but a JPEG data URL is refused; jpegSize reads SOF headers only', async () => {
  assert.equal(bestShotToImage(''), null);
  assert.throws(() => bestShotToImage('data:image/png;base64,AAAA'), /data:image\/jpeg;base64,/);
  assert.deepEqual(jpegSize(await jpeg(640, 360)), { width: 640, height: 360 });
  assert.deepEqual(
    jpegSize(
      await sharp({ create: { width: 7, height: 5, channels: 3, background: '#000' } })
        .jpeg({ progressive: true })
        .toBuffer(),
    ),
    { width: 7, height: 5 },
  );
  assert.equal(jpegSize(Buffer.from('not a jpeg')), null);
  assert.equal(jpegSize(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00])), null);
});

test('a received track with an unknown expression or a non-JPEG best shot is a malformed response (INTERNAL)', async () => {
  const [named] = (await handMadeResult()).tracks;
  assert.ok(named !== undefined);
  const wire = pagesOf({ ...(await handMadeResult()), tracks: [named] }, 10)[0]!.tracks[0]!;
  const badExpression: TrackResult__Output = {
    ...wire,
    attributes: {
      ...wire.attributes!,
      expression: { ...wire.attributes!.expression!, value: 'EXPRESSION_UNSPECIFIED' },
    },
  };
  assert.throws(() => trackFromProto(badExpression), {
    code: 'INTERNAL',
    message: /track 1\.attributes\.expression\.value is EXPRESSION_UNSPECIFIED/,
  });
  const rgb: TrackResult__Output = {
    ...wire,
    bestShot: { encoding: 'IMAGE_ENCODING_RGB24', width: 1, height: 1, data: Buffer.alloc(3) },
  };
  assert.throws(() => trackFromProto(rgb), { code: 'INTERNAL' });
  assert.throws(() => resultFromProto([]), { code: 'INTERNAL' });
  const page = pagesOf(await handMadeResult(), 10)[0]!;
  assert.throws(() => resultFromProto([{ ...page, video: null }]), { code: 'INTERNAL', message: /no video summary/ });
});
