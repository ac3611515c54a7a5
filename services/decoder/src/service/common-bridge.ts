// What the decoder service takes from @pmr/common's service scaffolding and generated gRPC types, in one place.
export * from '@pmr/common/service';
export type { DecoderServiceHandlers } from '@pmr/common/proto/generated/pmr/v1/DecoderService.ts';
export type { ProbeVideoRequest__Output } from '@pmr/common/proto/generated/pmr/v1/ProbeVideoRequest.ts';
export type { ProbeVideoResponse } from '@pmr/common/proto/generated/pmr/v1/ProbeVideoResponse.ts';
export type { DecodeVideoRequest__Output } from '@pmr/common/proto/generated/pmr/v1/DecodeVideoRequest.ts';
export type {
  DecodeVideoResponse,
  DecodeVideoResponse__Output,
} from '@pmr/common/proto/generated/pmr/v1/DecodeVideoResponse.ts';
export type { VideoInfo as VideoInfoMessage } from '@pmr/common/proto/generated/pmr/v1/VideoInfo.ts';
export type { Frame as FrameMessage } from '@pmr/common/proto/generated/pmr/v1/Frame.ts';
export type { DecodeOutcome as DecodeOutcomeMessage } from '@pmr/common/proto/generated/pmr/v1/DecodeOutcome.ts';
