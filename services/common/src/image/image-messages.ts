// pmr.v1.Image messages decoded to the stages' RgbImage (a JPEG through sharp), after proto/image.ts's checks.
import { invalidArgument } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import { CHIP_SIDE, MAX_CHIPS } from '../proto/chips.ts';
import type { Image__Output } from '../proto/generated/pmr/v1/Image.ts';
import { checkImage } from '../proto/image.ts';
import { readImage, readImageSize } from './image-io.ts';

/** What a received Image is decoded to at most: a JPEG over this many pixels is shrunk while it is decoded. */
export interface ReceivedImageLimits {
  readonly maxPixels?: number;
}

/**
 * A received Image as an RgbImage: RGB24 is used as is (no copy); a JPEG must have the declared size and is decoded,
 * shrunk to `limits.maxPixels` (aspect kept) when larger, so its full size is never in memory. The caller maps what
 * it finds back to the sent pixels by the ratio of the declared width to the decoded one.
 * @throws PmrError INVALID_ARGUMENT for a malformed image or an undecodable JPEG.
 */
export async function imageFromProto(
  image: Image__Output | null | undefined,
  field: string,
  limits: ReceivedImageLimits = {},
): Promise<RgbImage> {
  const checked = checkImage(image, field);
  if (checked.encoding === 'IMAGE_ENCODING_RGB24')
    return { width: checked.width, height: checked.height, data: checked.data };
  const header = await readImageSize(checked.data, field);
  if (header.width !== checked.width || header.height !== checked.height) {
    throw invalidArgument(
      `${field}: the JPEG is ${header.width}x${header.height}, not the declared ${checked.width}x${checked.height}`,
    );
  }
  return readImage(checked.data, field, limits.maxPixels === undefined ? {} : { maxPixels: limits.maxPixels });
}

// The chips of an Embed or Analyze request: 1 to MAX_CHIPS aligned 112x112 images (RGB24 or JPEG), each checked and decoded
// before any model runs, so a request is answered whole or rejected whole with INVALID_ARGUMENT naming the chip.
/** @throws PmrError INVALID_ARGUMENT for an empty or too long list, or a chip that is not a valid 112x112 image. */
export async function chipsFromProto(chips: readonly Image__Output[]): Promise<RgbImage[]> {
  if (chips.length === 0)
    throw invalidArgument(`chips is empty; send 1 to ${MAX_CHIPS} aligned ${CHIP_SIDE}x${CHIP_SIDE} chips`);
  if (chips.length > MAX_CHIPS)
    throw invalidArgument(`chips holds ${chips.length} chips; at most ${MAX_CHIPS} per request`);
  chips.forEach((chip, i) => {
    const field = `chips[${i}]`;
    const { width, height } = checkImage(chip, field);
    if (width !== CHIP_SIDE || height !== CHIP_SIDE) {
      throw invalidArgument(
        `${field} is ${width}x${height}; a chip must be an aligned ${CHIP_SIDE}x${CHIP_SIDE} face (DetectedFace.chip)`,
      );
    }
  });
  return Promise.all(chips.map((chip, i) => imageFromProto(chip, `chips[${i}]`)));
}
