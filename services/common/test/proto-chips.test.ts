// The chips of a request: 1 to 256 aligned 112x112 images, each checked before any model runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PmrError } from '@pmr/common';
import { encodeJpeg } from '@pmr/common/image';
import { chipsFromProto } from '../src/image/image-messages.ts';
import { MAX_CHIPS } from '../src/proto/chips.ts';
import type { Image__Output as ImageMessage } from '../src/proto/generated/pmr/v1/Image.ts';

const rgb = (width: number, height: number, bytes = width * height * 3): ImageMessage => ({
  encoding: 'IMAGE_ENCODING_RGB24',
  width,
  height,
  data: Buffer.alloc(bytes, 9),
});

const INVALID: ReadonlyArray<{ name: string; chips: ImageMessage[]; details: string }> = [
  { name: 'no chips', chips: [], details: 'chips is empty; send 1 to 256 aligned 112x112 chips' },
  {
    name: '257 chips',
    chips: Array.from({ length: MAX_CHIPS + 1 }, () => rgb(112, 112)),
    details: 'chips holds 257 chips; at most 256 per request',
  },
  {
    name: 'a 100x100 chip',
    chips: [rgb(112, 112), rgb(100, 100)],
    details: 'chips[1] is 100x100; a chip must be an aligned 112x112 face',
  },
  { name: 'a 112x113 chip', chips: [rgb(112, 113)], details: 'chips[0] is 112x113' },
  {
    name: 'short RGB24 data',
    chips: [rgb(112, 112, 100)],
    details: 'chips[0].data holds 100 bytes; RGB24 112x112 needs 37632',
  },
  {
    name: 'empty JPEG',
    chips: [{ encoding: 'IMAGE_ENCODING_JPEG', width: 112, height: 112, data: Buffer.alloc(0) }],
    details: 'chips[0].data is empty',
  },
  {
    name: 'garbage JPEG',
    chips: [{ encoding: 'IMAGE_ENCODING_JPEG', width: 112, height: 112, data: Buffer.from('nope') }],
    details: 'chips[0]: not a readable image',
  },
  {
    name: 'unset encoding',
    chips: [{ ...rgb(112, 112), encoding: 'IMAGE_ENCODING_UNSPECIFIED' }],
    details: 'chips[0].encoding must be IMAGE_ENCODING_RGB24 or IMAGE_ENCODING_JPEG',
  },
];

for (const { name, chips, details } of INVALID) {
  test(`invalid chips: ${name}`, async () => {
    await assert.rejects(chipsFromProto(chips), (err: unknown) => {
      assert.ok(err instanceof PmrError);
      assert.equal(err.code, 'INVALID_ARGUMENT');
      assert.ok(err.message.includes(details), err.message);
      return true;
    });
  });
}

test('valid chips: RGB24 is used as is, a 112x112 JPEG is decoded, order is kept', async () => {
  const raw = rgb(112, 112);
  const jpeg = await encodeJpeg({ width: 112, height: 112, data: new Uint8Array(112 * 112 * 3).fill(200) });
  const chips = await chipsFromProto([raw, { encoding: 'IMAGE_ENCODING_JPEG', width: 112, height: 112, data: jpeg }]);
  assert.equal(chips.length, 2);
  assert.equal(chips[0]?.data, raw.data, 'RGB24 pixels are shared, not copied');
  assert.deepEqual([chips[1]?.width, chips[1]?.height, chips[1]?.data.length], [112, 112, 112 * 112 * 3]);
  assert.ok(Math.abs((chips[1]?.data[0] ?? 0) - 200) <= 2, `decoded JPEG pixel ${chips[1]?.data[0]}`);
  assert.equal((await chipsFromProto(Array.from({ length: MAX_CHIPS }, () => raw))).length, MAX_CHIPS);
});
