// Original file: pmr/v1/orchestrator_service.proto

import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from '../../pmr/v1/ObjectRef.ts';

/**
 * Response of OrchestratorService.UploadMedia.
 */
export interface UploadMediaResponse {
  /**
   * Where the file was stored; pass it in VideoSource.upload or GalleryPhoto.upload.
   */
  'object'?: (_pmr_v1_ObjectRef | null);
}

/**
 * Response of OrchestratorService.UploadMedia.
 */
export interface UploadMediaResponse__Output {
  /**
   * Where the file was stored; pass it in VideoSource.upload or GalleryPhoto.upload.
   */
  'object': (_pmr_v1_ObjectRef__Output | null);
}
