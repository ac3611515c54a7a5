import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from './google/protobuf/Timestamp.ts';
import type { AgeEstimate as _pmr_v1_AgeEstimate, AgeEstimate__Output as _pmr_v1_AgeEstimate__Output } from './pmr/v1/AgeEstimate.ts';
import type { AssociateFacesRequest as _pmr_v1_AssociateFacesRequest, AssociateFacesRequest__Output as _pmr_v1_AssociateFacesRequest__Output } from './pmr/v1/AssociateFacesRequest.ts';
import type { AssociateFacesResponse as _pmr_v1_AssociateFacesResponse, AssociateFacesResponse__Output as _pmr_v1_AssociateFacesResponse__Output } from './pmr/v1/AssociateFacesResponse.ts';
import type { Box as _pmr_v1_Box, Box__Output as _pmr_v1_Box__Output } from './pmr/v1/Box.ts';
import type { Collection as _pmr_v1_Collection, Collection__Output as _pmr_v1_Collection__Output } from './pmr/v1/Collection.ts';
import type { CollectionServiceClient as _pmr_v1_CollectionServiceClient, CollectionServiceDefinition as _pmr_v1_CollectionServiceDefinition } from './pmr/v1/CollectionService.ts';
import type { CreateCollectionRequest as _pmr_v1_CreateCollectionRequest, CreateCollectionRequest__Output as _pmr_v1_CreateCollectionRequest__Output } from './pmr/v1/CreateCollectionRequest.ts';
import type { CreateCollectionResponse as _pmr_v1_CreateCollectionResponse, CreateCollectionResponse__Output as _pmr_v1_CreateCollectionResponse__Output } from './pmr/v1/CreateCollectionResponse.ts';
import type { CreatePersonRequest as _pmr_v1_CreatePersonRequest, CreatePersonRequest__Output as _pmr_v1_CreatePersonRequest__Output } from './pmr/v1/CreatePersonRequest.ts';
import type { CreatePersonResponse as _pmr_v1_CreatePersonResponse, CreatePersonResponse__Output as _pmr_v1_CreatePersonResponse__Output } from './pmr/v1/CreatePersonResponse.ts';
import type { DeleteCollectionRequest as _pmr_v1_DeleteCollectionRequest, DeleteCollectionRequest__Output as _pmr_v1_DeleteCollectionRequest__Output } from './pmr/v1/DeleteCollectionRequest.ts';
import type { DeleteCollectionResponse as _pmr_v1_DeleteCollectionResponse, DeleteCollectionResponse__Output as _pmr_v1_DeleteCollectionResponse__Output } from './pmr/v1/DeleteCollectionResponse.ts';
import type { DeleteFacesRequest as _pmr_v1_DeleteFacesRequest, DeleteFacesRequest__Output as _pmr_v1_DeleteFacesRequest__Output } from './pmr/v1/DeleteFacesRequest.ts';
import type { DeleteFacesResponse as _pmr_v1_DeleteFacesResponse, DeleteFacesResponse__Output as _pmr_v1_DeleteFacesResponse__Output } from './pmr/v1/DeleteFacesResponse.ts';
import type { DeletePersonRequest as _pmr_v1_DeletePersonRequest, DeletePersonRequest__Output as _pmr_v1_DeletePersonRequest__Output } from './pmr/v1/DeletePersonRequest.ts';
import type { DeletePersonResponse as _pmr_v1_DeletePersonResponse, DeletePersonResponse__Output as _pmr_v1_DeletePersonResponse__Output } from './pmr/v1/DeletePersonResponse.ts';
import type { DescribeCollectionRequest as _pmr_v1_DescribeCollectionRequest, DescribeCollectionRequest__Output as _pmr_v1_DescribeCollectionRequest__Output } from './pmr/v1/DescribeCollectionRequest.ts';
import type { DescribeCollectionResponse as _pmr_v1_DescribeCollectionResponse, DescribeCollectionResponse__Output as _pmr_v1_DescribeCollectionResponse__Output } from './pmr/v1/DescribeCollectionResponse.ts';
import type { DetectedFace as _pmr_v1_DetectedFace, DetectedFace__Output as _pmr_v1_DetectedFace__Output } from './pmr/v1/DetectedFace.ts';
import type { DisassociateFacesRequest as _pmr_v1_DisassociateFacesRequest, DisassociateFacesRequest__Output as _pmr_v1_DisassociateFacesRequest__Output } from './pmr/v1/DisassociateFacesRequest.ts';
import type { DisassociateFacesResponse as _pmr_v1_DisassociateFacesResponse, DisassociateFacesResponse__Output as _pmr_v1_DisassociateFacesResponse__Output } from './pmr/v1/DisassociateFacesResponse.ts';
import type { ExpressionEstimate as _pmr_v1_ExpressionEstimate, ExpressionEstimate__Output as _pmr_v1_ExpressionEstimate__Output } from './pmr/v1/ExpressionEstimate.ts';
import type { ExpressionScore as _pmr_v1_ExpressionScore, ExpressionScore__Output as _pmr_v1_ExpressionScore__Output } from './pmr/v1/ExpressionScore.ts';
import type { Face as _pmr_v1_Face, Face__Output as _pmr_v1_Face__Output } from './pmr/v1/Face.ts';
import type { FaceAttributes as _pmr_v1_FaceAttributes, FaceAttributes__Output as _pmr_v1_FaceAttributes__Output } from './pmr/v1/FaceAttributes.ts';
import type { FaceDetail as _pmr_v1_FaceDetail, FaceDetail__Output as _pmr_v1_FaceDetail__Output } from './pmr/v1/FaceDetail.ts';
import type { FaceMatch as _pmr_v1_FaceMatch, FaceMatch__Output as _pmr_v1_FaceMatch__Output } from './pmr/v1/FaceMatch.ts';
import type { FaceQuality as _pmr_v1_FaceQuality, FaceQuality__Output as _pmr_v1_FaceQuality__Output } from './pmr/v1/FaceQuality.ts';
import type { GenderEstimate as _pmr_v1_GenderEstimate, GenderEstimate__Output as _pmr_v1_GenderEstimate__Output } from './pmr/v1/GenderEstimate.ts';
import type { Image as _pmr_v1_Image, Image__Output as _pmr_v1_Image__Output } from './pmr/v1/Image.ts';
import type { ImageSize as _pmr_v1_ImageSize, ImageSize__Output as _pmr_v1_ImageSize__Output } from './pmr/v1/ImageSize.ts';
import type { ImageSource as _pmr_v1_ImageSource, ImageSource__Output as _pmr_v1_ImageSource__Output } from './pmr/v1/ImageSource.ts';
import type { IndexFacesRequest as _pmr_v1_IndexFacesRequest, IndexFacesRequest__Output as _pmr_v1_IndexFacesRequest__Output } from './pmr/v1/IndexFacesRequest.ts';
import type { IndexFacesResponse as _pmr_v1_IndexFacesResponse, IndexFacesResponse__Output as _pmr_v1_IndexFacesResponse__Output } from './pmr/v1/IndexFacesResponse.ts';
import type { IndexedFace as _pmr_v1_IndexedFace, IndexedFace__Output as _pmr_v1_IndexedFace__Output } from './pmr/v1/IndexedFace.ts';
import type { Landmarks as _pmr_v1_Landmarks, Landmarks__Output as _pmr_v1_Landmarks__Output } from './pmr/v1/Landmarks.ts';
import type { ListCollectionsRequest as _pmr_v1_ListCollectionsRequest, ListCollectionsRequest__Output as _pmr_v1_ListCollectionsRequest__Output } from './pmr/v1/ListCollectionsRequest.ts';
import type { ListCollectionsResponse as _pmr_v1_ListCollectionsResponse, ListCollectionsResponse__Output as _pmr_v1_ListCollectionsResponse__Output } from './pmr/v1/ListCollectionsResponse.ts';
import type { ListFacesRequest as _pmr_v1_ListFacesRequest, ListFacesRequest__Output as _pmr_v1_ListFacesRequest__Output } from './pmr/v1/ListFacesRequest.ts';
import type { ListFacesResponse as _pmr_v1_ListFacesResponse, ListFacesResponse__Output as _pmr_v1_ListFacesResponse__Output } from './pmr/v1/ListFacesResponse.ts';
import type { ListPersonsRequest as _pmr_v1_ListPersonsRequest, ListPersonsRequest__Output as _pmr_v1_ListPersonsRequest__Output } from './pmr/v1/ListPersonsRequest.ts';
import type { ListPersonsResponse as _pmr_v1_ListPersonsResponse, ListPersonsResponse__Output as _pmr_v1_ListPersonsResponse__Output } from './pmr/v1/ListPersonsResponse.ts';
import type { ObjectRef as _pmr_v1_ObjectRef, ObjectRef__Output as _pmr_v1_ObjectRef__Output } from './pmr/v1/ObjectRef.ts';
import type { Person as _pmr_v1_Person, Person__Output as _pmr_v1_Person__Output } from './pmr/v1/Person.ts';
import type { PersonMatch as _pmr_v1_PersonMatch, PersonMatch__Output as _pmr_v1_PersonMatch__Output } from './pmr/v1/PersonMatch.ts';
import type { PersonSearchedFace as _pmr_v1_PersonSearchedFace, PersonSearchedFace__Output as _pmr_v1_PersonSearchedFace__Output } from './pmr/v1/PersonSearchedFace.ts';
import type { Point as _pmr_v1_Point, Point__Output as _pmr_v1_Point__Output } from './pmr/v1/Point.ts';
import type { Pose as _pmr_v1_Pose, Pose__Output as _pmr_v1_Pose__Output } from './pmr/v1/Pose.ts';
import type { SearchFacesByImageRequest as _pmr_v1_SearchFacesByImageRequest, SearchFacesByImageRequest__Output as _pmr_v1_SearchFacesByImageRequest__Output } from './pmr/v1/SearchFacesByImageRequest.ts';
import type { SearchFacesByImageResponse as _pmr_v1_SearchFacesByImageResponse, SearchFacesByImageResponse__Output as _pmr_v1_SearchFacesByImageResponse__Output } from './pmr/v1/SearchFacesByImageResponse.ts';
import type { SearchFacesRequest as _pmr_v1_SearchFacesRequest, SearchFacesRequest__Output as _pmr_v1_SearchFacesRequest__Output } from './pmr/v1/SearchFacesRequest.ts';
import type { SearchFacesResponse as _pmr_v1_SearchFacesResponse, SearchFacesResponse__Output as _pmr_v1_SearchFacesResponse__Output } from './pmr/v1/SearchFacesResponse.ts';
import type { SearchPersonsByImageRequest as _pmr_v1_SearchPersonsByImageRequest, SearchPersonsByImageRequest__Output as _pmr_v1_SearchPersonsByImageRequest__Output } from './pmr/v1/SearchPersonsByImageRequest.ts';
import type { SearchPersonsByImageResponse as _pmr_v1_SearchPersonsByImageResponse, SearchPersonsByImageResponse__Output as _pmr_v1_SearchPersonsByImageResponse__Output } from './pmr/v1/SearchPersonsByImageResponse.ts';
import type { SearchPersonsRequest as _pmr_v1_SearchPersonsRequest, SearchPersonsRequest__Output as _pmr_v1_SearchPersonsRequest__Output } from './pmr/v1/SearchPersonsRequest.ts';
import type { SearchPersonsResponse as _pmr_v1_SearchPersonsResponse, SearchPersonsResponse__Output as _pmr_v1_SearchPersonsResponse__Output } from './pmr/v1/SearchPersonsResponse.ts';
import type { SearchedFace as _pmr_v1_SearchedFace, SearchedFace__Output as _pmr_v1_SearchedFace__Output } from './pmr/v1/SearchedFace.ts';
import type { UnindexedFace as _pmr_v1_UnindexedFace, UnindexedFace__Output as _pmr_v1_UnindexedFace__Output } from './pmr/v1/UnindexedFace.ts';
import type { UnsuccessfulFace as _pmr_v1_UnsuccessfulFace, UnsuccessfulFace__Output as _pmr_v1_UnsuccessfulFace__Output } from './pmr/v1/UnsuccessfulFace.ts';

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
      AssociateFacesRequest: MessageTypeDefinition<_pmr_v1_AssociateFacesRequest, _pmr_v1_AssociateFacesRequest__Output>
      AssociateFacesResponse: MessageTypeDefinition<_pmr_v1_AssociateFacesResponse, _pmr_v1_AssociateFacesResponse__Output>
      Box: MessageTypeDefinition<_pmr_v1_Box, _pmr_v1_Box__Output>
      Collection: MessageTypeDefinition<_pmr_v1_Collection, _pmr_v1_Collection__Output>
      /**
       * Collections of indexed faces, grouped into persons, and searches against them (Rekognition's collections, faces
       * and users). A collection lives until it is deleted; video jobs name one in StartVideoJobRequest.collection_id.
       * Served by the orchestrator; searches run on the recognizers, which hold every collection's embeddings in memory.
       * 
       * Ids chosen by the client (collection_id, person_id) have 1 to 128 characters from [A-Za-z0-9_.-]. Face ids are
       * assigned by PMR. Similarities are cosine similarities in [-1, 1]; unset thresholds take the calibrated match
       * threshold that video jobs use. Every list is paginated: page_size 1 to 1000 (0: 100), and a page_token is
       * valid only for the call and collection that returned it (INVALID_ARGUMENT otherwise).
       */
      CollectionService: SubtypeConstructor<typeof grpc.Client, _pmr_v1_CollectionServiceClient> & { service: _pmr_v1_CollectionServiceDefinition }
      CreateCollectionRequest: MessageTypeDefinition<_pmr_v1_CreateCollectionRequest, _pmr_v1_CreateCollectionRequest__Output>
      CreateCollectionResponse: MessageTypeDefinition<_pmr_v1_CreateCollectionResponse, _pmr_v1_CreateCollectionResponse__Output>
      CreatePersonRequest: MessageTypeDefinition<_pmr_v1_CreatePersonRequest, _pmr_v1_CreatePersonRequest__Output>
      CreatePersonResponse: MessageTypeDefinition<_pmr_v1_CreatePersonResponse, _pmr_v1_CreatePersonResponse__Output>
      DeleteCollectionRequest: MessageTypeDefinition<_pmr_v1_DeleteCollectionRequest, _pmr_v1_DeleteCollectionRequest__Output>
      DeleteCollectionResponse: MessageTypeDefinition<_pmr_v1_DeleteCollectionResponse, _pmr_v1_DeleteCollectionResponse__Output>
      DeleteFacesRequest: MessageTypeDefinition<_pmr_v1_DeleteFacesRequest, _pmr_v1_DeleteFacesRequest__Output>
      DeleteFacesResponse: MessageTypeDefinition<_pmr_v1_DeleteFacesResponse, _pmr_v1_DeleteFacesResponse__Output>
      DeletePersonRequest: MessageTypeDefinition<_pmr_v1_DeletePersonRequest, _pmr_v1_DeletePersonRequest__Output>
      DeletePersonResponse: MessageTypeDefinition<_pmr_v1_DeletePersonResponse, _pmr_v1_DeletePersonResponse__Output>
      DescribeCollectionRequest: MessageTypeDefinition<_pmr_v1_DescribeCollectionRequest, _pmr_v1_DescribeCollectionRequest__Output>
      DescribeCollectionResponse: MessageTypeDefinition<_pmr_v1_DescribeCollectionResponse, _pmr_v1_DescribeCollectionResponse__Output>
      DetectedFace: MessageTypeDefinition<_pmr_v1_DetectedFace, _pmr_v1_DetectedFace__Output>
      DisassociateFacesRequest: MessageTypeDefinition<_pmr_v1_DisassociateFacesRequest, _pmr_v1_DisassociateFacesRequest__Output>
      DisassociateFacesResponse: MessageTypeDefinition<_pmr_v1_DisassociateFacesResponse, _pmr_v1_DisassociateFacesResponse__Output>
      Expression: EnumTypeDefinition
      ExpressionEstimate: MessageTypeDefinition<_pmr_v1_ExpressionEstimate, _pmr_v1_ExpressionEstimate__Output>
      ExpressionScore: MessageTypeDefinition<_pmr_v1_ExpressionScore, _pmr_v1_ExpressionScore__Output>
      Face: MessageTypeDefinition<_pmr_v1_Face, _pmr_v1_Face__Output>
      FaceAttributes: MessageTypeDefinition<_pmr_v1_FaceAttributes, _pmr_v1_FaceAttributes__Output>
      FaceDetail: MessageTypeDefinition<_pmr_v1_FaceDetail, _pmr_v1_FaceDetail__Output>
      FaceMatch: MessageTypeDefinition<_pmr_v1_FaceMatch, _pmr_v1_FaceMatch__Output>
      FaceQuality: MessageTypeDefinition<_pmr_v1_FaceQuality, _pmr_v1_FaceQuality__Output>
      Gender: EnumTypeDefinition
      GenderEstimate: MessageTypeDefinition<_pmr_v1_GenderEstimate, _pmr_v1_GenderEstimate__Output>
      Image: MessageTypeDefinition<_pmr_v1_Image, _pmr_v1_Image__Output>
      ImageEncoding: EnumTypeDefinition
      ImageSize: MessageTypeDefinition<_pmr_v1_ImageSize, _pmr_v1_ImageSize__Output>
      ImageSource: MessageTypeDefinition<_pmr_v1_ImageSource, _pmr_v1_ImageSource__Output>
      IndexFacesRequest: MessageTypeDefinition<_pmr_v1_IndexFacesRequest, _pmr_v1_IndexFacesRequest__Output>
      IndexFacesResponse: MessageTypeDefinition<_pmr_v1_IndexFacesResponse, _pmr_v1_IndexFacesResponse__Output>
      IndexedFace: MessageTypeDefinition<_pmr_v1_IndexedFace, _pmr_v1_IndexedFace__Output>
      Landmarks: MessageTypeDefinition<_pmr_v1_Landmarks, _pmr_v1_Landmarks__Output>
      ListCollectionsRequest: MessageTypeDefinition<_pmr_v1_ListCollectionsRequest, _pmr_v1_ListCollectionsRequest__Output>
      ListCollectionsResponse: MessageTypeDefinition<_pmr_v1_ListCollectionsResponse, _pmr_v1_ListCollectionsResponse__Output>
      ListFacesRequest: MessageTypeDefinition<_pmr_v1_ListFacesRequest, _pmr_v1_ListFacesRequest__Output>
      ListFacesResponse: MessageTypeDefinition<_pmr_v1_ListFacesResponse, _pmr_v1_ListFacesResponse__Output>
      ListPersonsRequest: MessageTypeDefinition<_pmr_v1_ListPersonsRequest, _pmr_v1_ListPersonsRequest__Output>
      ListPersonsResponse: MessageTypeDefinition<_pmr_v1_ListPersonsResponse, _pmr_v1_ListPersonsResponse__Output>
      ObjectRef: MessageTypeDefinition<_pmr_v1_ObjectRef, _pmr_v1_ObjectRef__Output>
      Person: MessageTypeDefinition<_pmr_v1_Person, _pmr_v1_Person__Output>
      PersonMatch: MessageTypeDefinition<_pmr_v1_PersonMatch, _pmr_v1_PersonMatch__Output>
      PersonSearchedFace: MessageTypeDefinition<_pmr_v1_PersonSearchedFace, _pmr_v1_PersonSearchedFace__Output>
      Point: MessageTypeDefinition<_pmr_v1_Point, _pmr_v1_Point__Output>
      Pose: MessageTypeDefinition<_pmr_v1_Pose, _pmr_v1_Pose__Output>
      QualityFilter: EnumTypeDefinition
      SearchFacesByImageRequest: MessageTypeDefinition<_pmr_v1_SearchFacesByImageRequest, _pmr_v1_SearchFacesByImageRequest__Output>
      SearchFacesByImageResponse: MessageTypeDefinition<_pmr_v1_SearchFacesByImageResponse, _pmr_v1_SearchFacesByImageResponse__Output>
      SearchFacesRequest: MessageTypeDefinition<_pmr_v1_SearchFacesRequest, _pmr_v1_SearchFacesRequest__Output>
      SearchFacesResponse: MessageTypeDefinition<_pmr_v1_SearchFacesResponse, _pmr_v1_SearchFacesResponse__Output>
      SearchPersonsByImageRequest: MessageTypeDefinition<_pmr_v1_SearchPersonsByImageRequest, _pmr_v1_SearchPersonsByImageRequest__Output>
      SearchPersonsByImageResponse: MessageTypeDefinition<_pmr_v1_SearchPersonsByImageResponse, _pmr_v1_SearchPersonsByImageResponse__Output>
      SearchPersonsRequest: MessageTypeDefinition<_pmr_v1_SearchPersonsRequest, _pmr_v1_SearchPersonsRequest__Output>
      SearchPersonsResponse: MessageTypeDefinition<_pmr_v1_SearchPersonsResponse, _pmr_v1_SearchPersonsResponse__Output>
      SearchedFace: MessageTypeDefinition<_pmr_v1_SearchedFace, _pmr_v1_SearchedFace__Output>
      UnindexedFace: MessageTypeDefinition<_pmr_v1_UnindexedFace, _pmr_v1_UnindexedFace__Output>
      UnindexedReason: EnumTypeDefinition
      UnsuccessfulFace: MessageTypeDefinition<_pmr_v1_UnsuccessfulFace, _pmr_v1_UnsuccessfulFace__Output>
    }
  }
}

