// Original file: pmr/v1/image_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CompareFacesRequest as _pmr_v1_CompareFacesRequest, CompareFacesRequest__Output as _pmr_v1_CompareFacesRequest__Output } from '../../pmr/v1/CompareFacesRequest.ts';
import type { CompareFacesResponse as _pmr_v1_CompareFacesResponse, CompareFacesResponse__Output as _pmr_v1_CompareFacesResponse__Output } from '../../pmr/v1/CompareFacesResponse.ts';
import type { DetectFacesRequest as _pmr_v1_DetectFacesRequest, DetectFacesRequest__Output as _pmr_v1_DetectFacesRequest__Output } from '../../pmr/v1/DetectFacesRequest.ts';
import type { DetectFacesResponse as _pmr_v1_DetectFacesResponse, DetectFacesResponse__Output as _pmr_v1_DetectFacesResponse__Output } from '../../pmr/v1/DetectFacesResponse.ts';

/**
 * Face analysis of single images, with no collection involved. Served by the orchestrator, which runs the
 * detector, recognizer and attributes stages for each call. Every call answers every face of the image, up to its
 * limit, largest first.
 */
export interface ImageServiceClient extends grpc.Client {
  /**
   * The largest face of the source image compared with every face of the target image. INVALID_ARGUMENT for a
   * missing, undecodable or oversized image, a source image without a face, or a similarity_threshold outside
   * [-1, 1].
   */
  CompareFaces(argument: _pmr_v1_CompareFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CompareFacesResponse__Output>): grpc.ClientUnaryCall;
  CompareFaces(argument: _pmr_v1_CompareFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_CompareFacesResponse__Output>): grpc.ClientUnaryCall;
  CompareFaces(argument: _pmr_v1_CompareFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CompareFacesResponse__Output>): grpc.ClientUnaryCall;
  CompareFaces(argument: _pmr_v1_CompareFacesRequest, callback: grpc.requestCallback<_pmr_v1_CompareFacesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The largest face of the source image compared with every face of the target image. INVALID_ARGUMENT for a
   * missing, undecodable or oversized image, a source image without a face, or a similarity_threshold outside
   * [-1, 1].
   */
  compareFaces(argument: _pmr_v1_CompareFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CompareFacesResponse__Output>): grpc.ClientUnaryCall;
  compareFaces(argument: _pmr_v1_CompareFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_CompareFacesResponse__Output>): grpc.ClientUnaryCall;
  compareFaces(argument: _pmr_v1_CompareFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CompareFacesResponse__Output>): grpc.ClientUnaryCall;
  compareFaces(argument: _pmr_v1_CompareFacesRequest, callback: grpc.requestCallback<_pmr_v1_CompareFacesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every face in the image with its box, landmarks, pose, quality, age range, gender and expression.
   * INVALID_ARGUMENT for a missing, undecodable or oversized image (see ImageSource).
   */
  DetectFaces(argument: _pmr_v1_DetectFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DetectFacesResponse__Output>): grpc.ClientUnaryCall;
  DetectFaces(argument: _pmr_v1_DetectFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DetectFacesResponse__Output>): grpc.ClientUnaryCall;
  DetectFaces(argument: _pmr_v1_DetectFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DetectFacesResponse__Output>): grpc.ClientUnaryCall;
  DetectFaces(argument: _pmr_v1_DetectFacesRequest, callback: grpc.requestCallback<_pmr_v1_DetectFacesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every face in the image with its box, landmarks, pose, quality, age range, gender and expression.
   * INVALID_ARGUMENT for a missing, undecodable or oversized image (see ImageSource).
   */
  detectFaces(argument: _pmr_v1_DetectFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DetectFacesResponse__Output>): grpc.ClientUnaryCall;
  detectFaces(argument: _pmr_v1_DetectFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DetectFacesResponse__Output>): grpc.ClientUnaryCall;
  detectFaces(argument: _pmr_v1_DetectFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DetectFacesResponse__Output>): grpc.ClientUnaryCall;
  detectFaces(argument: _pmr_v1_DetectFacesRequest, callback: grpc.requestCallback<_pmr_v1_DetectFacesResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Face analysis of single images, with no collection involved. Served by the orchestrator, which runs the
 * detector, recognizer and attributes stages for each call. Every call answers every face of the image, up to its
 * limit, largest first.
 */
export interface ImageServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The largest face of the source image compared with every face of the target image. INVALID_ARGUMENT for a
   * missing, undecodable or oversized image, a source image without a face, or a similarity_threshold outside
   * [-1, 1].
   */
  CompareFaces: grpc.handleUnaryCall<_pmr_v1_CompareFacesRequest__Output, _pmr_v1_CompareFacesResponse>;
  
  /**
   * Every face in the image with its box, landmarks, pose, quality, age range, gender and expression.
   * INVALID_ARGUMENT for a missing, undecodable or oversized image (see ImageSource).
   */
  DetectFaces: grpc.handleUnaryCall<_pmr_v1_DetectFacesRequest__Output, _pmr_v1_DetectFacesResponse>;
  
}

export interface ImageServiceDefinition extends grpc.ServiceDefinition {
  CompareFaces: MethodDefinition<_pmr_v1_CompareFacesRequest, _pmr_v1_CompareFacesResponse, _pmr_v1_CompareFacesRequest__Output, _pmr_v1_CompareFacesResponse__Output>
  DetectFaces: MethodDefinition<_pmr_v1_DetectFacesRequest, _pmr_v1_DetectFacesResponse, _pmr_v1_DetectFacesRequest__Output, _pmr_v1_DetectFacesResponse__Output>
}
