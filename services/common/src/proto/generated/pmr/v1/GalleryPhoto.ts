// Original file: pmr/v1/orchestrator_service.proto

import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from '../../pmr/v1/ObjectRef.ts';

/**
 * A photo of a known person, enrolled into the job's gallery.
 */
export interface GalleryPhoto {
  /**
   * The person's name, as results will report it.
   */
  'person'?: (string);
  /**
   * The photo's file name, for rejection reasons.
   */
  'fileName'?: (string);
  /**
   * An encoded JPEG, PNG or WebP file. One over 120 megapixels is rejected; one larger than 2048 x 2048
   * pixels is downscaled to that many before its face is detected.
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * A file stored with UploadMedia.
   */
  'upload'?: (_pmr_v1_ObjectRef | null);
  /**
   * The photo's bytes.
   */
  'content'?: "data"|"upload";
}

/**
 * A photo of a known person, enrolled into the job's gallery.
 */
export interface GalleryPhoto__Output {
  /**
   * The person's name, as results will report it.
   */
  'person': (string);
  /**
   * The photo's file name, for rejection reasons.
   */
  'fileName': (string);
  /**
   * An encoded JPEG, PNG or WebP file. One over 120 megapixels is rejected; one larger than 2048 x 2048
   * pixels is downscaled to that many before its face is detected.
   */
  'data'?: (Buffer);
  /**
   * A file stored with UploadMedia.
   */
  'upload'?: (_pmr_v1_ObjectRef__Output | null);
  /**
   * The photo's bytes.
   */
  'content'?: "data"|"upload";
}
