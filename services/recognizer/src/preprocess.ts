// Aligned face chip -> MobileFaceNet input tensor. Pure; no I/O.

import { invalidArgument, type RgbImage } from '@pmr/common';

/** Side of the ArcFace-aligned chip the embedding model takes. */
export const CHIP_SIZE = 112;

/** ImageNet normalisation the foamliu MobileFaceNet was trained with (after scaling to 0..1), RGB order. */
export const IMAGENET_MEAN = [0.485, 0.456, 0.406] as const;
export const IMAGENET_STD = [0.229, 0.224, 0.225] as const;

/**
 * Planar NCHW float32 data ([1, 3, 112, 112]) for a packed RGB chip: each channel value becomes
 * `(x / 255 - mean[c]) / std[c]`. The chip must be exactly 112×112.
 */
export function chipToTensorData(chip: RgbImage): Float32Array {
  if (chip.width !== CHIP_SIZE || chip.height !== CHIP_SIZE) {
    throw invalidArgument(`face chip must be ${CHIP_SIZE}x${CHIP_SIZE}, got ${chip.width}x${chip.height}`);
  }
  const plane = CHIP_SIZE * CHIP_SIZE;
  if (chip.data.length !== plane * 3)
    throw invalidArgument(`face chip data has ${chip.data.length} bytes, expected ${plane * 3}`);
  const out = new Float32Array(plane * 3);
  for (let c = 0; c < 3; c++) {
    const scale = 1 / (255 * IMAGENET_STD[c]!);
    const offset = IMAGENET_MEAN[c]! / IMAGENET_STD[c]!;
    const base = c * plane;
    for (let i = 0, j = c; i < plane; i++, j += 3) out[base + i] = chip.data[j]! * scale - offset;
  }
  return out;
}
