import sharp from 'sharp';
import { invalidArgument } from '../errors.ts';
import type { RgbImage } from '../types.ts';

/**
 * Decode an image file or buffer (JPEG, PNG, WebP, GIF, TIFF…) into packed RGB, honouring EXIF orientation.
 * Unreadable input is an INVALID_ARGUMENT error naming what could not be read.
 */
export async function readImage(source: string | Uint8Array, what = typeof source === 'string' ? source : 'image'): Promise<RgbImage> {
  try {
    const { data, info } = await sharp(source, { failOn: 'error' })
      .rotate()
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    if (reason.includes('Input file is missing')) throw invalidArgument(`${what}: no such file`, err);
    throw invalidArgument(`${what}: not a readable image (${reason})`, err);
  }
}

export async function encodeJpeg(image: RgbImage, quality = 85): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } }).jpeg({ quality }).toBuffer();
}

export async function encodePng(image: RgbImage): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } }).png().toBuffer();
}
