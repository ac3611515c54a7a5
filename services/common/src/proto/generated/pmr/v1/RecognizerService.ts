// Original file: pmr/v1/recognizer_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { EmbedRequest as _pmr_v1_EmbedRequest, EmbedRequest__Output as _pmr_v1_EmbedRequest__Output } from '../../pmr/v1/EmbedRequest.ts';
import type { EmbedResponse as _pmr_v1_EmbedResponse, EmbedResponse__Output as _pmr_v1_EmbedResponse__Output } from '../../pmr/v1/EmbedResponse.ts';
import type { SearchGalleryRequest as _pmr_v1_SearchGalleryRequest, SearchGalleryRequest__Output as _pmr_v1_SearchGalleryRequest__Output } from '../../pmr/v1/SearchGalleryRequest.ts';
import type { SearchGalleryResponse as _pmr_v1_SearchGalleryResponse, SearchGalleryResponse__Output as _pmr_v1_SearchGalleryResponse__Output } from '../../pmr/v1/SearchGalleryResponse.ts';

/**
 * Turns aligned face chips into embeddings and searches galleries of enrolled persons. Stateless apart from
 * the galleries it loads from the store.
 */
export interface RecognizerServiceClient extends grpc.Client {
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
   * One embedding per chip, in order. INVALID_ARGUMENT for an empty list, more than 256 chips, or a chip that is
   * not a 112x112 image.
   */
  Embed: grpc.handleUnaryCall<_pmr_v1_EmbedRequest__Output, _pmr_v1_EmbedResponse>;
  
  /**
   * The best gallery persons for each query embedding. NOT_FOUND for an unknown gallery; INVALID_ARGUMENT for a
   * query whose length differs from the gallery's embeddings.
   */
  SearchGallery: grpc.handleUnaryCall<_pmr_v1_SearchGalleryRequest__Output, _pmr_v1_SearchGalleryResponse>;
  
}

export interface RecognizerServiceDefinition extends grpc.ServiceDefinition {
  Embed: MethodDefinition<_pmr_v1_EmbedRequest, _pmr_v1_EmbedResponse, _pmr_v1_EmbedRequest__Output, _pmr_v1_EmbedResponse__Output>
  SearchGallery: MethodDefinition<_pmr_v1_SearchGalleryRequest, _pmr_v1_SearchGalleryResponse, _pmr_v1_SearchGalleryRequest__Output, _pmr_v1_SearchGalleryResponse__Output>
}
