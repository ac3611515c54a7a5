import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp.ts';
import type { AgeEstimate as _pmr_v1_AgeEstimate, AgeEstimate__Output as _pmr_v1_AgeEstimate__Output } from './pmr/v1/AgeEstimate.ts';
import type { AnalysisStats as _pmr_v1_AnalysisStats, AnalysisStats__Output as _pmr_v1_AnalysisStats__Output } from './pmr/v1/AnalysisStats.ts';
import type { Box as _pmr_v1_Box, Box__Output as _pmr_v1_Box__Output } from './pmr/v1/Box.ts';
import type { CollectionEvent as _pmr_v1_CollectionEvent, CollectionEvent__Output as _pmr_v1_CollectionEvent__Output } from './pmr/v1/CollectionEvent.ts';
import type { CollectionHit as _pmr_v1_CollectionHit, CollectionHit__Output as _pmr_v1_CollectionHit__Output } from './pmr/v1/CollectionHit.ts';
import type { CollectionHits as _pmr_v1_CollectionHits, CollectionHits__Output as _pmr_v1_CollectionHits__Output } from './pmr/v1/CollectionHits.ts';
import type { DecodeEnded as _pmr_v1_DecodeEnded, DecodeEnded__Output as _pmr_v1_DecodeEnded__Output } from './pmr/v1/DecodeEnded.ts';
import type { DecodeJob as _pmr_v1_DecodeJob, DecodeJob__Output as _pmr_v1_DecodeJob__Output } from './pmr/v1/DecodeJob.ts';
import type { DecodeOutcome as _pmr_v1_DecodeOutcome, DecodeOutcome__Output as _pmr_v1_DecodeOutcome__Output } from './pmr/v1/DecodeOutcome.ts';
import type { DecodeVideoRequest as _pmr_v1_DecodeVideoRequest, DecodeVideoRequest__Output as _pmr_v1_DecodeVideoRequest__Output } from './pmr/v1/DecodeVideoRequest.ts';
import type { DecodeVideoResponse as _pmr_v1_DecodeVideoResponse, DecodeVideoResponse__Output as _pmr_v1_DecodeVideoResponse__Output } from './pmr/v1/DecodeVideoResponse.ts';
import type { DecoderServiceClient as _pmr_v1_DecoderServiceClient, DecoderServiceDefinition as _pmr_v1_DecoderServiceDefinition } from './pmr/v1/DecoderService.ts';
import type { DescribeModelRequest as _pmr_v1_DescribeModelRequest, DescribeModelRequest__Output as _pmr_v1_DescribeModelRequest__Output } from './pmr/v1/DescribeModelRequest.ts';
import type { DescribeModelResponse as _pmr_v1_DescribeModelResponse, DescribeModelResponse__Output as _pmr_v1_DescribeModelResponse__Output } from './pmr/v1/DescribeModelResponse.ts';
import type { DetectedFace as _pmr_v1_DetectedFace, DetectedFace__Output as _pmr_v1_DetectedFace__Output } from './pmr/v1/DetectedFace.ts';
import type { EmbedRequest as _pmr_v1_EmbedRequest, EmbedRequest__Output as _pmr_v1_EmbedRequest__Output } from './pmr/v1/EmbedRequest.ts';
import type { EmbedResponse as _pmr_v1_EmbedResponse, EmbedResponse__Output as _pmr_v1_EmbedResponse__Output } from './pmr/v1/EmbedResponse.ts';
import type { Embedding as _pmr_v1_Embedding, Embedding__Output as _pmr_v1_Embedding__Output } from './pmr/v1/Embedding.ts';
import type { ExpressionEstimate as _pmr_v1_ExpressionEstimate, ExpressionEstimate__Output as _pmr_v1_ExpressionEstimate__Output } from './pmr/v1/ExpressionEstimate.ts';
import type { ExpressionScore as _pmr_v1_ExpressionScore, ExpressionScore__Output as _pmr_v1_ExpressionScore__Output } from './pmr/v1/ExpressionScore.ts';
import type { ExpressionVote as _pmr_v1_ExpressionVote, ExpressionVote__Output as _pmr_v1_ExpressionVote__Output } from './pmr/v1/ExpressionVote.ts';
import type { FaceAttributes as _pmr_v1_FaceAttributes, FaceAttributes__Output as _pmr_v1_FaceAttributes__Output } from './pmr/v1/FaceAttributes.ts';
import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from './pmr/v1/FaceDetail.ts';
import type { FaceEmbedding as _pmr_v1_FaceEmbedding, FaceEmbedding__Output as _pmr_v1_FaceEmbedding__Output } from './pmr/v1/FaceEmbedding.ts';
import type { FaceQuality as _pmr_v1_FaceQuality, FaceQuality__Output as _pmr_v1_FaceQuality__Output } from './pmr/v1/FaceQuality.ts';
import type { Frame as _pmr_v1_Frame, Frame__Output as _pmr_v1_Frame__Output } from './pmr/v1/Frame.ts';
import type { FrameFaces as _pmr_v1_FrameFaces, FrameFaces__Output as _pmr_v1_FrameFaces__Output } from './pmr/v1/FrameFaces.ts';
import type { GalleryMatch as _pmr_v1_GalleryMatch, GalleryMatch__Output as _pmr_v1_GalleryMatch__Output } from './pmr/v1/GalleryMatch.ts';
import type { GallerySummary as _pmr_v1_GallerySummary, GallerySummary__Output as _pmr_v1_GallerySummary__Output } from './pmr/v1/GallerySummary.ts';
import type { GenderEstimate as _pmr_v1_GenderEstimate, GenderEstimate__Output as _pmr_v1_GenderEstimate__Output } from './pmr/v1/GenderEstimate.ts';
import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from './pmr/v1/Image.ts';
import type { ImageSize as _pmr_v1_ImageSize, ImageSize__Output as _pmr_v1_ImageSize__Output } from './pmr/v1/ImageSize.ts';
import type { ImageSource as _pmr_v1_ImageSource, ImageSource__Output as _pmr_v1_ImageSource__Output } from './pmr/v1/ImageSource.ts';
import type { Job as _pmr_v1_Job, Job__Output as _pmr_v1_Job__Output } from './pmr/v1/Job.ts';
import type { JobChanged as _pmr_v1_JobChanged, JobChanged__Output as _pmr_v1_JobChanged__Output } from './pmr/v1/JobChanged.ts';
import type { JobError as _pmr_v1_JobError, JobError__Output as _pmr_v1_JobError__Output } from './pmr/v1/JobError.ts';
import type { JobProgress as _pmr_v1_JobProgress, JobProgress__Output as _pmr_v1_JobProgress__Output } from './pmr/v1/JobProgress.ts';
import type { Landmarks as _pmr_v1_Landmarks, Landmarks__Output as _pmr_v1_Landmarks__Output } from './pmr/v1/Landmarks.ts';
import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from './pmr/v1/ObjectRef.ts';
import type { PersonResult as _pmr_v1_PersonResult, PersonResult__Output as _pmr_v1_PersonResult__Output } from './pmr/v1/PersonResult.ts';
import type { PipelineResult as _pmr_v1_PipelineResult, PipelineResult__Output as _pmr_v1_PipelineResult__Output } from './pmr/v1/PipelineResult.ts';
import type { Point as _pmr_v1_Point, Point__Output as _pmr_v1_Point__Output } from './pmr/v1/Point.ts';
import type { Pose as _pmr_v1_Pose, Pose__Output as _pmr_v1_Pose__Output } from './pmr/v1/Pose.ts';
import type { ProbeVideoRequest as _pmr_v1_ProbeVideoRequest, ProbeVideoRequest__Output as _pmr_v1_ProbeVideoRequest__Output } from './pmr/v1/ProbeVideoRequest.ts';
import type { ProbeVideoResponse as _pmr_v1_ProbeVideoResponse, ProbeVideoResponse__Output as _pmr_v1_ProbeVideoResponse__Output } from './pmr/v1/ProbeVideoResponse.ts';
import type { QueryMatches as _pmr_v1_QueryMatches, QueryMatches__Output as _pmr_v1_QueryMatches__Output } from './pmr/v1/QueryMatches.ts';
import type { RecognizerServiceClient as _pmr_v1_RecognizerServiceClient, RecognizerServiceDefinition as _pmr_v1_RecognizerServiceDefinition } from './pmr/v1/RecognizerService.ts';
import type { RejectedPhoto as _pmr_v1_RejectedPhoto, RejectedPhoto__Output as _pmr_v1_RejectedPhoto__Output } from './pmr/v1/RejectedPhoto.ts';
import type { SearchCollectionRequest as _pmr_v1_SearchCollectionRequest, SearchCollectionRequest__Output as _pmr_v1_SearchCollectionRequest__Output } from './pmr/v1/SearchCollectionRequest.ts';
import type { SearchCollectionResponse as _pmr_v1_SearchCollectionResponse, SearchCollectionResponse__Output as _pmr_v1_SearchCollectionResponse__Output } from './pmr/v1/SearchCollectionResponse.ts';
import type { SearchGalleryRequest as _pmr_v1_SearchGalleryRequest, SearchGalleryRequest__Output as _pmr_v1_SearchGalleryRequest__Output } from './pmr/v1/SearchGalleryRequest.ts';
import type { SearchGalleryResponse as _pmr_v1_SearchGalleryResponse, SearchGalleryResponse__Output as _pmr_v1_SearchGalleryResponse__Output } from './pmr/v1/SearchGalleryResponse.ts';
import type { StageTime as _pmr_v1_StageTime, StageTime__Output as _pmr_v1_StageTime__Output } from './pmr/v1/StageTime.ts';
import type { TimelinePoint as _pmr_v1_TimelinePoint, TimelinePoint__Output as _pmr_v1_TimelinePoint__Output } from './pmr/v1/TimelinePoint.ts';
import type { TrackAttributes as _pmr_v1_TrackAttributes, TrackAttributes__Output as _pmr_v1_TrackAttributes__Output } from './pmr/v1/TrackAttributes.ts';
import type { TrackEmbeddings as _pmr_v1_TrackEmbeddings, TrackEmbeddings__Output as _pmr_v1_TrackEmbeddings__Output } from './pmr/v1/TrackEmbeddings.ts';
import type { TrackFaceAttributes as _pmr_v1_TrackFaceAttributes, TrackFaceAttributes__Output as _pmr_v1_TrackFaceAttributes__Output } from './pmr/v1/TrackFaceAttributes.ts';
import type { TrackFrames as _pmr_v1_TrackFrames, TrackFrames__Output as _pmr_v1_TrackFrames__Output } from './pmr/v1/TrackFrames.ts';
import type { TrackIdentity as _pmr_v1_TrackIdentity, TrackIdentity__Output as _pmr_v1_TrackIdentity__Output } from './pmr/v1/TrackIdentity.ts';
import type { TrackResult as _pmr_v1_TrackResult, TrackResult__Output as _pmr_v1_TrackResult__Output } from './pmr/v1/TrackResult.ts';
import type { TrackSummary as _pmr_v1_TrackSummary, TrackSummary__Output as _pmr_v1_TrackSummary__Output } from './pmr/v1/TrackSummary.ts';
import type { TrackingDone as _pmr_v1_TrackingDone, TrackingDone__Output as _pmr_v1_TrackingDone__Output } from './pmr/v1/TrackingDone.ts';
import type { VideoInfo as _pmr_v1_VideoInfo, VideoInfo__Output as _pmr_v1_VideoInfo__Output } from './pmr/v1/VideoInfo.ts';
import type { VideoJobOptions as _pmr_v1_VideoJobOptions, VideoJobOptions__Output as _pmr_v1_VideoJobOptions__Output } from './pmr/v1/VideoJobOptions.ts';
import type { VideoSource as _pmr_v1_VideoSource, VideoSource__Output as _pmr_v1_VideoSource__Output } from './pmr/v1/VideoSource.ts';
import type { VideoSummary as _pmr_v1_VideoSummary, VideoSummary__Output as _pmr_v1_VideoSummary__Output } from './pmr/v1/VideoSummary.ts';
import type { WeightedAttributes as _pmr_v1_WeightedAttributes, WeightedAttributes__Output as _pmr_v1_WeightedAttributes__Output } from './pmr/v1/WeightedAttributes.ts';

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
      CollectionEvent: MessageTypeDefinition<_pmr_v1_CollectionEvent, _pmr_v1_CollectionEvent__Output>
      CollectionHit: MessageTypeDefinition<_pmr_v1_CollectionHit, _pmr_v1_CollectionHit__Output>
      CollectionHits: MessageTypeDefinition<_pmr_v1_CollectionHits, _pmr_v1_CollectionHits__Output>
      DecodeEnded: MessageTypeDefinition<_pmr_v1_DecodeEnded, _pmr_v1_DecodeEnded__Output>
      DecodeJob: MessageTypeDefinition<_pmr_v1_DecodeJob, _pmr_v1_DecodeJob__Output>
      DecodeOutcome: MessageTypeDefinition<_pmr_v1_DecodeOutcome, _pmr_v1_DecodeOutcome__Output>
      DecodeVideoRequest: MessageTypeDefinition<_pmr_v1_DecodeVideoRequest, _pmr_v1_DecodeVideoRequest__Output>
      DecodeVideoResponse: MessageTypeDefinition<_pmr_v1_DecodeVideoResponse, _pmr_v1_DecodeVideoResponse__Output>
      /**
       * Probes videos and decodes them into the stream of frames chosen for analysis. Sources are confined to the
       * decoder's configured roots and allowed URL schemes: anything else is answered with INVALID_ARGUMENT or
       * PERMISSION_DENIED.
       */
      DecoderService: SubtypeConstructor<typeof grpc.Client, _pmr_v1_DecoderServiceClient> & { service: _pmr_v1_DecoderServiceDefinition }
      DescribeModelRequest: MessageTypeDefinition<_pmr_v1_DescribeModelRequest, _pmr_v1_DescribeModelRequest__Output>
      DescribeModelResponse: MessageTypeDefinition<_pmr_v1_DescribeModelResponse, _pmr_v1_DescribeModelResponse__Output>
      DetectedFace: MessageTypeDefinition<_pmr_v1_DetectedFace, _pmr_v1_DetectedFace__Output>
      EmbedRequest: MessageTypeDefinition<_pmr_v1_EmbedRequest, _pmr_v1_EmbedRequest__Output>
      EmbedResponse: MessageTypeDefinition<_pmr_v1_EmbedResponse, _pmr_v1_EmbedResponse__Output>
      Embedding: MessageTypeDefinition<_pmr_v1_Embedding, _pmr_v1_Embedding__Output>
      Expression: EnumTypeDefinition
      ExpressionEstimate: MessageTypeDefinition<_pmr_v1_ExpressionEstimate, _pmr_v1_ExpressionEstimate__Output>
      ExpressionScore: MessageTypeDefinition<_pmr_v1_ExpressionScore, _pmr_v1_ExpressionScore__Output>
      ExpressionVote: MessageTypeDefinition<_pmr_v1_ExpressionVote, _pmr_v1_ExpressionVote__Output>
      FaceAttributes: MessageTypeDefinition<_pmr_v1_FaceAttributes, _pmr_v1_FaceAttributes__Output>
      FaceDetail: MessageTypeDefinition<_pmr_v1_FaceDetail, _pmr_v1_FaceDetail__Output>
      FaceEmbedding: MessageTypeDefinition<_pmr_v1_FaceEmbedding, _pmr_v1_FaceEmbedding__Output>
      FaceQuality: MessageTypeDefinition<_pmr_v1_FaceQuality, _pmr_v1_FaceQuality__Output>
      Frame: MessageTypeDefinition<_pmr_v1_Frame, _pmr_v1_Frame__Output>
      FrameFaces: MessageTypeDefinition<_pmr_v1_FrameFaces, _pmr_v1_FrameFaces__Output>
      GalleryMatch: MessageTypeDefinition<_pmr_v1_GalleryMatch, _pmr_v1_GalleryMatch__Output>
      GallerySummary: MessageTypeDefinition<_pmr_v1_GallerySummary, _pmr_v1_GallerySummary__Output>
      Gender: EnumTypeDefinition
      GenderEstimate: MessageTypeDefinition<_pmr_v1_GenderEstimate, _pmr_v1_GenderEstimate__Output>
      Image: MessageTypeDefinition<_pmr_v1_Image, _pmr_v1_Image__Output>
      ImageEncoding: EnumTypeDefinition
      ImageSize: MessageTypeDefinition<_pmr_v1_ImageSize, _pmr_v1_ImageSize__Output>
      ImageSource: MessageTypeDefinition<_pmr_v1_ImageSource, _pmr_v1_ImageSource__Output>
      Job: MessageTypeDefinition<_pmr_v1_Job, _pmr_v1_Job__Output>
      JobChanged: MessageTypeDefinition<_pmr_v1_JobChanged, _pmr_v1_JobChanged__Output>
      JobError: MessageTypeDefinition<_pmr_v1_JobError, _pmr_v1_JobError__Output>
      JobProgress: MessageTypeDefinition<_pmr_v1_JobProgress, _pmr_v1_JobProgress__Output>
      JobState: EnumTypeDefinition
      Landmarks: MessageTypeDefinition<_pmr_v1_Landmarks, _pmr_v1_Landmarks__Output>
      ObjectRef: MessageTypeDefinition<_pmr_v1_ObjectRef, _pmr_v1_ObjectRef__Output>
      PersonResult: MessageTypeDefinition<_pmr_v1_PersonResult, _pmr_v1_PersonResult__Output>
      PipelineResult: MessageTypeDefinition<_pmr_v1_PipelineResult, _pmr_v1_PipelineResult__Output>
      Point: MessageTypeDefinition<_pmr_v1_Point, _pmr_v1_Point__Output>
      Pose: MessageTypeDefinition<_pmr_v1_Pose, _pmr_v1_Pose__Output>
      ProbeVideoRequest: MessageTypeDefinition<_pmr_v1_ProbeVideoRequest, _pmr_v1_ProbeVideoRequest__Output>
      ProbeVideoResponse: MessageTypeDefinition<_pmr_v1_ProbeVideoResponse, _pmr_v1_ProbeVideoResponse__Output>
      QueryMatches: MessageTypeDefinition<_pmr_v1_QueryMatches, _pmr_v1_QueryMatches__Output>
      /**
       * Turns aligned face chips into embeddings and searches galleries of enrolled persons. Stateless apart from
       * the galleries it loads from the store.
       */
      RecognizerService: SubtypeConstructor<typeof grpc.Client, _pmr_v1_RecognizerServiceClient> & { service: _pmr_v1_RecognizerServiceDefinition }
      RejectedPhoto: MessageTypeDefinition<_pmr_v1_RejectedPhoto, _pmr_v1_RejectedPhoto__Output>
      SearchCollectionRequest: MessageTypeDefinition<_pmr_v1_SearchCollectionRequest, _pmr_v1_SearchCollectionRequest__Output>
      SearchCollectionResponse: MessageTypeDefinition<_pmr_v1_SearchCollectionResponse, _pmr_v1_SearchCollectionResponse__Output>
      SearchGalleryRequest: MessageTypeDefinition<_pmr_v1_SearchGalleryRequest, _pmr_v1_SearchGalleryRequest__Output>
      SearchGalleryResponse: MessageTypeDefinition<_pmr_v1_SearchGalleryResponse, _pmr_v1_SearchGalleryResponse__Output>
      SearchTarget: EnumTypeDefinition
      SkipMethod: EnumTypeDefinition
      StageTime: MessageTypeDefinition<_pmr_v1_StageTime, _pmr_v1_StageTime__Output>
      TimelinePoint: MessageTypeDefinition<_pmr_v1_TimelinePoint, _pmr_v1_TimelinePoint__Output>
      TrackAttributes: MessageTypeDefinition<_pmr_v1_TrackAttributes, _pmr_v1_TrackAttributes__Output>
      TrackEmbeddings: MessageTypeDefinition<_pmr_v1_TrackEmbeddings, _pmr_v1_TrackEmbeddings__Output>
      TrackFaceAttributes: MessageTypeDefinition<_pmr_v1_TrackFaceAttributes, _pmr_v1_TrackFaceAttributes__Output>
      TrackFrames: MessageTypeDefinition<_pmr_v1_TrackFrames, _pmr_v1_TrackFrames__Output>
      TrackIdentity: MessageTypeDefinition<_pmr_v1_TrackIdentity, _pmr_v1_TrackIdentity__Output>
      TrackResult: MessageTypeDefinition<_pmr_v1_TrackResult, _pmr_v1_TrackResult__Output>
      TrackSummary: MessageTypeDefinition<_pmr_v1_TrackSummary, _pmr_v1_TrackSummary__Output>
      TrackingDone: MessageTypeDefinition<_pmr_v1_TrackingDone, _pmr_v1_TrackingDone__Output>
      VideoInfo: MessageTypeDefinition<_pmr_v1_VideoInfo, _pmr_v1_VideoInfo__Output>
      VideoJobOptions: MessageTypeDefinition<_pmr_v1_VideoJobOptions, _pmr_v1_VideoJobOptions__Output>
      VideoSource: MessageTypeDefinition<_pmr_v1_VideoSource, _pmr_v1_VideoSource__Output>
      VideoSummary: MessageTypeDefinition<_pmr_v1_VideoSummary, _pmr_v1_VideoSummary__Output>
      WeightedAttributes: MessageTypeDefinition<_pmr_v1_WeightedAttributes, _pmr_v1_WeightedAttributes__Output>
    }
  }
}

