// Pure: turn an aligned face chip into the expression model's input tensor data.
import { invalidArgument, type RgbImage } from '@pmr/common';

/** Side of the ArcFace-aligned chip the expression model takes. */
export const CHIP_SIZE = 112;

/**
 * NCHW float32 data for the expression model's `data` input [1,3,112,112]:
 * RGB planes, each byte mapped by (x/255 - 0.5) / 0.5, i.e. 0 -> -1 and 255 -> 1.
 */
export function expressionInput(chip: RgbImage): Float32Array {
  if (chip.width !== CHIP_SIZE || chip.height !== CHIP_SIZE) {
    throw invalidArgument(
      `expression model needs a ${CHIP_SIZE}x${CHIP_SIZE} aligned chip, got ${chip.width}x${chip.height}`,
    );
  }
  const n = CHIP_SIZE * CHIP_SIZE;
  if (chip.data.length !== n * 3) {
    throw invalidArgument(`chip data holds ${chip.data.length} bytes, expected ${n * 3} (packed RGB)`);
  }
  const out = new Float32Array(3 * n);
  const d = chip.data;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    out[i] = (d[j]! / 255 - 0.5) / 0.5;
    out[n + i] = (d[j + 1]! / 255 - 0.5) / 0.5;
    out[2 * n + i] = (d[j + 2]! / 255 - 0.5) / 0.5;
  }
  return out;
}
