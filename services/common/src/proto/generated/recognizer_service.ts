import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { EmbedRequest as _pmr_v1_EmbedRequest, EmbedRequest__Output as _pmr_v1_EmbedRequest__Output } from './pmr/v1/EmbedRequest.ts';
import type { EmbedResponse as _pmr_v1_EmbedResponse, EmbedResponse__Output as _pmr_v1_EmbedResponse__Output } from './pmr/v1/EmbedResponse.ts';
import type { Embedding as _pmr_v1_Embedding, Embedding__Output as _pmr_v1_Embedding__Output } from './pmr/v1/Embedding.ts';
import type { GalleryMatch as _pmr_v1_GalleryMatch, GalleryMatch__Output as _pmr_v1_GalleryMatch__Output } from './pmr/v1/GalleryMatch.ts';
import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from './pmr/v1/Image.ts';
import type { ImageSize as _pmr_v1_ImageSize, ImageSize__Output as _pmr_v1_ImageSize__Output } from './pmr/v1/ImageSize.ts';
import type { ImageSource as _pmr_v1_ImageSource, ImageSource__Output as _pmr_v1_ImageSource__Output } from './pmr/v1/ImageSource.ts';
import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from './pmr/v1/ObjectRef.ts';
import type { QueryMatches as _pmr_v1_QueryMatches, QueryMatches__Output as _pmr_v1_QueryMatches__Output } from './pmr/v1/QueryMatches.ts';
import type { RecognizerServiceClient as _pmr_v1_RecognizerServiceClient, RecognizerServiceDefinition as _pmr_v1_RecognizerServiceDefinition } from './pmr/v1/RecognizerService.ts';
import type { SearchGalleryRequest as _pmr_v1_SearchGalleryRequest, SearchGalleryRequest__Output as _pmr_v1_SearchGalleryRequest__Output } from './pmr/v1/SearchGalleryRequest.ts';
import type { SearchGalleryResponse as _pmr_v1_SearchGalleryResponse, SearchGalleryResponse__Output as _pmr_v1_SearchGalleryResponse__Output } from './pmr/v1/SearchGalleryResponse.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pmr: {
    v1: {
      EmbedRequest: MessageTypeDefinition<_pmr_v1_EmbedRequest, _pmr_v1_EmbedRequest__Output>
      EmbedResponse: MessageTypeDefinition<_pmr_v1_EmbedResponse, _pmr_v1_EmbedResponse__Output>
      Embedding: MessageTypeDefinition<_pmr_v1_Embedding, _pmr_v1_Embedding__Output>
      GalleryMatch: MessageTypeDefinition<_pmr_v1_GalleryMatch, _pmr_v1_GalleryMatch__Output>
      Image: MessageTypeDefinition<_pmr_v1_Image, _pmr_v1_Image__Output>
      ImageEncoding: EnumTypeDefinition
      ImageSize: MessageTypeDefinition<_pmr_v1_ImageSize, _pmr_v1_ImageSize__Output>
      ImageSource: MessageTypeDefinition<_pmr_v1_ImageSource, _pmr_v1_ImageSource__Output>
      ObjectRef: MessageTypeDefinition<_pmr_v1_ObjectRef, _pmr_v1_ObjectRef__Output>
      QueryMatches: MessageTypeDefinition<_pmr_v1_QueryMatches, _pmr_v1_QueryMatches__Output>
      /**
       * Turns aligned face chips into embeddings and searches galleries of enrolled persons. Stateless apart from
       * the galleries it loads from the store.
       */
      RecognizerService: SubtypeConstructor<typeof grpc.Client, _pmr_v1_RecognizerServiceClient> & { service: _pmr_v1_RecognizerServiceDefinition }
      SearchGalleryRequest: MessageTypeDefinition<_pmr_v1_SearchGalleryRequest, _pmr_v1_SearchGalleryRequest__Output>
      SearchGalleryResponse: MessageTypeDefinition<_pmr_v1_SearchGalleryResponse, _pmr_v1_SearchGalleryResponse__Output>
    }
  }
}

