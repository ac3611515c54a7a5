import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp.ts';
import type { AgeEstimate as _pmr_v1_AgeEstimate, AgeEstimate__Output as _pmr_v1_AgeEstimate__Output } from './pmr/v1/AgeEstimate.ts';
import type { AnalysisStats as _pmr_v1_AnalysisStats, AnalysisStats__Output as _pmr_v1_AnalysisStats__Output } from './pmr/v1/AnalysisStats.ts';
import type { Box as _pmr_v1_Box, Box__Output as _pmr_v1_Box__Output } from './pmr/v1/Box.ts';
import type { CancelJobRequest as _pmr_v1_CancelJobRequest, CancelJobRequest__Output as _pmr_v1_CancelJobRequest__Output } from './pmr/v1/CancelJobRequest.ts';
import type { CancelJobResponse as _pmr_v1_CancelJobResponse, CancelJobResponse__Output as _pmr_v1_CancelJobResponse__Output } from './pmr/v1/CancelJobResponse.ts';
import type { DecodeOutcome as _pmr_v1_DecodeOutcome, DecodeOutcome__Output as _pmr_v1_DecodeOutcome__Output } from './pmr/v1/DecodeOutcome.ts';
import type { DecodeVideoRequest as _pmr_v1_DecodeVideoRequest, DecodeVideoRequest__Output as _pmr_v1_DecodeVideoRequest__Output } from './pmr/v1/DecodeVideoRequest.ts';
import type { DecodeVideoResponse as _pmr_v1_DecodeVideoResponse, DecodeVideoResponse__Output as _pmr_v1_DecodeVideoResponse__Output } from './pmr/v1/DecodeVideoResponse.ts';
import type { DecoderServiceClient as _pmr_v1_DecoderServiceClient, DecoderServiceDefinition as _pmr_v1_DecoderServiceDefinition } from './pmr/v1/DecoderService.ts';
import type { DetectedFace as _pmr_v1_DetectedFace, DetectedFace__Output as _pmr_v1_DetectedFace__Output } from './pmr/v1/DetectedFace.ts';
import type { ExpressionEstimate as _pmr_v1_ExpressionEstimate, ExpressionEstimate__Output as _pmr_v1_ExpressionEstimate__Output } from './pmr/v1/ExpressionEstimate.ts';
import type { ExpressionScore as _pmr_v1_ExpressionScore, ExpressionScore__Output as _pmr_v1_ExpressionScore__Output } from './pmr/v1/ExpressionScore.ts';
import type { ExpressionVote as _pmr_v1_ExpressionVote, ExpressionVote__Output as _pmr_v1_ExpressionVote__Output } from './pmr/v1/ExpressionVote.ts';
import type { FaceAttributes as _pmr_v1_FaceAttributes, FaceAttributes__Output as _pmr_v1_FaceAttributes__Output } from './pmr/v1/FaceAttributes.ts';
import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from './pmr/v1/FaceDetail.ts';
import type { FaceQuality as _pmr_v1_FaceQuality, FaceQuality__Output as _pmr_v1_FaceQuality__Output } from './pmr/v1/FaceQuality.ts';
import type { Frame as _pmr_v1_Frame, Frame__Output as _pmr_v1_Frame__Output } from './pmr/v1/Frame.ts';
import type { GalleryPhoto as _pmr_v1_GalleryPhoto, GalleryPhoto__Output as _pmr_v1_GalleryPhoto__Output } from './pmr/v1/GalleryPhoto.ts';
import type { GallerySummary as _pmr_v1_GallerySummary, GallerySummary__Output as _pmr_v1_GallerySummary__Output } from './pmr/v1/GallerySummary.ts';
import type { GenderEstimate as _pmr_v1_GenderEstimate, GenderEstimate__Output as _pmr_v1_GenderEstimate__Output } from './pmr/v1/GenderEstimate.ts';
import type { GetJobRequest as _pmr_v1_GetJobRequest, GetJobRequest__Output as _pmr_v1_GetJobRequest__Output } from './pmr/v1/GetJobRequest.ts';
import type { GetJobResponse as _pmr_v1_GetJobResponse, GetJobResponse__Output as _pmr_v1_GetJobResponse__Output } from './pmr/v1/GetJobResponse.ts';
import type { GetJobResultRequest as _pmr_v1_GetJobResultRequest, GetJobResultRequest__Output as _pmr_v1_GetJobResultRequest__Output } from './pmr/v1/GetJobResultRequest.ts';
import type { GetJobResultResponse as _pmr_v1_GetJobResultResponse, GetJobResultResponse__Output as _pmr_v1_GetJobResultResponse__Output } from './pmr/v1/GetJobResultResponse.ts';
import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from './pmr/v1/Image.ts';
import type { ImageSize as _pmr_v1_ImageSize, ImageSize__Output as _pmr_v1_ImageSize__Output } from './pmr/v1/ImageSize.ts';
import type { ImageSource as _pmr_v1_ImageSource, ImageSource__Output as _pmr_v1_ImageSource__Output } from './pmr/v1/ImageSource.ts';
import type { Job as _pmr_v1_Job, Job__Output as _pmr_v1_Job__Output } from './pmr/v1/Job.ts';
import type { JobError as _pmr_v1_JobError, JobError__Output as _pmr_v1_JobError__Output } from './pmr/v1/JobError.ts';
import type { JobProgress as _pmr_v1_JobProgress, JobProgress__Output as _pmr_v1_JobProgress__Output } from './pmr/v1/JobProgress.ts';
import type { Landmarks as _pmr_v1_Landmarks, Landmarks__Output as _pmr_v1_Landmarks__Output } from './pmr/v1/Landmarks.ts';
import type { ListJobsRequest as _pmr_v1_ListJobsRequest, ListJobsRequest__Output as _pmr_v1_ListJobsRequest__Output } from './pmr/v1/ListJobsRequest.ts';
import type { ListJobsResponse as _pmr_v1_ListJobsResponse, ListJobsResponse__Output as _pmr_v1_ListJobsResponse__Output } from './pmr/v1/ListJobsResponse.ts';
import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from './pmr/v1/ObjectRef.ts';
import type { OrchestratorServiceClient as _pmr_v1_OrchestratorServiceClient, OrchestratorServiceDefinition as _pmr_v1_OrchestratorServiceDefinition } from './pmr/v1/OrchestratorService.ts';
import type { PersonResult as _pmr_v1_PersonResult, PersonResult__Output as _pmr_v1_PersonResult__Output } from './pmr/v1/PersonResult.ts';
import type { Point as _pmr_v1_Point, Point__Output as _pmr_v1_Point__Output } from './pmr/v1/Point.ts';
import type { Pose as _pmr_v1_Pose, Pose__Output as _pmr_v1_Pose__Output } from './pmr/v1/Pose.ts';
import type { ProbeVideoRequest as _pmr_v1_ProbeVideoRequest, ProbeVideoRequest__Output as _pmr_v1_ProbeVideoRequest__Output } from './pmr/v1/ProbeVideoRequest.ts';
import type { ProbeVideoResponse as _pmr_v1_ProbeVideoResponse, ProbeVideoResponse__Output as _pmr_v1_ProbeVideoResponse__Output } from './pmr/v1/ProbeVideoResponse.ts';
import type { RejectedPhoto as _pmr_v1_RejectedPhoto, RejectedPhoto__Output as _pmr_v1_RejectedPhoto__Output } from './pmr/v1/RejectedPhoto.ts';
import type { StageTime as _pmr_v1_StageTime, StageTime__Output as _pmr_v1_StageTime__Output } from './pmr/v1/StageTime.ts';
import type { StartVideoJobRequest as _pmr_v1_StartVideoJobRequest, StartVideoJobRequest__Output as _pmr_v1_StartVideoJobRequest__Output } from './pmr/v1/StartVideoJobRequest.ts';
import type { StartVideoJobResponse as _pmr_v1_StartVideoJobResponse, StartVideoJobResponse__Output as _pmr_v1_StartVideoJobResponse__Output } from './pmr/v1/StartVideoJobResponse.ts';
import type { TimelinePoint as _pmr_v1_TimelinePoint, TimelinePoint__Output as _pmr_v1_TimelinePoint__Output } from './pmr/v1/TimelinePoint.ts';
import type { TrackAttributes as _pmr_v1_TrackAttributes, TrackAttributes__Output as _pmr_v1_TrackAttributes__Output } from './pmr/v1/TrackAttributes.ts';
import type { TrackFrames as _pmr_v1_TrackFrames, TrackFrames__Output as _pmr_v1_TrackFrames__Output } from './pmr/v1/TrackFrames.ts';
import type { TrackIdentity as _pmr_v1_TrackIdentity, TrackIdentity__Output as _pmr_v1_TrackIdentity__Output } from './pmr/v1/TrackIdentity.ts';
import type { TrackResult as _pmr_v1_TrackResult, TrackResult__Output as _pmr_v1_TrackResult__Output } from './pmr/v1/TrackResult.ts';
import type { UploadMediaRequest as _pmr_v1_UploadMediaRequest, UploadMediaRequest__Output as _pmr_v1_UploadMediaRequest__Output } from './pmr/v1/UploadMediaRequest.ts';
import type { UploadMediaResponse as _pmr_v1_UploadMediaResponse, UploadMediaResponse__Output as _pmr_v1_UploadMediaResponse__Output } from './pmr/v1/UploadMediaResponse.ts';
import type { VideoInfo as _pmr_v1_VideoInfo, VideoInfo__Output as _pmr_v1_VideoInfo__Output } from './pmr/v1/VideoInfo.ts';
import type { VideoJobOptions as _pmr_v1_VideoJobOptions, VideoJobOptions__Output as _pmr_v1_VideoJobOptions__Output } from './pmr/v1/VideoJobOptions.ts';
import type { VideoSource as _pmr_v1_VideoSource, VideoSource__Output as _pmr_v1_VideoSource__Output } from './pmr/v1/VideoSource.ts';
import type { VideoSummary as _pmr_v1_VideoSummary, VideoSummary__Output as _pmr_v1_VideoSummary__Output } from './pmr/v1/VideoSummary.ts';
import type { WatchJobRequest as _pmr_v1_WatchJobRequest, WatchJobRequest__Output as _pmr_v1_WatchJobRequest__Output } from './pmr/v1/WatchJobRequest.ts';
import type { WatchJobResponse as _pmr_v1_WatchJobResponse, WatchJobResponse__Output as _pmr_v1_WatchJobResponse__Output } from './pmr/v1/WatchJobResponse.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  google: {
    protobuf: {
      Timestamp: MessageTypeDefinition<_google_protobuf_Timestamp, _google_protobuf_Timestamp__Output>
    }
  }
  pmr: {
    v1: {
      AgeEstimate: MessageTypeDefinition<_pmr_v1_AgeEstimate, _pmr_v1_AgeEstimate__Output>
      AnalysisStats: MessageTypeDefinition<_pmr_v1_AnalysisStats, _pmr_v1_AnalysisStats__Output>
      Box: MessageTypeDefinition<_pmr_v1_Box, _pmr_v1_Box__Output>
      CancelJobRequest: MessageTypeDefinition<_pmr_v1_CancelJobRequest, _pmr_v1_CancelJobRequest__Output>
      CancelJobResponse: MessageTypeDefinition<_pmr_v1_CancelJobResponse, _pmr_v1_CancelJobResponse__Output>
      DecodeOutcome: MessageTypeDefinition<_pmr_v1_DecodeOutcome, _pmr_v1_DecodeOutcome__Output>
      DecodeVideoRequest: MessageTypeDefinition<_pmr_v1_DecodeVideoRequest, _pmr_v1_DecodeVideoRequest__Output>
      DecodeVideoResponse: MessageTypeDefinition<_pmr_v1_DecodeVideoResponse, _pmr_v1_DecodeVideoResponse__Output>
      /**
       * Probes videos and decodes them into the stream of frames chosen for analysis. Sources are confined to the
       * decoder's configured roots and allowed URL schemes: anything else is answered with INVALID_ARGUMENT or
       * PERMISSION_DENIED.
       */
      DecoderService: SubtypeConstructor<typeof grpc.Client, _pmr_v1_DecoderServiceClient> & { service: _pmr_v1_DecoderServiceDefinition }
      DetectedFace: MessageTypeDefinition<_pmr_v1_DetectedFace, _pmr_v1_DetectedFace__Output>
      Expression: EnumTypeDefinition
      ExpressionEstimate: MessageTypeDefinition<_pmr_v1_ExpressionEstimate, _pmr_v1_ExpressionEstimate__Output>
      ExpressionScore: MessageTypeDefinition<_pmr_v1_ExpressionScore, _pmr_v1_ExpressionScore__Output>
      ExpressionVote: MessageTypeDefinition<_pmr_v1_ExpressionVote, _pmr_v1_ExpressionVote__Output>
      FaceAttributes: MessageTypeDefinition<_pmr_v1_FaceAttributes, _pmr_v1_FaceAttributes__Output>
      FaceDetail: MessageTypeDefinition<_pmr_v1_FaceDetail, _pmr_v1_FaceDetail__Output>
      FaceQuality: MessageTypeDefinition<_pmr_v1_FaceQuality, _pmr_v1_FaceQuality__Output>
      Frame: MessageTypeDefinition<_pmr_v1_Frame, _pmr_v1_Frame__Output>
      GalleryPhoto: MessageTypeDefinition<_pmr_v1_GalleryPhoto, _pmr_v1_GalleryPhoto__Output>
      GallerySummary: MessageTypeDefinition<_pmr_v1_GallerySummary, _pmr_v1_GallerySummary__Output>
      Gender: EnumTypeDefinition
      GenderEstimate: MessageTypeDefinition<_pmr_v1_GenderEstimate, _pmr_v1_GenderEstimate__Output>
      GetJobRequest: MessageTypeDefinition<_pmr_v1_GetJobRequest, _pmr_v1_GetJobRequest__Output>
      GetJobResponse: MessageTypeDefinition<_pmr_v1_GetJobResponse, _pmr_v1_GetJobResponse__Output>
      GetJobResultRequest: MessageTypeDefinition<_pmr_v1_GetJobResultRequest, _pmr_v1_GetJobResultRequest__Output>
      GetJobResultResponse: MessageTypeDefinition<_pmr_v1_GetJobResultResponse, _pmr_v1_GetJobResultResponse__Output>
      Image: MessageTypeDefinition<_pmr_v1_Image, _pmr_v1_Image__Output>
      ImageEncoding: EnumTypeDefinition
      ImageSize: MessageTypeDefinition<_pmr_v1_ImageSize, _pmr_v1_ImageSize__Output>
      ImageSource: MessageTypeDefinition<_pmr_v1_ImageSource, _pmr_v1_ImageSource__Output>
      Job: MessageTypeDefinition<_pmr_v1_Job, _pmr_v1_Job__Output>
      JobError: MessageTypeDefinition<_pmr_v1_JobError, _pmr_v1_JobError__Output>
      JobProgress: MessageTypeDefinition<_pmr_v1_JobProgress, _pmr_v1_JobProgress__Output>
      JobState: EnumTypeDefinition
      Landmarks: MessageTypeDefinition<_pmr_v1_Landmarks, _pmr_v1_Landmarks__Output>
      ListJobsRequest: MessageTypeDefinition<_pmr_v1_ListJobsRequest, _pmr_v1_ListJobsRequest__Output>
      ListJobsResponse: MessageTypeDefinition<_pmr_v1_ListJobsResponse, _pmr_v1_ListJobsResponse__Output>
      ObjectRef: MessageTypeDefinition<_pmr_v1_ObjectRef, _pmr_v1_ObjectRef__Output>
      /**
       * The public API for video jobs: start one, watch it, read its results. Requests up to the orchestrator's
       * configured limit (64 MiB by default) are accepted; larger videos and photos go through UploadMedia first.
       */
      OrchestratorService: SubtypeConstructor<typeof grpc.Client, _pmr_v1_OrchestratorServiceClient> & { service: _pmr_v1_OrchestratorServiceDefinition }
      PersonResult: MessageTypeDefinition<_pmr_v1_PersonResult, _pmr_v1_PersonResult__Output>
      Point: MessageTypeDefinition<_pmr_v1_Point, _pmr_v1_Point__Output>
      Pose: MessageTypeDefinition<_pmr_v1_Pose, _pmr_v1_Pose__Output>
      ProbeVideoRequest: MessageTypeDefinition<_pmr_v1_ProbeVideoRequest, _pmr_v1_ProbeVideoRequest__Output>
      ProbeVideoResponse: MessageTypeDefinition<_pmr_v1_ProbeVideoResponse, _pmr_v1_ProbeVideoResponse__Output>
      RejectedPhoto: MessageTypeDefinition<_pmr_v1_RejectedPhoto, _pmr_v1_RejectedPhoto__Output>
      SkipMethod: EnumTypeDefinition
      StageTime: MessageTypeDefinition<_pmr_v1_StageTime, _pmr_v1_StageTime__Output>
      StartVideoJobRequest: MessageTypeDefinition<_pmr_v1_StartVideoJobRequest, _pmr_v1_StartVideoJobRequest__Output>
      StartVideoJobResponse: MessageTypeDefinition<_pmr_v1_StartVideoJobResponse, _pmr_v1_StartVideoJobResponse__Output>
      TimelinePoint: MessageTypeDefinition<_pmr_v1_TimelinePoint, _pmr_v1_TimelinePoint__Output>
      TrackAttributes: MessageTypeDefinition<_pmr_v1_TrackAttributes, _pmr_v1_TrackAttributes__Output>
      TrackFrames: MessageTypeDefinition<_pmr_v1_TrackFrames, _pmr_v1_TrackFrames__Output>
      TrackIdentity: MessageTypeDefinition<_pmr_v1_TrackIdentity, _pmr_v1_TrackIdentity__Output>
      TrackOrder: EnumTypeDefinition
      TrackResult: MessageTypeDefinition<_pmr_v1_TrackResult, _pmr_v1_TrackResult__Output>
      UploadMediaRequest: MessageTypeDefinition<_pmr_v1_UploadMediaRequest, _pmr_v1_UploadMediaRequest__Output>
      UploadMediaResponse: MessageTypeDefinition<_pmr_v1_UploadMediaResponse, _pmr_v1_UploadMediaResponse__Output>
      VideoInfo: MessageTypeDefinition<_pmr_v1_VideoInfo, _pmr_v1_VideoInfo__Output>
      VideoJobOptions: MessageTypeDefinition<_pmr_v1_VideoJobOptions, _pmr_v1_VideoJobOptions__Output>
      VideoSource: MessageTypeDefinition<_pmr_v1_VideoSource, _pmr_v1_VideoSource__Output>
      VideoSummary: MessageTypeDefinition<_pmr_v1_VideoSummary, _pmr_v1_VideoSummary__Output>
      WatchJobRequest: MessageTypeDefinition<_pmr_v1_WatchJobRequest, _pmr_v1_WatchJobRequest__Output>
      WatchJobResponse: MessageTypeDefinition<_pmr_v1_WatchJobResponse, _pmr_v1_WatchJobResponse__Output>
    }
  }
}

