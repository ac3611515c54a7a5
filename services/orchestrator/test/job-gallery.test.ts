// A job's gallery photos in the job store: kept once per gallery digest however many jobs send them, read back whole
// when enrolment reads each one (the real SqliteJobStore, a scripted detector and embedder); a job whose gallery has
// expired fails to enrol, saying why.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { createImage, type DetectedFace, type RgbImage } from '@pmr/common';
import { encodePng, readImage } from '@pmr/common/image';
import { SqliteJobStore, type JobRecord } from '@pmr/store';
import { galleryDigest } from '../src/api/handlers.ts';
import { enrolJobGallery, storeGalleryPhotos } from '../src/pipeline/job-gallery.ts';
import type { GalleryPhotoInput } from '../src/job-runner.ts';

/** A PNG of random pixels (about 3 bytes a pixel). */
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

async function newJob(store: SqliteJobStore, gallery: readonly GalleryPhotoInput[]): Promise<JobRecord> {
  const { job } = await store.createJob({
    idempotencyToken: randomUUID(),
    source: { kind: 'uri', uri: '/v/clip.mp4' },
    options: {},
    tags: {},
    galleryDigest: galleryDigest(gallery),
  });
  await storeGalleryPhotos(store, job, gallery);
  return job;
}

test('photos are kept once per gallery and enrolled byte for byte, one at a time', async () => {
  const store = new SqliteJobStore(':memory:');
  try {
    const big = await noisyPng(300, 300);
    const small = await noisyPng(100, 100);
    const gallery = [
      { person: 'bo', fileName: 'bo/big.png', data: big },
      { person: 'al', fileName: 'small.png', data: small },
    ];
    const job = await newJob(store, gallery);
    const again = await newJob(store, gallery); // the same photos with another job: kept once, under one digest
    assert.equal(again.galleryDigest, job.galleryDigest);
    assert.deepEqual(await store.getGalleryIndex(job.galleryDigest!), [
      { person: 'bo', name: 'big.png' },
      { person: 'al', name: 'small.png' },
    ]);
    const seen: RgbImage[] = [];
    let read = 0;
    const part = await enrolJobGallery(store, stages(seen), job, (n) => (read = n));
    assert.deepEqual(part?.summary, { persons: 2, accepted: 2, rejected: [] });
    assert.equal(read, 2);
    // Persons in name order: al's photo, then bo's; each exactly as decoding the original gives it.
    assert.deepEqual(
      seen.map((i) => Buffer.from(i.data)),
      [Buffer.from((await readImage(small)).data), Buffer.from((await readImage(big)).data)],
    );
    assert.equal(await enrolJobGallery(store, stages([]), job, () => undefined), null, 'enrolled once');
    assert.equal(
      (await enrolJobGallery(store, stages([]), again, () => undefined))?.summary.accepted,
      2,
      'the other job enrols the same photos',
    );
  } finally {
    await store.close();
  }
});

test('a job whose gallery is no longer kept fails to enrol with NOT_FOUND, saying to start it again', async () => {
  const store = new SqliteJobStore(':memory:');
  try {
    const { job } = await store.createJob({
      source: { kind: 'uri', uri: '/v/clip.mp4' },
      options: {},
      tags: {},
      galleryDigest: 'gone',
    });
    await assert.rejects(
      enrolJobGallery(store, stages([]), job, () => undefined),
      { code: 'NOT_FOUND', message: /no longer kept.*start the job again/ },
    );
  } finally {
    await store.close();
  }
});
