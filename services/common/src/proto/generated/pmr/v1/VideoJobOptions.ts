// Original file: pmr/v1/job.proto

import type { SkipMethod as _pmr_v1_SkipMethod, SkipMethod__Output as _pmr_v1_SkipMethod__Output } from '../../pmr/v1/SkipMethod.ts';

/**
 * Analysis settings of a video job; unset fields take the orchestrator's defaults.
 */
export interface VideoJobOptions {
  /**
   * Analysis rate in frames per second; unset: every source frame (before similar-frame skipping).
   */
  'fps'?: (number | string);
  /**
   * Similar-frame skipping method.
   */
  'skipMethod'?: (_pmr_v1_SkipMethod);
  /**
   * Stop after this many analysed frames; unset: no limit.
   */
  'maxFrames'?: (number);
  '_fps'?: "fps";
  '_maxFrames'?: "maxFrames";
}

/**
 * Analysis settings of a video job; unset fields take the orchestrator's defaults.
 */
export interface VideoJobOptions__Output {
  /**
   * Analysis rate in frames per second; unset: every source frame (before similar-frame skipping).
   */
  'fps'?: (number);
  /**
   * Similar-frame skipping method.
   */
  'skipMethod': (_pmr_v1_SkipMethod__Output);
  /**
   * Stop after this many analysed frames; unset: no limit.
   */
  'maxFrames'?: (number);
  '_fps'?: "fps";
  '_maxFrames'?: "maxFrames";
}
