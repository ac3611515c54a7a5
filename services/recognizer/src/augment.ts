// Enrolment-time augmentation of aligned face chips (horizontal flip, brightness, contrast, gamma), in the spirit of
// the albumentations pipeline the original project used, but deterministic so a gallery is reproducible. Pure.

import { flipHorizontal, type RgbImage } from '@pmr/common';

export type ChipAugmentation =
  | { readonly kind: 'flip' }
  /** Add `delta` (a fraction of 255, e.g. 0.15) to every channel. */
  | { readonly kind: 'brightness'; readonly delta: number }
  /** Scale the distance of every channel value from mid-grey 127.5 by `factor`. */
  | { readonly kind: 'contrast'; readonly factor: number }
  /** `255 * (x / 255) ^ gamma`. */
  | { readonly kind: 'gamma'; readonly gamma: number };

/**
 * The default enrolment set: mirror plus mild photometric changes (±15 % brightness, ±20 % contrast,
 * gamma 0.8 / 1.25), each applied alone to the original chip.
 */
export const DEFAULT_AUGMENTATIONS: readonly ChipAugmentation[] = [
  { kind: 'flip' },
  { kind: 'brightness', delta: 0.15 },
  { kind: 'brightness', delta: -0.15 },
  { kind: 'contrast', factor: 1.2 },
  { kind: 'contrast', factor: 0.8 },
  { kind: 'gamma', gamma: 0.8 },
  { kind: 'gamma', gamma: 1.25 },
];

function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

/** Apply a per-value mapping through a 256-entry lookup table. */
export function mapPixels(image: RgbImage, f: (v: number) => number): RgbImage {
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = clampByte(f(v));
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[image.data[i]!]!;
  return { width: image.width, height: image.height, data: out };
}

export function adjustBrightness(image: RgbImage, delta: number): RgbImage {
  return mapPixels(image, (v) => v + delta * 255);
}

export function adjustContrast(image: RgbImage, factor: number): RgbImage {
  return mapPixels(image, (v) => 127.5 + (v - 127.5) * factor);
}

export function adjustGamma(image: RgbImage, gamma: number): RgbImage {
  return mapPixels(image, (v) => 255 * Math.pow(v / 255, gamma));
}

export function applyAugmentation(chip: RgbImage, aug: ChipAugmentation): RgbImage {
  switch (aug.kind) {
    case 'flip':
      return flipHorizontal(chip);
    case 'brightness':
      return adjustBrightness(chip, aug.delta);
    case 'contrast':
      return adjustContrast(chip, aug.factor);
    case 'gamma':
      return adjustGamma(chip, aug.gamma);
  }
}

/** The chip itself followed by one variant per augmentation, in order. */
export function augmentChip(
  chip: RgbImage,
  augmentations: readonly ChipAugmentation[] = DEFAULT_AUGMENTATIONS,
): RgbImage[] {
  return [chip, ...augmentations.map((a) => applyAugmentation(chip, a))];
}
