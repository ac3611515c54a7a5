// pmr.v1.Image messages decoded to the stages' RgbImage (a JPEG through sharp), after proto/image.ts's checks.
import { invalidArgument } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import { CHIP_SIDE, MAX_CHIPS } from '../proto/chips.ts';
import type { Image__Output } from '../proto/generated/pmr/v1/Image.ts';
import { checkImage } from '../proto/image.ts';
import { readImage } from './image-io.ts';

/**
 * A received Image as an RgbImage: RGB24 is used as is (no copy), JPEG is decoded and must have the declared
 * size. @throws PmrError INVALID_ARGUMENT for a malformed image or an undecodable JPEG.
 */
export async function imageFromProto(image: Image__Output | null | undefined, field: string): Promise<RgbImage> {
  const checked = checkImage(image, field);
  if (checked.encoding === 'IMAGE_ENCODING_RGB24')
    return { width: checked.width, height: checked.height, data: checked.data };
  const decoded = await readImage(checked.data, field);
  if (decoded.width !== checked.width || decoded.height !== checked.height) {
    throw invalidArgument(
      `${field}: the JPEG is ${decoded.width}x${decoded.height}, not the declared ${checked.width}x${checked.height}`,
    );
  }
  return decoded;
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
