// Original file: pmr/v1/collection_service.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../google/protobuf/Timestamp.ts';
import type { Long } from '@grpc/proto-loader';

/**
 * A collection of indexed faces.
 */
export interface Collection {
  /**
   * The id the client chose.
   */
  'collectionId'?: (string);
  /**
   * Faces indexed in it.
   */
  'faceCount'?: (number | string | Long);
  /**
   * Persons created in it.
   */
  'personCount'?: (number | string | Long);
  /**
   * The embedding model its faces were indexed with (e.g. "mobilefacenet_foamliu_128d"); faces of another model
   * cannot be added or searched.
   */
  'embeddingModel'?: (string);
  /**
   * Length of the model's embeddings.
   */
  'embeddingDim'?: (number);
  /**
   * When it was created.
   */
  'createTime'?: (_google_protobuf_Timestamp | null);
  /**
   * Free-form labels given at creation (at most 16, keys and values up to 256 bytes).
   */
  'tags'?: ({[key: string]: string});
}

/**
 * A collection of indexed faces.
 */
export interface Collection__Output {
  /**
   * The id the client chose.
   */
  'collectionId': (string);
  /**
   * Faces indexed in it.
   */
  'faceCount': (string);
  /**
   * Persons created in it.
   */
  'personCount': (string);
  /**
   * The embedding model its faces were indexed with (e.g. "mobilefacenet_foamliu_128d"); faces of another model
   * cannot be added or searched.
   */
  'embeddingModel': (string);
  /**
   * Length of the model's embeddings.
   */
  'embeddingDim': (number);
  /**
   * When it was created.
   */
  'createTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * Free-form labels given at creation (at most 16, keys and values up to 256 bytes).
   */
  'tags': ({[key: string]: string});
}
