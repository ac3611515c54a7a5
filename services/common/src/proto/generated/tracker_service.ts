import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AgeEstimate as _pmr_v1_AgeEstimate, AgeEstimate__Output as _pmr_v1_AgeEstimate__Output } from './pmr/v1/AgeEstimate.ts';
import type { Box as _pmr_v1_Box, Box__Output as _pmr_v1_Box__Output } from './pmr/v1/Box.ts';
import type { DetectedFace as _pmr_v1_DetectedFace, DetectedFace__Output as _pmr_v1_DetectedFace__Output } from './pmr/v1/DetectedFace.ts';
import type { ExpressionEstimate as _pmr_v1_ExpressionEstimate, ExpressionEstimate__Output as _pmr_v1_ExpressionEstimate__Output } from './pmr/v1/ExpressionEstimate.ts';
import type { ExpressionScore as _pmr_v1_ExpressionScore, ExpressionScore__Output as _pmr_v1_ExpressionScore__Output } from './pmr/v1/ExpressionScore.ts';
import type { FaceAttributes as _pmr_v1_FaceAttributes, FaceAttributes__Output as _pmr_v1_FaceAttributes__Output } from './pmr/v1/FaceAttributes.ts';
import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from './pmr/v1/FaceDetail.ts';
import type { FaceQuality as _pmr_v1_FaceQuality, FaceQuality__Output as _pmr_v1_FaceQuality__Output } from './pmr/v1/FaceQuality.ts';
import type { FinishedTrack as _pmr_v1_FinishedTrack, FinishedTrack__Output as _pmr_v1_FinishedTrack__Output } from './pmr/v1/FinishedTrack.ts';
import type { GenderEstimate as _pmr_v1_GenderEstimate, GenderEstimate__Output as _pmr_v1_GenderEstimate__Output } from './pmr/v1/GenderEstimate.ts';
import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from './pmr/v1/Image.ts';
import type { ImageSize as _pmr_v1_ImageSize, ImageSize__Output as _pmr_v1_ImageSize__Output } from './pmr/v1/ImageSize.ts';
import type { ImageSource as _pmr_v1_ImageSource, ImageSource__Output as _pmr_v1_ImageSource__Output } from './pmr/v1/ImageSource.ts';
import type { Landmarks as _pmr_v1_Landmarks, Landmarks__Output as _pmr_v1_Landmarks__Output } from './pmr/v1/Landmarks.ts';
import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from './pmr/v1/ObjectRef.ts';
import type { Point as _pmr_v1_Point, Point__Output as _pmr_v1_Point__Output } from './pmr/v1/Point.ts';
import type { Pose as _pmr_v1_Pose, Pose__Output as _pmr_v1_Pose__Output } from './pmr/v1/Pose.ts';
import type { TrackFace as _pmr_v1_TrackFace, TrackFace__Output as _pmr_v1_TrackFace__Output } from './pmr/v1/TrackFace.ts';
import type { TrackRequest as _pmr_v1_TrackRequest, TrackRequest__Output as _pmr_v1_TrackRequest__Output } from './pmr/v1/TrackRequest.ts';
import type { TrackResponse as _pmr_v1_TrackResponse, TrackResponse__Output as _pmr_v1_TrackResponse__Output } from './pmr/v1/TrackResponse.ts';
import type { TrackerServiceClient as _pmr_v1_TrackerServiceClient, TrackerServiceDefinition as _pmr_v1_TrackerServiceDefinition } from './pmr/v1/TrackerService.ts';
import type { TrackerSettings as _pmr_v1_TrackerSettings, TrackerSettings__Output as _pmr_v1_TrackerSettings__Output } from './pmr/v1/TrackerSettings.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pmr: {
    v1: {
      AgeEstimate: MessageTypeDefinition<_pmr_v1_AgeEstimate, _pmr_v1_AgeEstimate__Output>
      Box: MessageTypeDefinition<_pmr_v1_Box, _pmr_v1_Box__Output>
      DetectedFace: MessageTypeDefinition<_pmr_v1_DetectedFace, _pmr_v1_DetectedFace__Output>
      Expression: EnumTypeDefinition
      ExpressionEstimate: MessageTypeDefinition<_pmr_v1_ExpressionEstimate, _pmr_v1_ExpressionEstimate__Output>
      ExpressionScore: MessageTypeDefinition<_pmr_v1_ExpressionScore, _pmr_v1_ExpressionScore__Output>
      FaceAttributes: MessageTypeDefinition<_pmr_v1_FaceAttributes, _pmr_v1_FaceAttributes__Output>
      FaceDetail: MessageTypeDefinition<_pmr_v1_FaceDetail, _pmr_v1_FaceDetail__Output>
      FaceQuality: MessageTypeDefinition<_pmr_v1_FaceQuality, _pmr_v1_FaceQuality__Output>
      FinishedTrack: MessageTypeDefinition<_pmr_v1_FinishedTrack, _pmr_v1_FinishedTrack__Output>
      Gender: EnumTypeDefinition
      GenderEstimate: MessageTypeDefinition<_pmr_v1_GenderEstimate, _pmr_v1_GenderEstimate__Output>
      Image: MessageTypeDefinition<_pmr_v1_Image, _pmr_v1_Image__Output>
      ImageEncoding: EnumTypeDefinition
      ImageSize: MessageTypeDefinition<_pmr_v1_ImageSize, _pmr_v1_ImageSize__Output>
      ImageSource: MessageTypeDefinition<_pmr_v1_ImageSource, _pmr_v1_ImageSource__Output>
      Landmarks: MessageTypeDefinition<_pmr_v1_Landmarks, _pmr_v1_Landmarks__Output>
      ObjectRef: MessageTypeDefinition<_pmr_v1_ObjectRef, _pmr_v1_ObjectRef__Output>
      Point: MessageTypeDefinition<_pmr_v1_Point, _pmr_v1_Point__Output>
      Pose: MessageTypeDefinition<_pmr_v1_Pose, _pmr_v1_Pose__Output>
      TrackFace: MessageTypeDefinition<_pmr_v1_TrackFace, _pmr_v1_TrackFace__Output>
      TrackRequest: MessageTypeDefinition<_pmr_v1_TrackRequest, _pmr_v1_TrackRequest__Output>
      TrackResponse: MessageTypeDefinition<_pmr_v1_TrackResponse, _pmr_v1_TrackResponse__Output>
      /**
       * Links the faces of one video's frames into tracks. Stateful per job: one Track stream holds one job's
       * tracker from its first message to its end.
       */
      TrackerService: SubtypeConstructor<typeof grpc.Client, _pmr_v1_TrackerServiceClient> & { service: _pmr_v1_TrackerServiceDefinition }
      TrackerSettings: MessageTypeDefinition<_pmr_v1_TrackerSettings, _pmr_v1_TrackerSettings__Output>
    }
  }
}

