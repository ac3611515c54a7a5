// Original file: pmr/v1/job.proto

import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from '../../pmr/v1/ObjectRef.ts';

/**
 * The video a job analyses.
 */
export interface VideoSource {
  /**
   * A path under the orchestrator's allowed roots, or a URL with an allowed scheme.
   */
  'uri'?: (string);
  /**
   * A file stored with UploadMedia.
   */
  'upload'?: (_pmr_v1_ObjectRef | null);
  /**
   * Where the video comes from.
   */
  'source'?: "uri"|"upload";
}

/**
 * The video a job analyses.
 */
export interface VideoSource__Output {
  /**
   * A path under the orchestrator's allowed roots, or a URL with an allowed scheme.
   */
  'uri'?: (string);
  /**
   * A file stored with UploadMedia.
   */
  'upload'?: (_pmr_v1_ObjectRef__Output | null);
  /**
   * Where the video comes from.
   */
  'source'?: "uri"|"upload";
}
