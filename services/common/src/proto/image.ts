// pmr.v1.Image messages: the checks every handler needs (a malformed image is an INVALID_ARGUMENT naming the field,
// never a crash further down) and an RgbImage as a message. Decoding one (JPEG through sharp) is image/image-messages.ts.
import { invalidArgument } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import type { Image, Image__Output } from './generated/pmr/v1/Image.ts';
import { PMR_MAX_IMAGE_SIDE } from './limits.ts';

/** An Image message that passed checkImage. */
export interface CheckedImage {
  readonly encoding: 'IMAGE_ENCODING_RGB24' | 'IMAGE_ENCODING_JPEG';
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

function checkSide(value: number, name: string): void {
  if (!(Number.isInteger(value) && value >= 1 && value <= PMR_MAX_IMAGE_SIDE)) {
    throw invalidArgument(`${name} must be an integer from 1 to ${PMR_MAX_IMAGE_SIDE}, got ${value}`);
  }
}

/**
 * Check a received Image: present, a known encoding, a sane size, and for RGB24 exactly width*height*3 bytes.
 * `field` names it in messages (e.g. "image" or "chips[3]").
 * @throws PmrError INVALID_ARGUMENT naming the field and what is wrong.
 */
export function checkImage(image: Image__Output | null | undefined, field: string): CheckedImage {
  if (image === null || image === undefined) throw invalidArgument(`${field} is required`);
  const encoding: string | number = image.encoding;
  if (encoding !== 'IMAGE_ENCODING_RGB24' && encoding !== 'IMAGE_ENCODING_JPEG') {
    throw invalidArgument(
      `${field}.encoding must be IMAGE_ENCODING_RGB24 or IMAGE_ENCODING_JPEG, got ${String(encoding)}`,
    );
  }
  checkSide(image.width, `${field}.width`);
  checkSide(image.height, `${field}.height`);
  if (encoding === 'IMAGE_ENCODING_RGB24') {
    const expected = image.width * image.height * 3;
    if (image.data.length !== expected) {
      throw invalidArgument(
        `${field}.data holds ${image.data.length} bytes; RGB24 ${image.width}x${image.height} needs ${expected}`,
      );
    }
  } else if (image.data.length === 0) {
    throw invalidArgument(`${field}.data is empty`);
  }
  return { encoding, width: image.width, height: image.height, data: image.data };
}

/** An RgbImage as an RGB24 Image message (the pixels are shared, not copied). */
export function rgbImageToProto(image: RgbImage): Image {
  return { encoding: 'IMAGE_ENCODING_RGB24', width: image.width, height: image.height, data: image.data };
}
