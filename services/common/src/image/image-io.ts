import sharp, { type Metadata } from 'sharp';
import { invalidArgument, type PmrError } from '../errors.ts';
import type { RgbImage } from '../types.ts';

/** Bounds on what readImage decodes. */
export interface ImageLimits {
  /** An image of more pixels is refused from its header, before any decoding (default: libvips's 16383 × 16383). */
  readonly maxInputPixels?: number;
  /**
   * A larger image is decoded downscaled to at most this many pixels, its aspect kept (a JPEG is shrunk while it is
   * decoded, so its full size is never in memory); default: decoded at its own size.
   */
  readonly maxPixels?: number;
}

/** sharp's own limit on input pixels (0x3FFF × 0x3FFF). */
const SHARP_DEFAULT_INPUT_PIXELS = 0x3fff * 0x3fff;

/** Width and height of `width` × `height` scaled to at most `maxPixels`, aspect kept; unchanged when within. */
export function fitPixels(width: number, height: number, maxPixels: number): { width: number; height: number } {
  if (width * height <= maxPixels) return { width, height };
  const scale = Math.sqrt(maxPixels / (width * height));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

function unreadable(what: string, err: unknown): PmrError {
  const reason = err instanceof Error ? err.message : String(err);
  if (reason.includes('Input file is missing')) return invalidArgument(`${what}: no such file`, err);
  return invalidArgument(`${what}: not a readable image (${reason})`, err);
}

/**
 * An image's size as displayed (EXIF orientation applied), read from its header only.
 * @throws PmrError INVALID_ARGUMENT when the header cannot be read.
 */
export async function readImageSize(
  source: string | Uint8Array,
  what = 'image',
): Promise<{ width: number; height: number }> {
  let header: Metadata;
  try {
    header = await sharp(source).metadata();
  } catch (err) {
    throw unreadable(what, err);
  }
  const { width = 0, height = 0 } = header;
  return (header.orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
}

/**
 * Decode an image file or buffer (JPEG, PNG, WebP, GIF, TIFF…) into packed RGB, honouring EXIF orientation, within
 * `limits`. Unreadable input, or an image over limits.maxInputPixels, is an INVALID_ARGUMENT error naming what could
 * not be read.
 */
export async function readImage(
  source: string | Uint8Array,
  what = typeof source === 'string' ? source : 'image',
  limits: ImageLimits = {},
): Promise<RgbImage> {
  const maxInputPixels = limits.maxInputPixels ?? SHARP_DEFAULT_INPUT_PIXELS;
  let target: { width: number; height: number } | undefined;
  if (limits.maxInputPixels !== undefined || limits.maxPixels !== undefined) {
    let header: Metadata;
    try {
      header = await sharp(source).metadata();
    } catch (err) {
      throw unreadable(what, err);
    }
    const { width = 0, height = 0 } = header;
    if (width * height > maxInputPixels) {
      throw invalidArgument(
        `${what}: ${width}×${height} pixels, more than the ${Math.round(maxInputPixels / 1e6)} megapixels accepted; send a smaller image`,
      );
    }
    // EXIF orientations 5 to 8 turn the picture a quarter: the decoded width is the stored height.
    const turned = (header.orientation ?? 1) >= 5;
    if (limits.maxPixels !== undefined)
      target = fitPixels(turned ? height : width, turned ? width : height, limits.maxPixels);
  }
  try {
    let pipeline = sharp(source, { failOn: 'error', limitInputPixels: maxInputPixels, sequentialRead: true }).rotate();
    if (target !== undefined) pipeline = pipeline.resize({ width: target.width, height: target.height, fit: 'inside' });
    const { data, info } = await pipeline
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch (err) {
    throw unreadable(what, err);
  }
}

export async function encodeJpeg(image: RgbImage, quality = 85): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

export async function encodePng(image: RgbImage): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .png()
    .toBuffer();
}
