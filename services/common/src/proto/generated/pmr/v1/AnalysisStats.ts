// Original file: pmr/v1/result.proto

import type { StageTime as _pmr_v1_StageTime, StageTime__Output as _pmr_v1_StageTime__Output } from '../../pmr/v1/StageTime.ts';

/**
 * Counters of a finished analysis.
 */
export interface AnalysisStats {
  /**
   * Faces detected.
   */
  'detections'?: (number);
  /**
   * Faces embedded.
   */
  'embeddings'?: (number);
  /**
   * Wall-clock seconds from the job's start to its end.
   */
  'elapsedSeconds'?: (number | string);
  /**
   * Time spent per stage.
   */
  'stageTimes'?: (_pmr_v1_StageTime)[];
  /**
   * Faces given expression, age and gender.
   */
  'attributeFaces'?: (number);
  /**
   * Peak resident memory in MB (of the process that ran the job; 0 when spread over services).
   */
  'peakRssMb'?: (number);
}

/**
 * Counters of a finished analysis.
 */
export interface AnalysisStats__Output {
  /**
   * Faces detected.
   */
  'detections': (number);
  /**
   * Faces embedded.
   */
  'embeddings': (number);
  /**
   * Wall-clock seconds from the job's start to its end.
   */
  'elapsedSeconds': (number);
  /**
   * Time spent per stage.
   */
  'stageTimes': (_pmr_v1_StageTime__Output)[];
  /**
   * Faces given expression, age and gender.
   */
  'attributeFaces': (number);
  /**
   * Peak resident memory in MB (of the process that ran the job; 0 when spread over services).
   */
  'peakRssMb': (number);
}
