// Original file: pmr/v1/recognizer_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DescribeModelRequest as _pmr_v1_DescribeModelRequest, DescribeModelRequest__Output as _pmr_v1_DescribeModelRequest__Output } from '../../pmr/v1/DescribeModelRequest.ts';
import type { DescribeModelResponse as _pmr_v1_DescribeModelResponse, DescribeModelResponse__Output as _pmr_v1_DescribeModelResponse__Output } from '../../pmr/v1/DescribeModelResponse.ts';
import type { EmbedRequest as _pmr_v1_EmbedRequest, EmbedRequest__Output as _pmr_v1_EmbedRequest__Output } from '../../pmr/v1/EmbedRequest.ts';
import type { EmbedResponse as _pmr_v1_EmbedResponse, EmbedResponse__Output as _pmr_v1_EmbedResponse__Output } from '../../pmr/v1/EmbedResponse.ts';
import type { SearchCollectionRequest as _pmr_v1_SearchCollectionRequest, SearchCollectionRequest__Output as _pmr_v1_SearchCollectionRequest__Output } from '../../pmr/v1/SearchCollectionRequest.ts';
import type { SearchCollectionResponse as _pmr_v1_SearchCollectionResponse, SearchCollectionResponse__Output as _pmr_v1_SearchCollectionResponse__Output } from '../../pmr/v1/SearchCollectionResponse.ts';
import type { SearchGalleryRequest as _pmr_v1_SearchGalleryRequest, SearchGalleryRequest__Output as _pmr_v1_SearchGalleryRequest__Output } from '../../pmr/v1/SearchGalleryRequest.ts';
import type { SearchGalleryResponse as _pmr_v1_SearchGalleryResponse, SearchGalleryResponse__Output as _pmr_v1_SearchGalleryResponse__Output } from '../../pmr/v1/SearchGalleryResponse.ts';

/**
 * Turns aligned face chips into embeddings and searches galleries of enrolled persons. Stateless apart from
 * the galleries it loads from the store.
 */
