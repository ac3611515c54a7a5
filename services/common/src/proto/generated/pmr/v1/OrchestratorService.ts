// Original file: pmr/v1/orchestrator_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelJobRequest as _pmr_v1_CancelJobRequest, CancelJobRequest__Output as _pmr_v1_CancelJobRequest__Output } from '../../pmr/v1/CancelJobRequest.ts';
import type { CancelJobResponse as _pmr_v1_CancelJobResponse, CancelJobResponse__Output as _pmr_v1_CancelJobResponse__Output } from '../../pmr/v1/CancelJobResponse.ts';
import type { GetJobRequest as _pmr_v1_GetJobRequest, GetJobRequest__Output as _pmr_v1_GetJobRequest__Output } from '../../pmr/v1/GetJobRequest.ts';
import type { GetJobResponse as _pmr_v1_GetJobResponse, GetJobResponse__Output as _pmr_v1_GetJobResponse__Output } from '../../pmr/v1/GetJobResponse.ts';
import type { GetJobResultRequest as _pmr_v1_GetJobResultRequest, GetJobResultRequest__Output as _pmr_v1_GetJobResultRequest__Output } from '../../pmr/v1/GetJobResultRequest.ts';
import type { GetJobResultResponse as _pmr_v1_GetJobResultResponse, GetJobResultResponse__Output as _pmr_v1_GetJobResultResponse__Output } from '../../pmr/v1/GetJobResultResponse.ts';
import type { ListJobsRequest as _pmr_v1_ListJobsRequest, ListJobsRequest__Output as _pmr_v1_ListJobsRequest__Output } from '../../pmr/v1/ListJobsRequest.ts';
import type { ListJobsResponse as _pmr_v1_ListJobsResponse, ListJobsResponse__Output as _pmr_v1_ListJobsResponse__Output } from '../../pmr/v1/ListJobsResponse.ts';
import type { StartVideoJobRequest as _pmr_v1_StartVideoJobRequest, StartVideoJobRequest__Output as _pmr_v1_StartVideoJobRequest__Output } from '../../pmr/v1/StartVideoJobRequest.ts';
import type { StartVideoJobResponse as _pmr_v1_StartVideoJobResponse, StartVideoJobResponse__Output as _pmr_v1_StartVideoJobResponse__Output } from '../../pmr/v1/StartVideoJobResponse.ts';
import type { UploadMediaRequest as _pmr_v1_UploadMediaRequest, UploadMediaRequest__Output as _pmr_v1_UploadMediaRequest__Output } from '../../pmr/v1/UploadMediaRequest.ts';
import type { UploadMediaResponse as _pmr_v1_UploadMediaResponse, UploadMediaResponse__Output as _pmr_v1_UploadMediaResponse__Output } from '../../pmr/v1/UploadMediaResponse.ts';
import type { WatchJobRequest as _pmr_v1_WatchJobRequest, WatchJobRequest__Output as _pmr_v1_WatchJobRequest__Output } from '../../pmr/v1/WatchJobRequest.ts';
import type { WatchJobResponse as _pmr_v1_WatchJobResponse, WatchJobResponse__Output as _pmr_v1_WatchJobResponse__Output } from '../../pmr/v1/WatchJobResponse.ts';

/**
 * The public API for video jobs: start one, watch it, read its results. Requests up to the orchestrator's
 * configured limit (64 MiB by default) are accepted; larger videos and photos go through UploadMedia first.
 */
