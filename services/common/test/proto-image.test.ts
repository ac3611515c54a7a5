// pmr.v1.Image checks and conversions: table-driven, hand-made messages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PmrError } from '../src/index.ts';
import { encodeJpeg } from '../src/image/image-io.ts';
import { imageFromProto } from '../src/image/image-messages.ts';
import type { Image__Output } from '../src/proto/generated/pmr/v1/Image.ts';
import { checkImage, rgbImageToProto } from '../src/proto/image.ts';

function message(encoding: Image__Output['encoding'], width: number, height: number, bytes: number): Image__Output {
  return { encoding, width, height, data: Buffer.alloc(bytes) };
}

const REJECTED: ReadonlyArray<{ image: Image__Output | null; message: string }> = [
  { image: null, message: 'chips[2] is required' },
  {
    image: message('IMAGE_ENCODING_UNSPECIFIED', 1, 1, 3),
    message: 'chips[2].encoding must be IMAGE_ENCODING_RGB24 or IMAGE_ENCODING_JPEG, got IMAGE_ENCODING_UNSPECIFIED',
  },
  {
    image: message('IMAGE_ENCODING_RGB24', 0, 1, 0),
    message: 'chips[2].width must be an integer from 1 to 8192, got 0',
  },
  {
    image: message('IMAGE_ENCODING_RGB24', 1, 8193, 8193 * 3),
    message: 'chips[2].height must be an integer from 1 to 8192, got 8193',
  },
  {
    image: message('IMAGE_ENCODING_RGB24', 112, 112, 112 * 112 * 3 - 1),
    message: 'chips[2].data holds 37631 bytes; RGB24 112x112 needs 37632',
  },
  { image: message('IMAGE_ENCODING_JPEG', 112, 112, 0), message: 'chips[2].data is empty' },
];

test('checkImage rejects each malformed image with an INVALID_ARGUMENT naming the field', () => {
  for (const { image, message: expected } of REJECTED) {
    assert.throws(
      () => checkImage(image, 'chips[2]'),
      (err: unknown) => err instanceof PmrError && err.code === 'INVALID_ARGUMENT' && err.message === expected,
      expected,
    );
  }
});

test('checkImage accepts a well-formed RGB24 and a JPEG image', () => {
  assert.equal(checkImage(message('IMAGE_ENCODING_RGB24', 112, 112, 112 * 112 * 3), 'chip').width, 112);
  assert.equal(checkImage(message('IMAGE_ENCODING_JPEG', 640, 360, 1), 'frame').encoding, 'IMAGE_ENCODING_JPEG');
});

test('RGB24 round-trips through rgbImageToProto and imageFromProto without copying', async () => {
  const data = Uint8Array.from([1, 2, 3, 4, 5, 6]);
  const proto = rgbImageToProto({ width: 2, height: 1, data });
  assert.deepEqual(proto, { encoding: 'IMAGE_ENCODING_RGB24', width: 2, height: 1, data });
  const received = Buffer.from(data);
  const back = await imageFromProto({ encoding: 'IMAGE_ENCODING_RGB24', width: 2, height: 1, data: received }, 'image');
  assert.deepEqual({ width: back.width, height: back.height }, { width: 2, height: 1 });
  assert.equal(back.data, received, 'the received bytes are used as they are');
});

test('imageFromProto decodes a JPEG of the declared size and rejects a wrong size or undecodable bytes', async () => {
  const grey = { width: 16, height: 8, data: new Uint8Array(16 * 8 * 3).fill(128) };
  const jpeg = await encodeJpeg(grey, 90);
  const decoded = await imageFromProto({ encoding: 'IMAGE_ENCODING_JPEG', width: 16, height: 8, data: jpeg }, 'image');
  assert.equal(decoded.width, 16);
  assert.equal(decoded.height, 8);
  assert.ok(
    decoded.data.every((v) => Math.abs(v - 128) <= 2),
    'a flat grey JPEG decodes to grey within 2 levels',
  );
  await assert.rejects(imageFromProto({ encoding: 'IMAGE_ENCODING_JPEG', width: 8, height: 8, data: jpeg }, 'image'), {
    message: 'image: the JPEG is 16x8, not the declared 8x8',
  });
  await assert.rejects(
    imageFromProto({ encoding: 'IMAGE_ENCODING_JPEG', width: 8, height: 8, data: Buffer.from('not a jpeg') }, 'image'),
    (err: unknown) =>
      err instanceof PmrError &&
      err.code === 'INVALID_ARGUMENT' &&
      err.message.startsWith('image: not a readable image'),
  );
});