export interface RecognizerServiceClient extends grpc.Client {
  /**
   * The embedding model this recognizer runs, which every embedding it answers comes from.
   */
  DescribeModel(argument: _pmr_v1_DescribeModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DescribeModelResponse__Output>): grpc.ClientUnaryCall;
  DescribeModel(argument: _pmr_v1_DescribeModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DescribeModelResponse__Output>): grpc.ClientUnaryCall;
  DescribeModel(argument: _pmr_v1_DescribeModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DescribeModelResponse__Output>): grpc.ClientUnaryCall;
  DescribeModel(argument: _pmr_v1_DescribeModelRequest, callback: grpc.requestCallback<_pmr_v1_DescribeModelResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The embedding model this recognizer runs, which every embedding it answers comes from.
   */
  describeModel(argument: _pmr_v1_DescribeModelRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DescribeModelResponse__Output>): grpc.ClientUnaryCall;
  describeModel(argument: _pmr_v1_DescribeModelRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DescribeModelResponse__Output>): grpc.ClientUnaryCall;
  describeModel(argument: _pmr_v1_DescribeModelRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DescribeModelResponse__Output>): grpc.ClientUnaryCall;
  describeModel(argument: _pmr_v1_DescribeModelRequest, callback: grpc.requestCallback<_pmr_v1_DescribeModelResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * One embedding per chip, in order. INVALID_ARGUMENT for an empty list, more than 256 chips, or a chip that is
   * not a 112x112 image.
   */
  Embed(argument: _pmr_v1_EmbedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  Embed(argument: _pmr_v1_EmbedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  Embed(argument: _pmr_v1_EmbedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  Embed(argument: _pmr_v1_EmbedRequest, callback: grpc.requestCallback<_pmr_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One embedding per chip, in order. INVALID_ARGUMENT for an empty list, more than 256 chips, or a chip that is
   * not a 112x112 image.
   */
  embed(argument: _pmr_v1_EmbedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  embed(argument: _pmr_v1_EmbedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  embed(argument: _pmr_v1_EmbedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  embed(argument: _pmr_v1_EmbedRequest, callback: grpc.requestCallback<_pmr_v1_EmbedResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The faces or persons of a collection most similar to each query, from the recognizer's in-memory copy of the
   * collection (exact cosine search). NOT_FOUND for an unknown collection; INVALID_ARGUMENT for a query whose length
   * differs from the collection's embeddings, more than 256 queries, or a bad limit.
   */
  SearchCollection(argument: _pmr_v1_SearchCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchCollectionResponse__Output>): grpc.ClientUnaryCall;
  SearchCollection(argument: _pmr_v1_SearchCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchCollectionResponse__Output>): grpc.ClientUnaryCall;
  SearchCollection(argument: _pmr_v1_SearchCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchCollectionResponse__Output>): grpc.ClientUnaryCall;
  SearchCollection(argument: _pmr_v1_SearchCollectionRequest, callback: grpc.requestCallback<_pmr_v1_SearchCollectionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The faces or persons of a collection most similar to each query, from the recognizer's in-memory copy of the
   * collection (exact cosine search). NOT_FOUND for an unknown collection; INVALID_ARGUMENT for a query whose length
   * differs from the collection's embeddings, more than 256 queries, or a bad limit.
   */
  searchCollection(argument: _pmr_v1_SearchCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchCollectionResponse__Output>): grpc.ClientUnaryCall;
  searchCollection(argument: _pmr_v1_SearchCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchCollectionResponse__Output>): grpc.ClientUnaryCall;
  searchCollection(argument: _pmr_v1_SearchCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchCollectionResponse__Output>): grpc.ClientUnaryCall;
  searchCollection(argument: _pmr_v1_SearchCollectionRequest, callback: grpc.requestCallback<_pmr_v1_SearchCollectionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The best gallery persons for each query embedding. NOT_FOUND for an unknown gallery; INVALID_ARGUMENT for a
   * query whose length differs from the gallery's embeddings.
   */
  SearchGallery(argument: _pmr_v1_SearchGalleryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchGalleryResponse__Output>): grpc.ClientUnaryCall;
  SearchGallery(argument: _pmr_v1_SearchGalleryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchGalleryResponse__Output>): grpc.ClientUnaryCall;
  SearchGallery(argument: _pmr_v1_SearchGalleryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchGalleryResponse__Output>): grpc.ClientUnaryCall;
  SearchGallery(argument: _pmr_v1_SearchGalleryRequest, callback: grpc.requestCallback<_pmr_v1_SearchGalleryResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The best gallery persons for each query embedding. NOT_FOUND for an unknown gallery; INVALID_ARGUMENT for a
   * query whose length differs from the gallery's embeddings.
   */
  searchGallery(argument: _pmr_v1_SearchGalleryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchGalleryResponse__Output>): grpc.ClientUnaryCall;
  searchGallery(argument: _pmr_v1_SearchGalleryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchGalleryResponse__Output>): grpc.ClientUnaryCall;
  searchGallery(argument: _pmr_v1_SearchGalleryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchGalleryResponse__Output>): grpc.ClientUnaryCall;
  searchGallery(argument: _pmr_v1_SearchGalleryRequest, callback: grpc.requestCallback<_pmr_v1_SearchGalleryResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Turns aligned face chips into embeddings and searches galleries of enrolled persons. Stateless apart from
 * the galleries it loads from the store.
 */
export interface RecognizerServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The embedding model this recognizer runs, which every embedding it answers comes from.
   */
  DescribeModel: grpc.handleUnaryCall<_pmr_v1_DescribeModelRequest__Output, _pmr_v1_DescribeModelResponse>;
  
  /**
   * One embedding per chip, in order. INVALID_ARGUMENT for an empty list, more than 256 chips, or a chip that is
   * not a 112x112 image.
   */
  Embed: grpc.handleUnaryCall<_pmr_v1_EmbedRequest__Output, _pmr_v1_EmbedResponse>;
  
  /**
   * The faces or persons of a collection most similar to each query, from the recognizer's in-memory copy of the
   * collection (exact cosine search). NOT_FOUND for an unknown collection; INVALID_ARGUMENT for a query whose length
   * differs from the collection's embeddings, more than 256 queries, or a bad limit.
   */
  SearchCollection: grpc.handleUnaryCall<_pmr_v1_SearchCollectionRequest__Output, _pmr_v1_SearchCollectionResponse>;
  
  /**
   * The best gallery persons for each query embedding. NOT_FOUND for an unknown gallery; INVALID_ARGUMENT for a
   * query whose length differs from the gallery's embeddings.
   */
  SearchGallery: grpc.handleUnaryCall<_pmr_v1_SearchGalleryRequest__Output, _pmr_v1_SearchGalleryResponse>;
  
}

export interface RecognizerServiceDefinition extends grpc.ServiceDefinition {
  DescribeModel: MethodDefinition<_pmr_v1_DescribeModelRequest, _pmr_v1_DescribeModelResponse, _pmr_v1_DescribeModelRequest__Output, _pmr_v1_DescribeModelResponse__Output>
  Embed: MethodDefinition<_pmr_v1_EmbedRequest, _pmr_v1_EmbedResponse, _pmr_v1_EmbedRequest__Output, _pmr_v1_EmbedResponse__Output>
  SearchCollection: MethodDefinition<_pmr_v1_SearchCollectionRequest, _pmr_v1_SearchCollectionResponse, _pmr_v1_SearchCollectionRequest__Output, _pmr_v1_SearchCollectionResponse__Output>
  SearchGallery: MethodDefinition<_pmr_v1_SearchGalleryRequest, _pmr_v1_SearchGalleryResponse, _pmr_v1_SearchGalleryRequest__Output, _pmr_v1_SearchGalleryResponse__Output>
}
