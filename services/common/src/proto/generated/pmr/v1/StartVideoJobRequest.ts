// Original file: pmr/v1/orchestrator_service.proto

import type { VideoSource as _pmr_v1_VideoSource, VideoSource__Output as _pmr_v1_VideoSource__Output } from '../../pmr/v1/VideoSource.ts';
import type { GalleryPhoto as _pmr_v1_GalleryPhoto, GalleryPhoto__Output as _pmr_v1_GalleryPhoto__Output } from '../../pmr/v1/GalleryPhoto.ts';
import type { VideoJobOptions as _pmr_v1_VideoJobOptions, VideoJobOptions__Output as _pmr_v1_VideoJobOptions__Output } from '../../pmr/v1/VideoJobOptions.ts';

/**
 * Request of OrchestratorService.StartVideoJob.
 */
export interface StartVideoJobRequest {
  /**
   * Idempotency token chosen by the client (1 to 64 characters): retrying with the same token and request
   * returns the same job instead of starting a second one.
   */
  'clientToken'?: (string);
  /**
   * The video to analyse.
   */
  'video'?: (_pmr_v1_VideoSource | null);
  /**
   * Photos of the persons to recognise; empty: every track is unknown. For a small gallery: the whole request
   * must fit one gRPC message (64 MiB), so larger photos go through UploadMedia (GalleryPhoto.upload); a gallery
   * that many jobs use is better indexed once into a collection (collection_id), which nothing is sent with.
   */
  'gallery'?: (_pmr_v1_GalleryPhoto)[];
  /**
   * Analysis settings.
   */
  'options'?: (_pmr_v1_VideoJobOptions | null);
  /**
   * Free-form labels stored with the job and returned with it (at most 16, keys and values up to 256 bytes).
   */
  'tags'?: ({[key: string]: string});
  /**
   * The collection whose persons the job recognises, instead of gallery; a collection and a gallery together
   * are INVALID_ARGUMENT, an unknown collection NOT_FOUND. The job takes the persons as they are when it starts.
   */
  'collectionId'?: (string);
}

/**
 * Request of OrchestratorService.StartVideoJob.
 */
export interface StartVideoJobRequest__Output {
  /**
   * Idempotency token chosen by the client (1 to 64 characters): retrying with the same token and request
   * returns the same job instead of starting a second one.
   */
  'clientToken': (string);
  /**
   * The video to analyse.
   */
  'video': (_pmr_v1_VideoSource__Output | null);
  /**
   * Photos of the persons to recognise; empty: every track is unknown. For a small gallery: the whole request
   * must fit one gRPC message (64 MiB), so larger photos go through UploadMedia (GalleryPhoto.upload); a gallery
   * that many jobs use is better indexed once into a collection (collection_id), which nothing is sent with.
   */
  'gallery': (_pmr_v1_GalleryPhoto__Output)[];
  /**
   * Analysis settings.
   */
  'options': (_pmr_v1_VideoJobOptions__Output | null);
  /**
   * Free-form labels stored with the job and returned with it (at most 16, keys and values up to 256 bytes).
   */
  'tags': ({[key: string]: string});
  /**
   * The collection whose persons the job recognises, instead of gallery; a collection and a gallery together
   * are INVALID_ARGUMENT, an unknown collection NOT_FOUND. The job takes the persons as they are when it starts.
   */
  'collectionId': (string);
}