export interface OrchestratorServiceClient extends grpc.Client {
  /**
   * Stops a queued or running job: its work is withdrawn from every stage and it ends CANCELLED, with no result
   * presented as complete. Cancelling a job that already ended answers it unchanged. NOT_FOUND for an unknown id.
   */
  CancelJob(argument: _pmr_v1_CancelJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CancelJobResponse__Output>): grpc.ClientUnaryCall;
  CancelJob(argument: _pmr_v1_CancelJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_CancelJobResponse__Output>): grpc.ClientUnaryCall;
  CancelJob(argument: _pmr_v1_CancelJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CancelJobResponse__Output>): grpc.ClientUnaryCall;
  CancelJob(argument: _pmr_v1_CancelJobRequest, callback: grpc.requestCallback<_pmr_v1_CancelJobResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Stops a queued or running job: its work is withdrawn from every stage and it ends CANCELLED, with no result
   * presented as complete. Cancelling a job that already ended answers it unchanged. NOT_FOUND for an unknown id.
   */
  cancelJob(argument: _pmr_v1_CancelJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CancelJobResponse__Output>): grpc.ClientUnaryCall;
  cancelJob(argument: _pmr_v1_CancelJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_CancelJobResponse__Output>): grpc.ClientUnaryCall;
  cancelJob(argument: _pmr_v1_CancelJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CancelJobResponse__Output>): grpc.ClientUnaryCall;
  cancelJob(argument: _pmr_v1_CancelJobRequest, callback: grpc.requestCallback<_pmr_v1_CancelJobResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The job as it stands. NOT_FOUND for an unknown job id.
   */
  GetJob(argument: _pmr_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _pmr_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _pmr_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  GetJob(argument: _pmr_v1_GetJobRequest, callback: grpc.requestCallback<_pmr_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The job as it stands. NOT_FOUND for an unknown job id.
   */
  getJob(argument: _pmr_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  getJob(argument: _pmr_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  getJob(argument: _pmr_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  getJob(argument: _pmr_v1_GetJobRequest, callback: grpc.requestCallback<_pmr_v1_GetJobResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A finished job's results, one page of tracks at a time. NOT_FOUND for an unknown job id. While the job is
   * queued or running, or when it failed, the answer carries the job (state, progress, error) and no results, as
   * Rekognition's Get* calls answer IN_PROGRESS.
   */
  GetJobResult(argument: _pmr_v1_GetJobResultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_GetJobResultResponse__Output>): grpc.ClientUnaryCall;
  GetJobResult(argument: _pmr_v1_GetJobResultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_GetJobResultResponse__Output>): grpc.ClientUnaryCall;
  GetJobResult(argument: _pmr_v1_GetJobResultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_GetJobResultResponse__Output>): grpc.ClientUnaryCall;
  GetJobResult(argument: _pmr_v1_GetJobResultRequest, callback: grpc.requestCallback<_pmr_v1_GetJobResultResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A finished job's results, one page of tracks at a time. NOT_FOUND for an unknown job id. While the job is
   * queued or running, or when it failed, the answer carries the job (state, progress, error) and no results, as
   * Rekognition's Get* calls answer IN_PROGRESS.
   */
  getJobResult(argument: _pmr_v1_GetJobResultRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_GetJobResultResponse__Output>): grpc.ClientUnaryCall;
  getJobResult(argument: _pmr_v1_GetJobResultRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_GetJobResultResponse__Output>): grpc.ClientUnaryCall;
  getJobResult(argument: _pmr_v1_GetJobResultRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_GetJobResultResponse__Output>): grpc.ClientUnaryCall;
  getJobResult(argument: _pmr_v1_GetJobResultRequest, callback: grpc.requestCallback<_pmr_v1_GetJobResultResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Jobs by creation time, oldest first, optionally only in some states or with some tags; paginated.
   */
  ListJobs(argument: _pmr_v1_ListJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _pmr_v1_ListJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _pmr_v1_ListJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  ListJobs(argument: _pmr_v1_ListJobsRequest, callback: grpc.requestCallback<_pmr_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Jobs by creation time, oldest first, optionally only in some states or with some tags; paginated.
   */
  listJobs(argument: _pmr_v1_ListJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _pmr_v1_ListJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _pmr_v1_ListJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  listJobs(argument: _pmr_v1_ListJobsRequest, callback: grpc.requestCallback<_pmr_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates a video job, or returns the existing one when client_token was already used with the same
   * request. ALREADY_EXISTS when the token was used with a different request; INVALID_ARGUMENT for a bad
   * source (a URL, a relative path), a missing or too long client_token, bad options or gallery;
   * PERMISSION_DENIED for a source outside the allowed roots and schemes, or an ObjectRef naming a bucket other
   * than the one UploadMedia stores into. Each is answered by the call itself, before any job exists.
   */
  StartVideoJob(argument: _pmr_v1_StartVideoJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_StartVideoJobResponse__Output>): grpc.ClientUnaryCall;
  StartVideoJob(argument: _pmr_v1_StartVideoJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_StartVideoJobResponse__Output>): grpc.ClientUnaryCall;
  StartVideoJob(argument: _pmr_v1_StartVideoJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_StartVideoJobResponse__Output>): grpc.ClientUnaryCall;
  StartVideoJob(argument: _pmr_v1_StartVideoJobRequest, callback: grpc.requestCallback<_pmr_v1_StartVideoJobResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a video job, or returns the existing one when client_token was already used with the same
   * request. ALREADY_EXISTS when the token was used with a different request; INVALID_ARGUMENT for a bad
   * source (a URL, a relative path), a missing or too long client_token, bad options or gallery;
   * PERMISSION_DENIED for a source outside the allowed roots and schemes, or an ObjectRef naming a bucket other
   * than the one UploadMedia stores into. Each is answered by the call itself, before any job exists.
   */
  startVideoJob(argument: _pmr_v1_StartVideoJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_StartVideoJobResponse__Output>): grpc.ClientUnaryCall;
  startVideoJob(argument: _pmr_v1_StartVideoJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_StartVideoJobResponse__Output>): grpc.ClientUnaryCall;
  startVideoJob(argument: _pmr_v1_StartVideoJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_StartVideoJobResponse__Output>): grpc.ClientUnaryCall;
  startVideoJob(argument: _pmr_v1_StartVideoJobRequest, callback: grpc.requestCallback<_pmr_v1_StartVideoJobResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Stores an uploaded file (a video or a gallery photo) in the object store and returns its reference.
   * The client streams the file in chunks of at most 1 MiB. INVALID_ARGUMENT when the bytes received differ
   * from the announced size; RESOURCE_EXHAUSTED above the configured upload limit.
   */
  UploadMedia(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_pmr_v1_UploadMediaRequest>;
  UploadMedia(metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_pmr_v1_UploadMediaRequest>;
  UploadMedia(options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_pmr_v1_UploadMediaRequest>;
  UploadMedia(callback: grpc.requestCallback<_pmr_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_pmr_v1_UploadMediaRequest>;
  /**
   * Stores an uploaded file (a video or a gallery photo) in the object store and returns its reference.
   * The client streams the file in chunks of at most 1 MiB. INVALID_ARGUMENT when the bytes received differ
   * from the announced size; RESOURCE_EXHAUSTED above the configured upload limit.
   */
  uploadMedia(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_pmr_v1_UploadMediaRequest>;
  uploadMedia(metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_pmr_v1_UploadMediaRequest>;
  uploadMedia(options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_pmr_v1_UploadMediaRequest>;
  uploadMedia(callback: grpc.requestCallback<_pmr_v1_UploadMediaResponse__Output>): grpc.ClientWritableStream<_pmr_v1_UploadMediaRequest>;
  
  /**
   * Streams a job's progress and its tracks as they finish, and ends after the message that shows the job in
   * a final state. A watch may start at any time: its first message is the job as it stands, with the tracks
   * finished so far. NOT_FOUND for an unknown job id.
   */
  WatchJob(argument: _pmr_v1_WatchJobRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_pmr_v1_WatchJobResponse__Output>;
  WatchJob(argument: _pmr_v1_WatchJobRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_pmr_v1_WatchJobResponse__Output>;
  /**
   * Streams a job's progress and its tracks as they finish, and ends after the message that shows the job in
   * a final state. A watch may start at any time: its first message is the job as it stands, with the tracks
   * finished so far. NOT_FOUND for an unknown job id.
   */
  watchJob(argument: _pmr_v1_WatchJobRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_pmr_v1_WatchJobResponse__Output>;
  watchJob(argument: _pmr_v1_WatchJobRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_pmr_v1_WatchJobResponse__Output>;
  
}

/**
 * The public API for video jobs: start one, watch it, read its results. Requests up to the orchestrator's
 * configured limit (64 MiB by default) are accepted; larger videos and photos go through UploadMedia first.
 */
export interface OrchestratorServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Stops a queued or running job: its work is withdrawn from every stage and it ends CANCELLED, with no result
   * presented as complete. Cancelling a job that already ended answers it unchanged. NOT_FOUND for an unknown id.
   */
  CancelJob: grpc.handleUnaryCall<_pmr_v1_CancelJobRequest__Output, _pmr_v1_CancelJobResponse>;
  
  /**
   * The job as it stands. NOT_FOUND for an unknown job id.
   */
  GetJob: grpc.handleUnaryCall<_pmr_v1_GetJobRequest__Output, _pmr_v1_GetJobResponse>;
  
  /**
   * A finished job's results, one page of tracks at a time. NOT_FOUND for an unknown job id. While the job is
   * queued or running, or when it failed, the answer carries the job (state, progress, error) and no results, as
   * Rekognition's Get* calls answer IN_PROGRESS.
   */
  GetJobResult: grpc.handleUnaryCall<_pmr_v1_GetJobResultRequest__Output, _pmr_v1_GetJobResultResponse>;
  
  /**
   * Jobs by creation time, oldest first, optionally only in some states or with some tags; paginated.
   */
  ListJobs: grpc.handleUnaryCall<_pmr_v1_ListJobsRequest__Output, _pmr_v1_ListJobsResponse>;
  
  /**
   * Creates a video job, or returns the existing one when client_token was already used with the same
   * request. ALREADY_EXISTS when the token was used with a different request; INVALID_ARGUMENT for a bad
   * source (a URL, a relative path), a missing or too long client_token, bad options or gallery;
   * PERMISSION_DENIED for a source outside the allowed roots and schemes, or an ObjectRef naming a bucket other
   * than the one UploadMedia stores into. Each is answered by the call itself, before any job exists.
   */
  StartVideoJob: grpc.handleUnaryCall<_pmr_v1_StartVideoJobRequest__Output, _pmr_v1_StartVideoJobResponse>;
  
  /**
   * Stores an uploaded file (a video or a gallery photo) in the object store and returns its reference.
   * The client streams the file in chunks of at most 1 MiB. INVALID_ARGUMENT when the bytes received differ
   * from the announced size; RESOURCE_EXHAUSTED above the configured upload limit.
   */
  UploadMedia: grpc.handleClientStreamingCall<_pmr_v1_UploadMediaRequest__Output, _pmr_v1_UploadMediaResponse>;
  
  /**
   * Streams a job's progress and its tracks as they finish, and ends after the message that shows the job in
   * a final state. A watch may start at any time: its first message is the job as it stands, with the tracks
   * finished so far. NOT_FOUND for an unknown job id.
   */
  WatchJob: grpc.handleServerStreamingCall<_pmr_v1_WatchJobRequest__Output, _pmr_v1_WatchJobResponse>;
  
}

export interface OrchestratorServiceDefinition extends grpc.ServiceDefinition {
  CancelJob: MethodDefinition<_pmr_v1_CancelJobRequest, _pmr_v1_CancelJobResponse, _pmr_v1_CancelJobRequest__Output, _pmr_v1_CancelJobResponse__Output>
  GetJob: MethodDefinition<_pmr_v1_GetJobRequest, _pmr_v1_GetJobResponse, _pmr_v1_GetJobRequest__Output, _pmr_v1_GetJobResponse__Output>
  GetJobResult: MethodDefinition<_pmr_v1_GetJobResultRequest, _pmr_v1_GetJobResultResponse, _pmr_v1_GetJobResultRequest__Output, _pmr_v1_GetJobResultResponse__Output>
  ListJobs: MethodDefinition<_pmr_v1_ListJobsRequest, _pmr_v1_ListJobsResponse, _pmr_v1_ListJobsRequest__Output, _pmr_v1_ListJobsResponse__Output>
  StartVideoJob: MethodDefinition<_pmr_v1_StartVideoJobRequest, _pmr_v1_StartVideoJobResponse, _pmr_v1_StartVideoJobRequest__Output, _pmr_v1_StartVideoJobResponse__Output>
  UploadMedia: MethodDefinition<_pmr_v1_UploadMediaRequest, _pmr_v1_UploadMediaResponse, _pmr_v1_UploadMediaRequest__Output, _pmr_v1_UploadMediaResponse__Output>
  WatchJob: MethodDefinition<_pmr_v1_WatchJobRequest, _pmr_v1_WatchJobResponse, _pmr_v1_WatchJobRequest__Output, _pmr_v1_WatchJobResponse__Output>
}
