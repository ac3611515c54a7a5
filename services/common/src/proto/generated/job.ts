import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp.ts';
import type { DecodeOutcome as _pmr_v1_DecodeOutcome, DecodeOutcome__Output as _pmr_v1_DecodeOutcome__Output } from './pmr/v1/DecodeOutcome.ts';
import type { DecodeVideoRequest as _pmr_v1_DecodeVideoRequest, DecodeVideoRequest__Output as _pmr_v1_DecodeVideoRequest__Output } from './pmr/v1/DecodeVideoRequest.ts';
import type { DecodeVideoResponse as _pmr_v1_DecodeVideoResponse, DecodeVideoResponse__Output as _pmr_v1_DecodeVideoResponse__Output } from './pmr/v1/DecodeVideoResponse.ts';
import type { DecoderServiceClient as _pmr_v1_DecoderServiceClient, DecoderServiceDefinition as _pmr_v1_DecoderServiceDefinition } from './pmr/v1/DecoderService.ts';
import type { Frame as _pmr_v1_Frame, Frame__Output as _pmr_v1_Frame__Output } from './pmr/v1/Frame.ts';
import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from './pmr/v1/Image.ts';
import type { ImageSize as _pmr_v1_ImageSize, ImageSize__Output as _pmr_v1_ImageSize__Output } from './pmr/v1/ImageSize.ts';
import type { ImageSource as _pmr_v1_ImageSource, ImageSource__Output as _pmr_v1_ImageSource__Output } from './pmr/v1/ImageSource.ts';
import type { Job as _pmr_v1_Job, Job__Output as _pmr_v1_Job__Output } from './pmr/v1/Job.ts';
import type { JobError as _pmr_v1_JobError, JobError__Output as _pmr_v1_JobError__Output } from './pmr/v1/JobError.ts';
import type { JobProgress as _pmr_v1_JobProgress, JobProgress__Output as _pmr_v1_JobProgress__Output } from './pmr/v1/JobProgress.ts';
import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from './pmr/v1/ObjectRef.ts';
import type { ProbeVideoRequest as _pmr_v1_ProbeVideoRequest, ProbeVideoRequest__Output as _pmr_v1_ProbeVideoRequest__Output } from './pmr/v1/ProbeVideoRequest.ts';
import type { ProbeVideoResponse as _pmr_v1_ProbeVideoResponse, ProbeVideoResponse__Output as _pmr_v1_ProbeVideoResponse__Output } from './pmr/v1/ProbeVideoResponse.ts';
import type { VideoInfo as _pmr_v1_VideoInfo, VideoInfo__Output as _pmr_v1_VideoInfo__Output } from './pmr/v1/VideoInfo.ts';
import type { VideoJobOptions as _pmr_v1_VideoJobOptions, VideoJobOptions__Output as _pmr_v1_VideoJobOptions__Output } from './pmr/v1/VideoJobOptions.ts';
import type { VideoSource as _pmr_v1_VideoSource, VideoSource__Output as _pmr_v1_VideoSource__Output } from './pmr/v1/VideoSource.ts';

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
      DecodeOutcome: MessageTypeDefinition<_pmr_v1_DecodeOutcome, _pmr_v1_DecodeOutcome__Output>
      DecodeVideoRequest: MessageTypeDefinition<_pmr_v1_DecodeVideoRequest, _pmr_v1_DecodeVideoRequest__Output>
      DecodeVideoResponse: MessageTypeDefinition<_pmr_v1_DecodeVideoResponse, _pmr_v1_DecodeVideoResponse__Output>
      /**
       * Probes videos and decodes them into the stream of frames chosen for analysis. Sources are confined to the
       * decoder's configured roots and allowed URL schemes: anything else is answered with INVALID_ARGUMENT or
       * PERMISSION_DENIED.
       */
      DecoderService: SubtypeConstructor<typeof grpc.Client, _pmr_v1_DecoderServiceClient> & { service: _pmr_v1_DecoderServiceDefinition }
      Frame: MessageTypeDefinition<_pmr_v1_Frame, _pmr_v1_Frame__Output>
      Image: MessageTypeDefinition<_pmr_v1_Image, _pmr_v1_Image__Output>
      ImageEncoding: EnumTypeDefinition
      ImageSize: MessageTypeDefinition<_pmr_v1_ImageSize, _pmr_v1_ImageSize__Output>
      ImageSource: MessageTypeDefinition<_pmr_v1_ImageSource, _pmr_v1_ImageSource__Output>
      Job: MessageTypeDefinition<_pmr_v1_Job, _pmr_v1_Job__Output>
      JobError: MessageTypeDefinition<_pmr_v1_JobError, _pmr_v1_JobError__Output>
      JobProgress: MessageTypeDefinition<_pmr_v1_JobProgress, _pmr_v1_JobProgress__Output>
      JobState: EnumTypeDefinition
      ObjectRef: MessageTypeDefinition<_pmr_v1_ObjectRef, _pmr_v1_ObjectRef__Output>
      ProbeVideoRequest: MessageTypeDefinition<_pmr_v1_ProbeVideoRequest, _pmr_v1_ProbeVideoRequest__Output>
      ProbeVideoResponse: MessageTypeDefinition<_pmr_v1_ProbeVideoResponse, _pmr_v1_ProbeVideoResponse__Output>
      SkipMethod: EnumTypeDefinition
      VideoInfo: MessageTypeDefinition<_pmr_v1_VideoInfo, _pmr_v1_VideoInfo__Output>
      VideoJobOptions: MessageTypeDefinition<_pmr_v1_VideoJobOptions, _pmr_v1_VideoJobOptions__Output>
      VideoSource: MessageTypeDefinition<_pmr_v1_VideoSource, _pmr_v1_VideoSource__Output>
    }
  }
}

