// What the detector service takes from @pmr/common's service scaffolding and generated gRPC types, in one place.
export * from '@pmr/common/service';
export type { DetectorServiceHandlers } from '@pmr/common/proto/generated/pmr/v1/DetectorService.ts';
export type { DetectRequest__Output } from '@pmr/common/proto/generated/pmr/v1/DetectRequest.ts';
export type { DetectResponse } from '@pmr/common/proto/generated/pmr/v1/DetectResponse.ts';
export type { DetectedFace as DetectedFaceMessage } from '@pmr/common/proto/generated/pmr/v1/DetectedFace.ts';
