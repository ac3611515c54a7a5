// What the attributes service takes from @pmr/common's service scaffolding and generated gRPC types, in one place.
export * from '@pmr/common/service';
export type { AttributesServiceHandlers } from '@pmr/common/proto/generated/pmr/v1/AttributesService.ts';
export type { AnalyzeRequest__Output } from '@pmr/common/proto/generated/pmr/v1/AnalyzeRequest.ts';
export type { AnalyzeResponse } from '@pmr/common/proto/generated/pmr/v1/AnalyzeResponse.ts';
export type { FaceAttributes as FaceAttributesMessage } from '@pmr/common/proto/generated/pmr/v1/FaceAttributes.ts';
export type { Expression__Output as ExpressionMessage } from '@pmr/common/proto/generated/pmr/v1/Expression.ts';
export type { Gender__Output as GenderMessage } from '@pmr/common/proto/generated/pmr/v1/Gender.ts';
export type { Image__Output as ImageMessage } from '@pmr/common/proto/generated/pmr/v1/Image.ts';
