// Original file: pmr/v1/image.proto

import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from '../../pmr/v1/ObjectRef.ts';

/**
 * An image a client sends for analysis: an encoded JPEG, PNG or WebP file, inline or uploaded first. An image
 * over 120 megapixels is refused with INVALID_ARGUMENT; one over 2048 x 2048 pixels is analysed shrunk to that
 * many, and every box and landmark is still given in the image's own pixels.
 */
export interface ImageSource {
  /**
   * The encoded file, up to the orchestrator's message limit (64 MiB by default).
   */
  'data'?: (Buffer | Uint8Array | string);
  /**
   * A file stored with OrchestratorService.UploadMedia.
   */
  'upload'?: (_pmr_v1_ObjectRef | null);
  /**
   * Where the image comes from.
   */
  'source'?: "data"|"upload";
}

/**
 * An image a client sends for analysis: an encoded JPEG, PNG or WebP file, inline or uploaded first. An image
 * over 120 megapixels is refused with INVALID_ARGUMENT; one over 2048 x 2048 pixels is analysed shrunk to that
 * many, and every box and landmark is still given in the image's own pixels.
 */
export interface ImageSource__Output {
  /**
   * The encoded file, up to the orchestrator's message limit (64 MiB by default).
   */
  'data'?: (Buffer);
  /**
   * A file stored with OrchestratorService.UploadMedia.
   */
  'upload'?: (_pmr_v1_ObjectRef__Output | null);
  /**
   * Where the image comes from.
   */
  'source'?: "data"|"upload";
}
