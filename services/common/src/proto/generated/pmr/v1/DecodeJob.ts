// Original file: pmr/v1/pipeline.proto

import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from '../../pmr/v1/ObjectRef.ts';
import type { SkipMethod as _pmr_v1_SkipMethod, SkipMethod__Output as _pmr_v1_SkipMethod__Output } from '../../pmr/v1/SkipMethod.ts';

/**
 * A video for the decoder to publish as frames.
 */
export interface DecodeJob {
  /**
   * The job the frames belong to.
   */
  'jobId'?: (string);
  /**
   * A path the decoder may read (under its media roots).
   */
  'path'?: (string);
  /**
   * A file uploaded into the NATS object store.
   */
  'upload'?: (_pmr_v1_ObjectRef | null);
  /**
   * Analysis frame rate; unset analyses every frame.
   */
  'fps'?: (number | string);
  /**
   * Similar-frame skipping method.
   */
  'skipMethod'?: (_pmr_v1_SkipMethod);
  /**
   * Stop after this many analysed frames; unset: the whole video.
   */
  'maxFrames'?: (number);
  /**
   * Where the video is.
   */
  'source'?: "path"|"upload";
  '_fps'?: "fps";
  '_maxFrames'?: "maxFrames";
}

/**
 * A video for the decoder to publish as frames.
 */
export interface DecodeJob__Output {
  /**
   * The job the frames belong to.
   */
  'jobId': (string);
  /**
   * A path the decoder may read (under its media roots).
   */
  'path'?: (string);
  /**
   * A file uploaded into the NATS object store.
   */
  'upload'?: (_pmr_v1_ObjectRef__Output | null);
  /**
   * Analysis frame rate; unset analyses every frame.
   */
  'fps'?: (number);
  /**
   * Similar-frame skipping method.
   */
  'skipMethod': (_pmr_v1_SkipMethod__Output);
  /**
   * Stop after this many analysed frames; unset: the whole video.
   */
  'maxFrames'?: (number);
  /**
   * Where the video is.
   */
  'source'?: "path"|"upload";
  '_fps'?: "fps";
  '_maxFrames'?: "maxFrames";
}
