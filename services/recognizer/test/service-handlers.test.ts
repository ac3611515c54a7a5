// The RecognizerService handlers with a fake embedder (no model): Embed order and shape, and error mapping
// (domain errors keep their status; anything else is INTERNAL without details).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import type { RgbImage } from '@pmr/common';
import { silentLogger } from '@pmr/common/logger';
import type { Embedder } from '../src/embedder.ts';
import { createGallery } from '../src/gallery.ts';
import type { EmbedRequest__Output, ImageMessage, SearchGalleryRequest__Output } from '../src/service/common-bridge.ts';
import { staticGalleryStore } from '../src/service/gallery-store.ts';
import { createRecognizerHandlers, embedChips } from '../src/service/handlers.ts';

/** Embeds a chip as (first pixel byte, 1) / norm: enough to see order and that every chip was used. */
const fakeEmbedder: Pick<Embedder, 'embed'> = {
  embed: (chip: RgbImage) => {
    const a = chip.data[0] ?? 0;
    const n = Math.hypot(a, 1);
    return Promise.resolve(Float32Array.of(a / n, 1 / n));
  },
};
const failing: Pick<Embedder, 'embed'> = {
  embed: () => Promise.reject(new Error('onnxruntime: out of memory at /secret/path')),
};

const chip = (fill: number): ImageMessage => ({
  encoding: 'IMAGE_ENCODING_RGB24',
  width: 112,
  height: 112,
  data: Buffer.alloc(112 * 112 * 3, fill),
});
const store = staticGalleryStore([
  [
    'g',
    createGallery([
      ['zero', [Float32Array.of(0, 1)]],
      ['one', [Float32Array.of(1, 1)]],
    ]),
  ],
]);

const MODEL = { id: 'fake@000000000000', dim: 2 };

test('Embed answers one embedding per chip, in order, naming the model', async () => {
  const response = await embedChips(fakeEmbedder, { chips: [chip(0), chip(1)] }, MODEL);
  assert.equal(response.model, 'fake@000000000000');
  const values = response.embeddings?.map((e) => (e.values ?? []).map((v) => Math.round(Number(v) * 1e6) / 1e6));
  assert.deepEqual(values, [
    [0, 1],
    [0.707107, 0.707107],
  ]);
});

type Outcome = { code?: number; details?: string; count?: number };

function callEmbed(
  embedder: Pick<Embedder, 'embed'>,
  request: EmbedRequest__Output,
  counts: number[] = [],
): Promise<Outcome> {
  const handlers = createRecognizerHandlers(embedder, store, {
    logger: silentLogger(),
    model: MODEL,
    onChips: (n) => counts.push(n),
  });
  return new Promise((resolve) => {
    const call = { request } as Parameters<typeof handlers.Embed>[0];
    handlers.Embed(call, (err, value) =>
      resolve(err ? { code: err.code, details: err.details } : { count: value?.embeddings?.length }),
    );
  });
}

function callSearch(request: SearchGalleryRequest__Output, counts: number[] = []): Promise<Outcome> {
  const handlers = createRecognizerHandlers(fakeEmbedder, store, {
    logger: silentLogger(),
    model: MODEL,
    onQueries: (n) => counts.push(n),
  });
  return new Promise((resolve) => {
    const call = { request } as Parameters<typeof handlers.SearchGallery>[0];
    handlers.SearchGallery(call, (err, value) =>
      resolve(
        err
          ? { code: err.code, details: err.details }
          : { count: value?.results?.length, details: value?.results?.[0]?.matches?.[0]?.name },
      ),
    );
  });
}

test('Embed handler: answers, INVALID_ARGUMENT for bad chips, INTERNAL hides model errors', async () => {
  const counts: number[] = [];
  assert.deepEqual(await callEmbed(fakeEmbedder, { chips: [chip(3), chip(4), chip(5)] }, counts), { count: 3 });
  assert.deepEqual(counts, [3]);
  assert.deepEqual(await callEmbed(fakeEmbedder, { chips: [] }), {
    code: status.INVALID_ARGUMENT,
    details: 'chips is empty; send 1 to 256 aligned 112x112 chips',
  });
  const small: ImageMessage = { encoding: 'IMAGE_ENCODING_RGB24', width: 2, height: 2, data: Buffer.alloc(12) };
  assert.equal((await callEmbed(fakeEmbedder, { chips: [small] })).code, status.INVALID_ARGUMENT);
  assert.deepEqual(await callEmbed(failing, { chips: [chip(1)] }), {
    code: status.INTERNAL,
    details: 'embedding failed; see the recognizer log',
  });
});

test('SearchGallery handler: answers, NOT_FOUND for an unknown gallery, INVALID_ARGUMENT for a bad query', async () => {
  const counts: number[] = [];
  assert.deepEqual(
    await callSearch({ galleryId: 'g', queries: [{ values: [0.9, 1] }, { values: [0, 1] }], maxMatches: 1 }, counts),
    {
      count: 2,
      details: 'one',
    },
  );
  assert.deepEqual(counts, [2]);
  assert.deepEqual(await callSearch({ galleryId: 'h', queries: [{ values: [0, 1] }], maxMatches: 1 }), {
    code: status.NOT_FOUND,
    details: 'gallery "h" not found; this recognizer serves "g"',
  });
  assert.deepEqual(await callSearch({ galleryId: 'g', queries: [{ values: [0, 1, 0] }], maxMatches: 1 }), {
    code: status.INVALID_ARGUMENT,
    details: 'queries[0] has 3 values; gallery "g" holds 2-value embeddings',
  });
});

test('DescribeModel answers the model and its embedding length', async () => {
  const handlers = createRecognizerHandlers(fakeEmbedder, store, { logger: silentLogger(), model: MODEL });
  const answer = await new Promise((resolve) =>
    handlers.DescribeModel({ request: {} } as Parameters<typeof handlers.DescribeModel>[0], (_err, value) =>
      resolve(value),
    ),
  );
  assert.deepEqual(answer, { model: 'fake@000000000000', dim: 2 });
});
