// Original file: pmr/v1/pipeline.proto

import type { Embedding as _pmr_v1_Embedding, Embedding__Output as _pmr_v1_Embedding__Output } from '../../pmr/v1/Embedding.ts';

/**
 * One face's embedding and the quality it is weighted by.
 */
export interface FaceEmbedding {
  /**
   * Unit-length embedding.
   */
  'embedding'?: (_pmr_v1_Embedding | null);
  /**
   * Face quality 0..1.
   */
  'quality'?: (number | string);
}

/**
 * One face's embedding and the quality it is weighted by.
 */
export interface FaceEmbedding__Output {
  /**
   * Unit-length embedding.
   */
  'embedding': (_pmr_v1_Embedding__Output | null);
  /**
   * Face quality 0..1.
   */
  'quality': (number);
}
