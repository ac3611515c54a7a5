// Original file: pmr/v1/tracker_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { TrackRequest as _pmr_v1_TrackRequest, TrackRequest__Output as _pmr_v1_TrackRequest__Output } from '../../pmr/v1/TrackRequest.ts';
import type { TrackResponse as _pmr_v1_TrackResponse, TrackResponse__Output as _pmr_v1_TrackResponse__Output } from '../../pmr/v1/TrackResponse.ts';

/**
 * Links the faces of one video's frames into tracks. Stateful per job: one Track stream holds one job's
 * tracker from its first message to its end.
 */
export interface TrackerServiceClient extends grpc.Client {
  /**
   * Detections of one job in, frame by frame in presentation order; for each request one response with the
   * faces assigned to confirmed tracks and the tracks that ended. When the client half-closes, one last
   * response finishes every track still alive and has end set. INVALID_ARGUMENT (and the stream ends) for a
   * frame earlier than the previous one, a job_id that changes within the stream, or bad settings.
   */
  Track(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_pmr_v1_TrackRequest, _pmr_v1_TrackResponse__Output>;
  Track(options?: grpc.CallOptions): grpc.ClientDuplexStream<_pmr_v1_TrackRequest, _pmr_v1_TrackResponse__Output>;
  /**
   * Detections of one job in, frame by frame in presentation order; for each request one response with the
   * faces assigned to confirmed tracks and the tracks that ended. When the client half-closes, one last
   * response finishes every track still alive and has end set. INVALID_ARGUMENT (and the stream ends) for a
   * frame earlier than the previous one, a job_id that changes within the stream, or bad settings.
   */
  track(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_pmr_v1_TrackRequest, _pmr_v1_TrackResponse__Output>;
  track(options?: grpc.CallOptions): grpc.ClientDuplexStream<_pmr_v1_TrackRequest, _pmr_v1_TrackResponse__Output>;
  
}

/**
 * Links the faces of one video's frames into tracks. Stateful per job: one Track stream holds one job's
 * tracker from its first message to its end.
 */
export interface TrackerServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Detections of one job in, frame by frame in presentation order; for each request one response with the
   * faces assigned to confirmed tracks and the tracks that ended. When the client half-closes, one last
   * response finishes every track still alive and has end set. INVALID_ARGUMENT (and the stream ends) for a
   * frame earlier than the previous one, a job_id that changes within the stream, or bad settings.
   */
  Track: grpc.handleBidiStreamingCall<_pmr_v1_TrackRequest__Output, _pmr_v1_TrackResponse>;
  
}

export interface TrackerServiceDefinition extends grpc.ServiceDefinition {
  Track: MethodDefinition<_pmr_v1_TrackRequest, _pmr_v1_TrackResponse, _pmr_v1_TrackRequest__Output, _pmr_v1_TrackResponse__Output>
}
