// An image a caller sends (pmr.v1.ImageSource: the encoded file inline, or an upload), decoded as gallery photos are:
// refused over 120 megapixels from its header, shrunk to 2048 x 2048 pixels when larger (the detector sees 640
// pixels anyway), with the ratio that maps what is found back to the image's own pixels.
import { createHash } from 'node:crypto';
import { invalidArgument, type RgbImage } from '@pmr/common';
import { readImage, readImageSize } from '@pmr/common/image';
import type { ImageSource__Output } from '@pmr/common/proto/generated/pmr/v1/ImageSource.ts';
import { GALLERY_IMAGE_LIMITS } from '@pmr/recognizer/enrol';
import type { UploadSink } from '../job-runner.ts';
import { readUploadedFile } from '../api/upload-refs.ts';

export interface ReceivedImage {
  /** The pixels analysed (the image, or the image shrunk). */
  readonly image: RgbImage;
  /** The image's own size, as displayed (EXIF orientation applied). */
  readonly size: { readonly width: number; readonly height: number };
  /** The image's pixels per analysed pixel: 1, or more when it was shrunk. */
  readonly scale: number;
  /** Lower-case hex SHA-256 of the encoded file. */
  readonly sha256: string;
}

/** @throws PmrError INVALID_ARGUMENT (missing, undecodable or too large), PERMISSION_DENIED or NOT_FOUND (upload) */
export async function receiveImage(
  source: ImageSource__Output | null,
  field: string,
  uploads: UploadSink,
): Promise<ReceivedImage> {
  let data: Uint8Array;
  if (source?.source === 'data' && source.data !== undefined && source.data.length > 0) data = source.data;
  else if (source?.source === 'upload' && source.upload !== null && source.upload !== undefined)
    data = await readUploadedFile(uploads, source.upload, `${field}.upload`, 'an image');
  else throw invalidArgument(`${field} is required: set data (an encoded JPEG, PNG or WebP file) or upload`);
  const size = await readImageSize(data, field);
  const image = await readImage(data, field, GALLERY_IMAGE_LIMITS);
  const sha256 = createHash('sha256').update(data).digest('hex');
  return { image, size, scale: size.width / image.width, sha256 };
}
