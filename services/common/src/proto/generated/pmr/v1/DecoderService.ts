// Original file: pmr/v1/decoder_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DecodeVideoRequest as _pmr_v1_DecodeVideoRequest, DecodeVideoRequest__Output as _pmr_v1_DecodeVideoRequest__Output } from '../../pmr/v1/DecodeVideoRequest.ts';
import type { DecodeVideoResponse as _pmr_v1_DecodeVideoResponse, DecodeVideoResponse__Output as _pmr_v1_DecodeVideoResponse__Output } from '../../pmr/v1/DecodeVideoResponse.ts';
import type { ProbeVideoRequest as _pmr_v1_ProbeVideoRequest, ProbeVideoRequest__Output as _pmr_v1_ProbeVideoRequest__Output } from '../../pmr/v1/ProbeVideoRequest.ts';
import type { ProbeVideoResponse as _pmr_v1_ProbeVideoResponse, ProbeVideoResponse__Output as _pmr_v1_ProbeVideoResponse__Output } from '../../pmr/v1/ProbeVideoResponse.ts';

/**
 * Probes videos and decodes them into the stream of frames chosen for analysis. Sources are confined to the
 * decoder's configured roots and allowed URL schemes: anything else is answered with INVALID_ARGUMENT or
 * PERMISSION_DENIED.
 */
export interface DecoderServiceClient extends grpc.Client {
  /**
   * Decodes a video: first the video's metadata, then every analysed frame in order, then the outcome. Frames are
   * sent inline, so a client must accept messages larger than 4 MiB (a 1080p RGB24 frame is 6.2 MB).
   */
  DecodeVideo(argument: _pmr_v1_DecodeVideoRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_pmr_v1_DecodeVideoResponse__Output>;
  DecodeVideo(argument: _pmr_v1_DecodeVideoRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_pmr_v1_DecodeVideoResponse__Output>;
  /**
   * Decodes a video: first the video's metadata, then every analysed frame in order, then the outcome. Frames are
   * sent inline, so a client must accept messages larger than 4 MiB (a 1080p RGB24 frame is 6.2 MB).
   */
  decodeVideo(argument: _pmr_v1_DecodeVideoRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_pmr_v1_DecodeVideoResponse__Output>;
  decodeVideo(argument: _pmr_v1_DecodeVideoRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_pmr_v1_DecodeVideoResponse__Output>;
  
  /**
   * Reads a video's container metadata without decoding it. INVALID_ARGUMENT for a source that is not a video.
   */
  ProbeVideo(argument: _pmr_v1_ProbeVideoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ProbeVideoResponse__Output>): grpc.ClientUnaryCall;
  ProbeVideo(argument: _pmr_v1_ProbeVideoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_ProbeVideoResponse__Output>): grpc.ClientUnaryCall;
  ProbeVideo(argument: _pmr_v1_ProbeVideoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ProbeVideoResponse__Output>): grpc.ClientUnaryCall;
  ProbeVideo(argument: _pmr_v1_ProbeVideoRequest, callback: grpc.requestCallback<_pmr_v1_ProbeVideoResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads a video's container metadata without decoding it. INVALID_ARGUMENT for a source that is not a video.
   */
  probeVideo(argument: _pmr_v1_ProbeVideoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ProbeVideoResponse__Output>): grpc.ClientUnaryCall;
  probeVideo(argument: _pmr_v1_ProbeVideoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_ProbeVideoResponse__Output>): grpc.ClientUnaryCall;
  probeVideo(argument: _pmr_v1_ProbeVideoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ProbeVideoResponse__Output>): grpc.ClientUnaryCall;
  probeVideo(argument: _pmr_v1_ProbeVideoRequest, callback: grpc.requestCallback<_pmr_v1_ProbeVideoResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Probes videos and decodes them into the stream of frames chosen for analysis. Sources are confined to the
 * decoder's configured roots and allowed URL schemes: anything else is answered with INVALID_ARGUMENT or
 * PERMISSION_DENIED.
 */
export interface DecoderServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Decodes a video: first the video's metadata, then every analysed frame in order, then the outcome. Frames are
   * sent inline, so a client must accept messages larger than 4 MiB (a 1080p RGB24 frame is 6.2 MB).
   */
  DecodeVideo: grpc.handleServerStreamingCall<_pmr_v1_DecodeVideoRequest__Output, _pmr_v1_DecodeVideoResponse>;
  
  /**
   * Reads a video's container metadata without decoding it. INVALID_ARGUMENT for a source that is not a video.
   */
  ProbeVideo: grpc.handleUnaryCall<_pmr_v1_ProbeVideoRequest__Output, _pmr_v1_ProbeVideoResponse>;
  
}

export interface DecoderServiceDefinition extends grpc.ServiceDefinition {
  DecodeVideo: MethodDefinition<_pmr_v1_DecodeVideoRequest, _pmr_v1_DecodeVideoResponse, _pmr_v1_DecodeVideoRequest__Output, _pmr_v1_DecodeVideoResponse__Output>
  ProbeVideo: MethodDefinition<_pmr_v1_ProbeVideoRequest, _pmr_v1_ProbeVideoResponse, _pmr_v1_ProbeVideoRequest__Output, _pmr_v1_ProbeVideoResponse__Output>
}
