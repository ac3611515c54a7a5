// Original file: pmr/v1/pipeline.proto

import type { FaceEmbedding as _pmr_v1_FaceEmbedding, FaceEmbedding__Output as _pmr_v1_FaceEmbedding__Output } from '../../pmr/v1/FaceEmbedding.ts';

/**
 * The embeddings of one finished track's selected faces (from a recognizer).
 */
export interface TrackEmbeddings {
  /**
   * Track id within the job.
   */
  'trackId'?: (number);
  /**
   * One per selected face, in the order of FinishedTrack.selected.
   */
  'faces'?: (_pmr_v1_FaceEmbedding)[];
}

/**
 * The embeddings of one finished track's selected faces (from a recognizer).
 */
export interface TrackEmbeddings__Output {
  /**
   * Track id within the job.
   */
  'trackId': (number);
  /**
   * One per selected face, in the order of FinishedTrack.selected.
   */
  'faces': (_pmr_v1_FaceEmbedding__Output)[];
}
