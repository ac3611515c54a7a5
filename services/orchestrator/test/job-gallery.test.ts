// A job's gallery photos in the job store: stored in chunks under an index, read back whole when enrolment reads each
// one (the real SqliteJobStore, a scripted detector and embedder); the earlier inline layout still reads; a photo
// whose chunks were not all stored is rejected, saying why.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createImage, type DetectedFace, type RgbImage } from '@pmr/common';
import { encodePng, readImage } from '@pmr/common/image';
import { SqliteJobStore } from '@pmr/store';
import { enrolJobGallery, storeGalleryPhotos } from '../src/pipeline/job-gallery.ts';

/** A PNG of random pixels (about 3 bytes a pixel: a 300×300 one is several chunks). */
function noisyPng(width: number, height: number): Promise<Buffer> {
  return encodePng({ width, height, data: randomBytes(width * height * 3) });
}

function stages(seen: RgbImage[]) {
  const face = (image: RgbImage): DetectedFace => {
    const p = { x: image.width / 2, y: image.height / 2 };
    return {
      box: { x: 0, y: 0, width: image.width / 2, height: image.height / 2 },
      landmarks: [p, p, p, p, p],
      score: 0.9,
      quality: { score: 0.8, detector: 0.9, size: 1, sharpness: 0.9, frontalness: 1 },
      chip: createImage(112, 112, 100),
    };
  };
  return {
    detect: (image: RgbImage) => (seen.push(image), Promise.resolve([face(image)])),
    embed: () => Promise.resolve(Float32Array.from([1, 0])),
    embedMany: (chips: readonly RgbImage[]) => Promise.resolve(chips.map(() => Float32Array.from([1, 0]))),
  };
}

async function newJob(store: SqliteJobStore): Promise<string> {
  const { job } = await store.createJob({ idempotencyToken: randomUUID(), source: { kind: 'uri', uri: '/v/clip.mp4' }, options: {}, tags: {} });
  return job.id;
}

test('photos are stored in chunks and enrolled byte for byte, one at a time', async () => {
  const store = new SqliteJobStore(':memory:');
  try {
    const big = await noisyPng(300, 300);
    const small = await noisyPng(100, 100);
    assert.ok(big.length > 3 * 48 * 1024, `${big.length} bytes`);
    const jobId = await newJob(store);
    await storeGalleryPhotos(store, jobId, [
      { person: 'bo', fileName: 'bo/big.png', data: big },
      { person: 'al', fileName: 'small.png', data: small },
    ]);
    const keys = (await store.getParts(jobId, 'photo')).map((p) => p.key);
    assert.ok(keys.includes('photos') && keys.filter((k) => k.startsWith('photo/0/')).length === Math.ceil(big.length / (48 * 1024)), keys.join(' '));
    const seen: RgbImage[] = [];
    const part = await enrolJobGallery(store, stages(seen), jobId, () => undefined);
    assert.deepEqual(part?.summary, { persons: 2, accepted: 2, rejected: [] });
    // Persons in name order: al's photo, then bo's; each exactly as decoding the original gives it.
    assert.deepEqual(seen.map((i) => Buffer.from(i.data)), [Buffer.from((await readImage(small)).data), Buffer.from((await readImage(big)).data)]);
    assert.equal(await enrolJobGallery(store, stages([]), jobId, () => undefined), null, 'enrolled once');
  } finally {
    await store.close();
  }
});

test('a photo with a chunk missing is rejected as unreadable, naming why; the inline layout of earlier jobs still reads', async () => {
  const store = new SqliteJobStore(':memory:');
  try {
    const photo = await encodePng(createImage(120, 120, 50));
    const cut = await newJob(store);
    await store.putPart(cut, 'photos', { photos: [{ person: 'al', name: 'a.png', chunks: 2 }, { person: 'al', name: 'b.png', chunks: 1 }] });
    await store.putPart(cut, 'photo/0/0', photo.toString('base64'));
    await store.putPart(cut, 'photo/1/0', photo.toString('base64'));
    const part = await enrolJobGallery(store, stages([]), cut, () => undefined);
    assert.equal(part?.summary.accepted, 1);
    assert.equal(part?.summary.rejected[0]?.file, 'al/a.png');
    assert.match(part?.summary.rejected[0]?.reason ?? '', /^unreadable: .*not stored whole/);

    const inline = await newJob(store);
    await store.putPart(inline, 'photos', [{ person: 'al', name: 'a.png', base64: photo.toString('base64') }]);
    assert.equal((await enrolJobGallery(store, stages([]), inline, () => undefined))?.summary.accepted, 1);
  } finally {
    await store.close();
  }
});
