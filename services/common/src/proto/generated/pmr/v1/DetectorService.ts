// Original file: pmr/v1/detector_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DetectRequest as _pmr_v1_DetectRequest, DetectRequest__Output as _pmr_v1_DetectRequest__Output } from '../../pmr/v1/DetectRequest.ts';
import type { DetectResponse as _pmr_v1_DetectResponse, DetectResponse__Output as _pmr_v1_DetectResponse__Output } from '../../pmr/v1/DetectResponse.ts';

/**
 * Finds faces in an image. Stateless: any replica can answer any call.
 */
export interface DetectorServiceClient extends grpc.Client {
  /**
   * Every face in the image, highest score first, each with landmarks, quality and its aligned 112x112 chip.
   * INVALID_ARGUMENT for a missing or malformed image (unspecified encoding, zero size, RGB24 data whose length
   * is not width * height * 3, undecodable JPEG). The detector accepts messages up to its configured limit
   * (64 MiB by default): enough for a 4K RGB24 frame (24.9 MB), not for an 8K one (99.5 MB), which must be
   * sent as JPEG. Above the limit: RESOURCE_EXHAUSTED. A JPEG of more than 4096 x 4096 pixels is detected shrunk
   * to that many (decoded smaller, never whole); boxes and landmarks are always in the sent image's pixels.
   */
  Detect(argument: _pmr_v1_DetectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DetectResponse__Output>): grpc.ClientUnaryCall;
  Detect(argument: _pmr_v1_DetectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DetectResponse__Output>): grpc.ClientUnaryCall;
  Detect(argument: _pmr_v1_DetectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DetectResponse__Output>): grpc.ClientUnaryCall;
  Detect(argument: _pmr_v1_DetectRequest, callback: grpc.requestCallback<_pmr_v1_DetectResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every face in the image, highest score first, each with landmarks, quality and its aligned 112x112 chip.
   * INVALID_ARGUMENT for a missing or malformed image (unspecified encoding, zero size, RGB24 data whose length
   * is not width * height * 3, undecodable JPEG). The detector accepts messages up to its configured limit
   * (64 MiB by default): enough for a 4K RGB24 frame (24.9 MB), not for an 8K one (99.5 MB), which must be
   * sent as JPEG. Above the limit: RESOURCE_EXHAUSTED. A JPEG of more than 4096 x 4096 pixels is detected shrunk
   * to that many (decoded smaller, never whole); boxes and landmarks are always in the sent image's pixels.
   */
  detect(argument: _pmr_v1_DetectRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DetectResponse__Output>): grpc.ClientUnaryCall;
  detect(argument: _pmr_v1_DetectRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DetectResponse__Output>): grpc.ClientUnaryCall;
  detect(argument: _pmr_v1_DetectRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DetectResponse__Output>): grpc.ClientUnaryCall;
  detect(argument: _pmr_v1_DetectRequest, callback: grpc.requestCallback<_pmr_v1_DetectResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Finds faces in an image. Stateless: any replica can answer any call.
 */
export interface DetectorServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Every face in the image, highest score first, each with landmarks, quality and its aligned 112x112 chip.
   * INVALID_ARGUMENT for a missing or malformed image (unspecified encoding, zero size, RGB24 data whose length
   * is not width * height * 3, undecodable JPEG). The detector accepts messages up to its configured limit
   * (64 MiB by default): enough for a 4K RGB24 frame (24.9 MB), not for an 8K one (99.5 MB), which must be
   * sent as JPEG. Above the limit: RESOURCE_EXHAUSTED. A JPEG of more than 4096 x 4096 pixels is detected shrunk
   * to that many (decoded smaller, never whole); boxes and landmarks are always in the sent image's pixels.
   */
  Detect: grpc.handleUnaryCall<_pmr_v1_DetectRequest__Output, _pmr_v1_DetectResponse>;
  
}

export interface DetectorServiceDefinition extends grpc.ServiceDefinition {
  Detect: MethodDefinition<_pmr_v1_DetectRequest, _pmr_v1_DetectResponse, _pmr_v1_DetectRequest__Output, _pmr_v1_DetectResponse__Output>
}
