// Original file: pmr/v1/pipeline.proto

import type { WeightedAttributes as _pmr_v1_WeightedAttributes, WeightedAttributes__Output as _pmr_v1_WeightedAttributes__Output } from '../../pmr/v1/WeightedAttributes.ts';

/**
 * The attributes of one finished track's best faces (from the attributes service).
 */
export interface TrackFaceAttributes {
  /**
   * Track id within the job.
   */
  'trackId'?: (number);
  /**
   * One per analysed face.
   */
  'faces'?: (_pmr_v1_WeightedAttributes)[];
}

/**
 * The attributes of one finished track's best faces (from the attributes service).
 */
export interface TrackFaceAttributes__Output {
  /**
   * Track id within the job.
   */
  'trackId': (number);
  /**
   * One per analysed face.
   */
  'faces': (_pmr_v1_WeightedAttributes__Output)[];
}
