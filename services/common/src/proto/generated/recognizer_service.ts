import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { CollectionHit as _pmr_v1_CollectionHit, CollectionHit__Output as _pmr_v1_CollectionHit__Output } from './pmr/v1/CollectionHit.ts';
import type { CollectionHits as _pmr_v1_CollectionHits, CollectionHits__Output as _pmr_v1_CollectionHits__Output } from './pmr/v1/CollectionHits.ts';
import type { DescribeModelRequest as _pmr_v1_DescribeModelRequest, DescribeModelRequest__Output as _pmr_v1_DescribeModelRequest__Output } from './pmr/v1/DescribeModelRequest.ts';
import type { DescribeModelResponse as _pmr_v1_DescribeModelResponse, DescribeModelResponse__Output as _pmr_v1_DescribeModelResponse__Output } from './pmr/v1/DescribeModelResponse.ts';
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
import type { SearchCollectionRequest as _pmr_v1_SearchCollectionRequest, SearchCollectionRequest__Output as _pmr_v1_SearchCollectionRequest__Output } from './pmr/v1/SearchCollectionRequest.ts';
import type { SearchCollectionResponse as _pmr_v1_SearchCollectionResponse, SearchCollectionResponse__Output as _pmr_v1_SearchCollectionResponse__Output } from './pmr/v1/SearchCollectionResponse.ts';
import type { SearchGalleryRequest as _pmr_v1_SearchGalleryRequest, SearchGalleryRequest__Output as _pmr_v1_SearchGalleryRequest__Output } from './pmr/v1/SearchGalleryRequest.ts';
import type { SearchGalleryResponse as _pmr_v1_SearchGalleryResponse, SearchGalleryResponse__Output as _pmr_v1_SearchGalleryResponse__Output } from './pmr/v1/SearchGalleryResponse.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pmr: {
    v1: {
      CollectionHit: MessageTypeDefinition<_pmr_v1_CollectionHit, _pmr_v1_CollectionHit__Output>
      CollectionHits: MessageTypeDefinition<_pmr_v1_CollectionHits, _pmr_v1_CollectionHits__Output>
      DescribeModelRequest: MessageTypeDefinition<_pmr_v1_DescribeModelRequest, _pmr_v1_DescribeModelRequest__Output>
      DescribeModelResponse: MessageTypeDefinition<_pmr_v1_DescribeModelResponse, _pmr_v1_DescribeModelResponse__Output>
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
      SearchCollectionRequest: MessageTypeDefinition<_pmr_v1_SearchCollectionRequest, _pmr_v1_SearchCollectionRequest__Output>
      SearchCollectionResponse: MessageTypeDefinition<_pmr_v1_SearchCollectionResponse, _pmr_v1_SearchCollectionResponse__Output>
      SearchGalleryRequest: MessageTypeDefinition<_pmr_v1_SearchGalleryRequest, _pmr_v1_SearchGalleryRequest__Output>
      SearchGalleryResponse: MessageTypeDefinition<_pmr_v1_SearchGalleryResponse, _pmr_v1_SearchGalleryResponse__Output>
      SearchTarget: EnumTypeDefinition
    }
  }
}

