// What the tracker service takes from @pmr/common's service scaffolding and generated gRPC types, in one place.
export * from '@pmr/common/service';
export type { TrackerServiceHandlers } from '@pmr/common/proto/generated/pmr/v1/TrackerService.ts';
export type { TrackRequest, TrackRequest__Output } from '@pmr/common/proto/generated/pmr/v1/TrackRequest.ts';
export type { TrackResponse, TrackResponse__Output } from '@pmr/common/proto/generated/pmr/v1/TrackResponse.ts';
export type { TrackerSettings__Output } from '@pmr/common/proto/generated/pmr/v1/TrackerSettings.ts';
export type { TrackFace as TrackFaceMessage } from '@pmr/common/proto/generated/pmr/v1/TrackFace.ts';
export type { FinishedTrack as FinishedTrackMessage } from '@pmr/common/proto/generated/pmr/v1/FinishedTrack.ts';
export type { DetectedFace__Output as DetectedFaceMessage } from '@pmr/common/proto/generated/pmr/v1/DetectedFace.ts';
