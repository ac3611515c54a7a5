// Original file: pmr/v1/recognizer_service.proto

import type { Embedding as _pmr_v1_Embedding, Embedding__Output as _pmr_v1_Embedding__Output } from '../../pmr/v1/Embedding.ts';

/**
 * Response of RecognizerService.Embed.
 */
export interface EmbedResponse {
  /**
   * One embedding per chip, in the order of the request.
   */
  'embeddings'?: (_pmr_v1_Embedding)[];
  /**
   * The model the embeddings come from (as DescribeModelResponse.model).
   */
  'model'?: (string);
}

/**
 * Response of RecognizerService.Embed.
 */
export interface EmbedResponse__Output {
  /**
   * One embedding per chip, in the order of the request.
   */
  'embeddings': (_pmr_v1_Embedding__Output)[];
  /**
   * The model the embeddings come from (as DescribeModelResponse.model).
   */
  'model': (string);
}
