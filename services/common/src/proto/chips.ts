// The chips of an Embed or Analyze request: 1 to MAX_CHIPS aligned 112x112 images (RGB24 or JPEG), each checked and decoded
// before any model runs, so a request is answered whole or rejected whole with INVALID_ARGUMENT naming the chip.
import { invalidArgument } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import type { Image__Output as ImageMessage } from './generated/pmr/v1/Image.ts';
import { checkImage, imageFromProto } from './image.ts';

/** Side of an aligned face chip (DetectedFace.chip), in pixels. */
export const CHIP_SIDE = 112;
/** Most chips one request may carry. */
export const MAX_CHIPS = 256;

/** @throws PmrError INVALID_ARGUMENT for an empty or too long list, or a chip that is not a valid 112x112 image. */
export async function chipsFromProto(chips: readonly ImageMessage[]): Promise<RgbImage[]> {
  if (chips.length === 0) throw invalidArgument(`chips is empty; send 1 to ${MAX_CHIPS} aligned ${CHIP_SIDE}x${CHIP_SIDE} chips`);
  if (chips.length > MAX_CHIPS) throw invalidArgument(`chips holds ${chips.length} chips; at most ${MAX_CHIPS} per request`);
  chips.forEach((chip, i) => {
    const field = `chips[${i}]`;
    const { width, height } = checkImage(chip, field);
    if (width !== CHIP_SIDE || height !== CHIP_SIDE) {
      throw invalidArgument(`${field} is ${width}x${height}; a chip must be an aligned ${CHIP_SIDE}x${CHIP_SIDE} face (DetectedFace.chip)`);
    }
  });
  return Promise.all(chips.map((chip, i) => imageFromProto(chip, `chips[${i}]`)));
}
