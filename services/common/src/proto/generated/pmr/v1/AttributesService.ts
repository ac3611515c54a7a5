// Original file: pmr/v1/attributes_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AnalyzeRequest as _pmr_v1_AnalyzeRequest, AnalyzeRequest__Output as _pmr_v1_AnalyzeRequest__Output } from '../../pmr/v1/AnalyzeRequest.ts';
import type { AnalyzeResponse as _pmr_v1_AnalyzeResponse, AnalyzeResponse__Output as _pmr_v1_AnalyzeResponse__Output } from '../../pmr/v1/AnalyzeResponse.ts';

/**
 * Estimates expression (and age and gender, when a model for them is configured) from aligned face chips.
 */
export interface AttributesServiceClient extends grpc.Client {
  /**
   * One FaceAttributes per chip, in order. INVALID_ARGUMENT for an empty list, more than 256 chips, or a chip
   * that is not a 112x112 image.
   */
  Analyze(argument: _pmr_v1_AnalyzeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_AnalyzeResponse__Output>): grpc.ClientUnaryCall;
  Analyze(argument: _pmr_v1_AnalyzeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_AnalyzeResponse__Output>): grpc.ClientUnaryCall;
  Analyze(argument: _pmr_v1_AnalyzeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_AnalyzeResponse__Output>): grpc.ClientUnaryCall;
  Analyze(argument: _pmr_v1_AnalyzeRequest, callback: grpc.requestCallback<_pmr_v1_AnalyzeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * One FaceAttributes per chip, in order. INVALID_ARGUMENT for an empty list, more than 256 chips, or a chip
   * that is not a 112x112 image.
   */
  analyze(argument: _pmr_v1_AnalyzeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_AnalyzeResponse__Output>): grpc.ClientUnaryCall;
  analyze(argument: _pmr_v1_AnalyzeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_AnalyzeResponse__Output>): grpc.ClientUnaryCall;
  analyze(argument: _pmr_v1_AnalyzeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_AnalyzeResponse__Output>): grpc.ClientUnaryCall;
  analyze(argument: _pmr_v1_AnalyzeRequest, callback: grpc.requestCallback<_pmr_v1_AnalyzeResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Estimates expression (and age and gender, when a model for them is configured) from aligned face chips.
 */
export interface AttributesServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * One FaceAttributes per chip, in order. INVALID_ARGUMENT for an empty list, more than 256 chips, or a chip
   * that is not a 112x112 image.
   */
  Analyze: grpc.handleUnaryCall<_pmr_v1_AnalyzeRequest__Output, _pmr_v1_AnalyzeResponse>;
  
}

export interface AttributesServiceDefinition extends grpc.ServiceDefinition {
  Analyze: MethodDefinition<_pmr_v1_AnalyzeRequest, _pmr_v1_AnalyzeResponse, _pmr_v1_AnalyzeRequest__Output, _pmr_v1_AnalyzeResponse__Output>
}
