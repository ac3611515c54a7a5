// What the recognizer service takes from @pmr/common's service scaffolding and generated gRPC types, in one place.
export * from '@pmr/common/service';
export type { RecognizerServiceHandlers } from '@pmr/common/proto/generated/pmr/v1/RecognizerService.ts';
export type { EmbedRequest__Output } from '@pmr/common/proto/generated/pmr/v1/EmbedRequest.ts';
export type { EmbedResponse } from '@pmr/common/proto/generated/pmr/v1/EmbedResponse.ts';
export type { SearchGalleryRequest__Output } from '@pmr/common/proto/generated/pmr/v1/SearchGalleryRequest.ts';
export type { SearchGalleryResponse } from '@pmr/common/proto/generated/pmr/v1/SearchGalleryResponse.ts';
export type { Image__Output as ImageMessage } from '@pmr/common/proto/generated/pmr/v1/Image.ts';
