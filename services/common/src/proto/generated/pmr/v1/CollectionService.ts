// Original file: pmr/v1/collection_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AssociateFacesRequest as _pmr_v1_AssociateFacesRequest, AssociateFacesRequest__Output as _pmr_v1_AssociateFacesRequest__Output } from '../../pmr/v1/AssociateFacesRequest.ts';
import type { AssociateFacesResponse as _pmr_v1_AssociateFacesResponse, AssociateFacesResponse__Output as _pmr_v1_AssociateFacesResponse__Output } from '../../pmr/v1/AssociateFacesResponse.ts';
import type { CreateCollectionRequest as _pmr_v1_CreateCollectionRequest, CreateCollectionRequest__Output as _pmr_v1_CreateCollectionRequest__Output } from '../../pmr/v1/CreateCollectionRequest.ts';
import type { CreateCollectionResponse as _pmr_v1_CreateCollectionResponse, CreateCollectionResponse__Output as _pmr_v1_CreateCollectionResponse__Output } from '../../pmr/v1/CreateCollectionResponse.ts';
import type { CreatePersonRequest as _pmr_v1_CreatePersonRequest, CreatePersonRequest__Output as _pmr_v1_CreatePersonRequest__Output } from '../../pmr/v1/CreatePersonRequest.ts';
import type { CreatePersonResponse as _pmr_v1_CreatePersonResponse, CreatePersonResponse__Output as _pmr_v1_CreatePersonResponse__Output } from '../../pmr/v1/CreatePersonResponse.ts';
import type { DeleteCollectionRequest as _pmr_v1_DeleteCollectionRequest, DeleteCollectionRequest__Output as _pmr_v1_DeleteCollectionRequest__Output } from '../../pmr/v1/DeleteCollectionRequest.ts';
import type { DeleteCollectionResponse as _pmr_v1_DeleteCollectionResponse, DeleteCollectionResponse__Output as _pmr_v1_DeleteCollectionResponse__Output } from '../../pmr/v1/DeleteCollectionResponse.ts';
import type { DeleteFacesRequest as _pmr_v1_DeleteFacesRequest, DeleteFacesRequest__Output as _pmr_v1_DeleteFacesRequest__Output } from '../../pmr/v1/DeleteFacesRequest.ts';
import type { DeleteFacesResponse as _pmr_v1_DeleteFacesResponse, DeleteFacesResponse__Output as _pmr_v1_DeleteFacesResponse__Output } from '../../pmr/v1/DeleteFacesResponse.ts';
import type { DeletePersonRequest as _pmr_v1_DeletePersonRequest, DeletePersonRequest__Output as _pmr_v1_DeletePersonRequest__Output } from '../../pmr/v1/DeletePersonRequest.ts';
import type { DeletePersonResponse as _pmr_v1_DeletePersonResponse, DeletePersonResponse__Output as _pmr_v1_DeletePersonResponse__Output } from '../../pmr/v1/DeletePersonResponse.ts';
import type { DescribeCollectionRequest as _pmr_v1_DescribeCollectionRequest, DescribeCollectionRequest__Output as _pmr_v1_DescribeCollectionRequest__Output } from '../../pmr/v1/DescribeCollectionRequest.ts';
import type { DescribeCollectionResponse as _pmr_v1_DescribeCollectionResponse, DescribeCollectionResponse__Output as _pmr_v1_DescribeCollectionResponse__Output } from '../../pmr/v1/DescribeCollectionResponse.ts';
import type { DisassociateFacesRequest as _pmr_v1_DisassociateFacesRequest, DisassociateFacesRequest__Output as _pmr_v1_DisassociateFacesRequest__Output } from '../../pmr/v1/DisassociateFacesRequest.ts';
import type { DisassociateFacesResponse as _pmr_v1_DisassociateFacesResponse, DisassociateFacesResponse__Output as _pmr_v1_DisassociateFacesResponse__Output } from '../../pmr/v1/DisassociateFacesResponse.ts';
import type { IndexFacesRequest as _pmr_v1_IndexFacesRequest, IndexFacesRequest__Output as _pmr_v1_IndexFacesRequest__Output } from '../../pmr/v1/IndexFacesRequest.ts';
import type { IndexFacesResponse as _pmr_v1_IndexFacesResponse, IndexFacesResponse__Output as _pmr_v1_IndexFacesResponse__Output } from '../../pmr/v1/IndexFacesResponse.ts';
import type { ListCollectionsRequest as _pmr_v1_ListCollectionsRequest, ListCollectionsRequest__Output as _pmr_v1_ListCollectionsRequest__Output } from '../../pmr/v1/ListCollectionsRequest.ts';
import type { ListCollectionsResponse as _pmr_v1_ListCollectionsResponse, ListCollectionsResponse__Output as _pmr_v1_ListCollectionsResponse__Output } from '../../pmr/v1/ListCollectionsResponse.ts';
import type { ListFacesRequest as _pmr_v1_ListFacesRequest, ListFacesRequest__Output as _pmr_v1_ListFacesRequest__Output } from '../../pmr/v1/ListFacesRequest.ts';
import type { ListFacesResponse as _pmr_v1_ListFacesResponse, ListFacesResponse__Output as _pmr_v1_ListFacesResponse__Output } from '../../pmr/v1/ListFacesResponse.ts';
import type { ListPersonsRequest as _pmr_v1_ListPersonsRequest, ListPersonsRequest__Output as _pmr_v1_ListPersonsRequest__Output } from '../../pmr/v1/ListPersonsRequest.ts';
import type { ListPersonsResponse as _pmr_v1_ListPersonsResponse, ListPersonsResponse__Output as _pmr_v1_ListPersonsResponse__Output } from '../../pmr/v1/ListPersonsResponse.ts';
import type { SearchFacesByImageRequest as _pmr_v1_SearchFacesByImageRequest, SearchFacesByImageRequest__Output as _pmr_v1_SearchFacesByImageRequest__Output } from '../../pmr/v1/SearchFacesByImageRequest.ts';
import type { SearchFacesByImageResponse as _pmr_v1_SearchFacesByImageResponse, SearchFacesByImageResponse__Output as _pmr_v1_SearchFacesByImageResponse__Output } from '../../pmr/v1/SearchFacesByImageResponse.ts';
import type { SearchFacesRequest as _pmr_v1_SearchFacesRequest, SearchFacesRequest__Output as _pmr_v1_SearchFacesRequest__Output } from '../../pmr/v1/SearchFacesRequest.ts';
import type { SearchFacesResponse as _pmr_v1_SearchFacesResponse, SearchFacesResponse__Output as _pmr_v1_SearchFacesResponse__Output } from '../../pmr/v1/SearchFacesResponse.ts';
import type { SearchPersonsByImageRequest as _pmr_v1_SearchPersonsByImageRequest, SearchPersonsByImageRequest__Output as _pmr_v1_SearchPersonsByImageRequest__Output } from '../../pmr/v1/SearchPersonsByImageRequest.ts';
import type { SearchPersonsByImageResponse as _pmr_v1_SearchPersonsByImageResponse, SearchPersonsByImageResponse__Output as _pmr_v1_SearchPersonsByImageResponse__Output } from '../../pmr/v1/SearchPersonsByImageResponse.ts';
import type { SearchPersonsRequest as _pmr_v1_SearchPersonsRequest, SearchPersonsRequest__Output as _pmr_v1_SearchPersonsRequest__Output } from '../../pmr/v1/SearchPersonsRequest.ts';
import type { SearchPersonsResponse as _pmr_v1_SearchPersonsResponse, SearchPersonsResponse__Output as _pmr_v1_SearchPersonsResponse__Output } from '../../pmr/v1/SearchPersonsResponse.ts';

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
export interface CollectionServiceClient extends grpc.Client {
  /**
   * Associates faces with a person. A face belongs to at most one person: a face of another person is
   * answered as unsuccessful. NOT_FOUND for an unknown collection or person.
   */
  AssociateFaces(argument: _pmr_v1_AssociateFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_AssociateFacesResponse__Output>): grpc.ClientUnaryCall;
  AssociateFaces(argument: _pmr_v1_AssociateFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_AssociateFacesResponse__Output>): grpc.ClientUnaryCall;
  AssociateFaces(argument: _pmr_v1_AssociateFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_AssociateFacesResponse__Output>): grpc.ClientUnaryCall;
  AssociateFaces(argument: _pmr_v1_AssociateFacesRequest, callback: grpc.requestCallback<_pmr_v1_AssociateFacesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Associates faces with a person. A face belongs to at most one person: a face of another person is
   * answered as unsuccessful. NOT_FOUND for an unknown collection or person.
   */
  associateFaces(argument: _pmr_v1_AssociateFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_AssociateFacesResponse__Output>): grpc.ClientUnaryCall;
  associateFaces(argument: _pmr_v1_AssociateFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_AssociateFacesResponse__Output>): grpc.ClientUnaryCall;
  associateFaces(argument: _pmr_v1_AssociateFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_AssociateFacesResponse__Output>): grpc.ClientUnaryCall;
  associateFaces(argument: _pmr_v1_AssociateFacesRequest, callback: grpc.requestCallback<_pmr_v1_AssociateFacesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates an empty collection for the deployment's embedding model. ALREADY_EXISTS when the id is taken.
   */
  CreateCollection(argument: _pmr_v1_CreateCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  CreateCollection(argument: _pmr_v1_CreateCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  CreateCollection(argument: _pmr_v1_CreateCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  CreateCollection(argument: _pmr_v1_CreateCollectionRequest, callback: grpc.requestCallback<_pmr_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates an empty collection for the deployment's embedding model. ALREADY_EXISTS when the id is taken.
   */
  createCollection(argument: _pmr_v1_CreateCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  createCollection(argument: _pmr_v1_CreateCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  createCollection(argument: _pmr_v1_CreateCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  createCollection(argument: _pmr_v1_CreateCollectionRequest, callback: grpc.requestCallback<_pmr_v1_CreateCollectionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates a person with no faces. ALREADY_EXISTS when the id is taken in the collection.
   */
  CreatePerson(argument: _pmr_v1_CreatePersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CreatePersonResponse__Output>): grpc.ClientUnaryCall;
  CreatePerson(argument: _pmr_v1_CreatePersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_CreatePersonResponse__Output>): grpc.ClientUnaryCall;
  CreatePerson(argument: _pmr_v1_CreatePersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CreatePersonResponse__Output>): grpc.ClientUnaryCall;
  CreatePerson(argument: _pmr_v1_CreatePersonRequest, callback: grpc.requestCallback<_pmr_v1_CreatePersonResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a person with no faces. ALREADY_EXISTS when the id is taken in the collection.
   */
  createPerson(argument: _pmr_v1_CreatePersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CreatePersonResponse__Output>): grpc.ClientUnaryCall;
  createPerson(argument: _pmr_v1_CreatePersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_CreatePersonResponse__Output>): grpc.ClientUnaryCall;
  createPerson(argument: _pmr_v1_CreatePersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_CreatePersonResponse__Output>): grpc.ClientUnaryCall;
  createPerson(argument: _pmr_v1_CreatePersonRequest, callback: grpc.requestCallback<_pmr_v1_CreatePersonResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a collection with its faces and persons. NOT_FOUND for an unknown id. Running video jobs that use it
   * keep the persons they started with.
   */
  DeleteCollection(argument: _pmr_v1_DeleteCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeleteCollectionResponse__Output>): grpc.ClientUnaryCall;
  DeleteCollection(argument: _pmr_v1_DeleteCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DeleteCollectionResponse__Output>): grpc.ClientUnaryCall;
  DeleteCollection(argument: _pmr_v1_DeleteCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeleteCollectionResponse__Output>): grpc.ClientUnaryCall;
  DeleteCollection(argument: _pmr_v1_DeleteCollectionRequest, callback: grpc.requestCallback<_pmr_v1_DeleteCollectionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a collection with its faces and persons. NOT_FOUND for an unknown id. Running video jobs that use it
   * keep the persons they started with.
   */
  deleteCollection(argument: _pmr_v1_DeleteCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeleteCollectionResponse__Output>): grpc.ClientUnaryCall;
  deleteCollection(argument: _pmr_v1_DeleteCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DeleteCollectionResponse__Output>): grpc.ClientUnaryCall;
  deleteCollection(argument: _pmr_v1_DeleteCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeleteCollectionResponse__Output>): grpc.ClientUnaryCall;
  deleteCollection(argument: _pmr_v1_DeleteCollectionRequest, callback: grpc.requestCallback<_pmr_v1_DeleteCollectionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes faces (and their associations). Unknown face ids are answered as unsuccessful, not as an error.
   */
  DeleteFaces(argument: _pmr_v1_DeleteFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeleteFacesResponse__Output>): grpc.ClientUnaryCall;
  DeleteFaces(argument: _pmr_v1_DeleteFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DeleteFacesResponse__Output>): grpc.ClientUnaryCall;
  DeleteFaces(argument: _pmr_v1_DeleteFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeleteFacesResponse__Output>): grpc.ClientUnaryCall;
  DeleteFaces(argument: _pmr_v1_DeleteFacesRequest, callback: grpc.requestCallback<_pmr_v1_DeleteFacesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes faces (and their associations). Unknown face ids are answered as unsuccessful, not as an error.
   */
  deleteFaces(argument: _pmr_v1_DeleteFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeleteFacesResponse__Output>): grpc.ClientUnaryCall;
  deleteFaces(argument: _pmr_v1_DeleteFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DeleteFacesResponse__Output>): grpc.ClientUnaryCall;
  deleteFaces(argument: _pmr_v1_DeleteFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeleteFacesResponse__Output>): grpc.ClientUnaryCall;
  deleteFaces(argument: _pmr_v1_DeleteFacesRequest, callback: grpc.requestCallback<_pmr_v1_DeleteFacesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a person; its faces stay in the collection, unassociated. NOT_FOUND for an unknown person.
   */
  DeletePerson(argument: _pmr_v1_DeletePersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeletePersonResponse__Output>): grpc.ClientUnaryCall;
  DeletePerson(argument: _pmr_v1_DeletePersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DeletePersonResponse__Output>): grpc.ClientUnaryCall;
  DeletePerson(argument: _pmr_v1_DeletePersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeletePersonResponse__Output>): grpc.ClientUnaryCall;
  DeletePerson(argument: _pmr_v1_DeletePersonRequest, callback: grpc.requestCallback<_pmr_v1_DeletePersonResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a person; its faces stay in the collection, unassociated. NOT_FOUND for an unknown person.
   */
  deletePerson(argument: _pmr_v1_DeletePersonRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeletePersonResponse__Output>): grpc.ClientUnaryCall;
  deletePerson(argument: _pmr_v1_DeletePersonRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DeletePersonResponse__Output>): grpc.ClientUnaryCall;
  deletePerson(argument: _pmr_v1_DeletePersonRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DeletePersonResponse__Output>): grpc.ClientUnaryCall;
  deletePerson(argument: _pmr_v1_DeletePersonRequest, callback: grpc.requestCallback<_pmr_v1_DeletePersonResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The collection with its face and person counts. NOT_FOUND for an unknown id.
   */
  DescribeCollection(argument: _pmr_v1_DescribeCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DescribeCollectionResponse__Output>): grpc.ClientUnaryCall;
  DescribeCollection(argument: _pmr_v1_DescribeCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DescribeCollectionResponse__Output>): grpc.ClientUnaryCall;
  DescribeCollection(argument: _pmr_v1_DescribeCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DescribeCollectionResponse__Output>): grpc.ClientUnaryCall;
  DescribeCollection(argument: _pmr_v1_DescribeCollectionRequest, callback: grpc.requestCallback<_pmr_v1_DescribeCollectionResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The collection with its face and person counts. NOT_FOUND for an unknown id.
   */
  describeCollection(argument: _pmr_v1_DescribeCollectionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DescribeCollectionResponse__Output>): grpc.ClientUnaryCall;
  describeCollection(argument: _pmr_v1_DescribeCollectionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DescribeCollectionResponse__Output>): grpc.ClientUnaryCall;
  describeCollection(argument: _pmr_v1_DescribeCollectionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DescribeCollectionResponse__Output>): grpc.ClientUnaryCall;
  describeCollection(argument: _pmr_v1_DescribeCollectionRequest, callback: grpc.requestCallback<_pmr_v1_DescribeCollectionResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Removes faces from a person; the faces stay in the collection.
   */
  DisassociateFaces(argument: _pmr_v1_DisassociateFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DisassociateFacesResponse__Output>): grpc.ClientUnaryCall;
  DisassociateFaces(argument: _pmr_v1_DisassociateFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DisassociateFacesResponse__Output>): grpc.ClientUnaryCall;
  DisassociateFaces(argument: _pmr_v1_DisassociateFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DisassociateFacesResponse__Output>): grpc.ClientUnaryCall;
  DisassociateFaces(argument: _pmr_v1_DisassociateFacesRequest, callback: grpc.requestCallback<_pmr_v1_DisassociateFacesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Removes faces from a person; the faces stay in the collection.
   */
  disassociateFaces(argument: _pmr_v1_DisassociateFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DisassociateFacesResponse__Output>): grpc.ClientUnaryCall;
  disassociateFaces(argument: _pmr_v1_DisassociateFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_DisassociateFacesResponse__Output>): grpc.ClientUnaryCall;
  disassociateFaces(argument: _pmr_v1_DisassociateFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_DisassociateFacesResponse__Output>): grpc.ClientUnaryCall;
  disassociateFaces(argument: _pmr_v1_DisassociateFacesRequest, callback: grpc.requestCallback<_pmr_v1_DisassociateFacesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Detects the faces of an image and adds the usable ones to the collection. With person_id the gallery
   * enrolment rules apply: the image must show one subject, whose face is indexed and associated with the person
   * (created when new); without it every usable face is indexed, up to max_faces, largest first. Faces not
   * indexed are answered with their reasons. FAILED_PRECONDITION when the collection belongs to another embedding
   * model than the recognizers run.
   */
  IndexFaces(argument: _pmr_v1_IndexFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_IndexFacesResponse__Output>): grpc.ClientUnaryCall;
  IndexFaces(argument: _pmr_v1_IndexFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_IndexFacesResponse__Output>): grpc.ClientUnaryCall;
  IndexFaces(argument: _pmr_v1_IndexFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_IndexFacesResponse__Output>): grpc.ClientUnaryCall;
  IndexFaces(argument: _pmr_v1_IndexFacesRequest, callback: grpc.requestCallback<_pmr_v1_IndexFacesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Detects the faces of an image and adds the usable ones to the collection. With person_id the gallery
   * enrolment rules apply: the image must show one subject, whose face is indexed and associated with the person
   * (created when new); without it every usable face is indexed, up to max_faces, largest first. Faces not
   * indexed are answered with their reasons. FAILED_PRECONDITION when the collection belongs to another embedding
   * model than the recognizers run.
   */
  indexFaces(argument: _pmr_v1_IndexFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_IndexFacesResponse__Output>): grpc.ClientUnaryCall;
  indexFaces(argument: _pmr_v1_IndexFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_IndexFacesResponse__Output>): grpc.ClientUnaryCall;
  indexFaces(argument: _pmr_v1_IndexFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_IndexFacesResponse__Output>): grpc.ClientUnaryCall;
  indexFaces(argument: _pmr_v1_IndexFacesRequest, callback: grpc.requestCallback<_pmr_v1_IndexFacesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every collection, by id.
   */
  ListCollections(argument: _pmr_v1_ListCollectionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  ListCollections(argument: _pmr_v1_ListCollectionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  ListCollections(argument: _pmr_v1_ListCollectionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  ListCollections(argument: _pmr_v1_ListCollectionsRequest, callback: grpc.requestCallback<_pmr_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every collection, by id.
   */
  listCollections(argument: _pmr_v1_ListCollectionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  listCollections(argument: _pmr_v1_ListCollectionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  listCollections(argument: _pmr_v1_ListCollectionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  listCollections(argument: _pmr_v1_ListCollectionsRequest, callback: grpc.requestCallback<_pmr_v1_ListCollectionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The collection's faces, by face id, optionally only a person's.
   */
  ListFaces(argument: _pmr_v1_ListFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListFacesResponse__Output>): grpc.ClientUnaryCall;
  ListFaces(argument: _pmr_v1_ListFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_ListFacesResponse__Output>): grpc.ClientUnaryCall;
  ListFaces(argument: _pmr_v1_ListFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListFacesResponse__Output>): grpc.ClientUnaryCall;
  ListFaces(argument: _pmr_v1_ListFacesRequest, callback: grpc.requestCallback<_pmr_v1_ListFacesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The collection's faces, by face id, optionally only a person's.
   */
  listFaces(argument: _pmr_v1_ListFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListFacesResponse__Output>): grpc.ClientUnaryCall;
  listFaces(argument: _pmr_v1_ListFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_ListFacesResponse__Output>): grpc.ClientUnaryCall;
  listFaces(argument: _pmr_v1_ListFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListFacesResponse__Output>): grpc.ClientUnaryCall;
  listFaces(argument: _pmr_v1_ListFacesRequest, callback: grpc.requestCallback<_pmr_v1_ListFacesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The collection's persons, by id.
   */
  ListPersons(argument: _pmr_v1_ListPersonsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListPersonsResponse__Output>): grpc.ClientUnaryCall;
  ListPersons(argument: _pmr_v1_ListPersonsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_ListPersonsResponse__Output>): grpc.ClientUnaryCall;
  ListPersons(argument: _pmr_v1_ListPersonsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListPersonsResponse__Output>): grpc.ClientUnaryCall;
  ListPersons(argument: _pmr_v1_ListPersonsRequest, callback: grpc.requestCallback<_pmr_v1_ListPersonsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The collection's persons, by id.
   */
  listPersons(argument: _pmr_v1_ListPersonsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListPersonsResponse__Output>): grpc.ClientUnaryCall;
  listPersons(argument: _pmr_v1_ListPersonsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_ListPersonsResponse__Output>): grpc.ClientUnaryCall;
  listPersons(argument: _pmr_v1_ListPersonsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_ListPersonsResponse__Output>): grpc.ClientUnaryCall;
  listPersons(argument: _pmr_v1_ListPersonsRequest, callback: grpc.requestCallback<_pmr_v1_ListPersonsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The faces of the collection most similar to one of its faces. NOT_FOUND for an unknown face id.
   */
  SearchFaces(argument: _pmr_v1_SearchFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchFacesResponse__Output>): grpc.ClientUnaryCall;
  SearchFaces(argument: _pmr_v1_SearchFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchFacesResponse__Output>): grpc.ClientUnaryCall;
  SearchFaces(argument: _pmr_v1_SearchFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchFacesResponse__Output>): grpc.ClientUnaryCall;
  SearchFaces(argument: _pmr_v1_SearchFacesRequest, callback: grpc.requestCallback<_pmr_v1_SearchFacesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The faces of the collection most similar to one of its faces. NOT_FOUND for an unknown face id.
   */
  searchFaces(argument: _pmr_v1_SearchFacesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchFacesResponse__Output>): grpc.ClientUnaryCall;
  searchFaces(argument: _pmr_v1_SearchFacesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchFacesResponse__Output>): grpc.ClientUnaryCall;
  searchFaces(argument: _pmr_v1_SearchFacesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchFacesResponse__Output>): grpc.ClientUnaryCall;
  searchFaces(argument: _pmr_v1_SearchFacesRequest, callback: grpc.requestCallback<_pmr_v1_SearchFacesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every face of the image (not only the largest), each with its most similar faces of the collection and its
   * attributes.
   */
  SearchFacesByImage(argument: _pmr_v1_SearchFacesByImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchFacesByImageResponse__Output>): grpc.ClientUnaryCall;
  SearchFacesByImage(argument: _pmr_v1_SearchFacesByImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchFacesByImageResponse__Output>): grpc.ClientUnaryCall;
  SearchFacesByImage(argument: _pmr_v1_SearchFacesByImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchFacesByImageResponse__Output>): grpc.ClientUnaryCall;
  SearchFacesByImage(argument: _pmr_v1_SearchFacesByImageRequest, callback: grpc.requestCallback<_pmr_v1_SearchFacesByImageResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every face of the image (not only the largest), each with its most similar faces of the collection and its
   * attributes.
   */
  searchFacesByImage(argument: _pmr_v1_SearchFacesByImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchFacesByImageResponse__Output>): grpc.ClientUnaryCall;
  searchFacesByImage(argument: _pmr_v1_SearchFacesByImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchFacesByImageResponse__Output>): grpc.ClientUnaryCall;
  searchFacesByImage(argument: _pmr_v1_SearchFacesByImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchFacesByImageResponse__Output>): grpc.ClientUnaryCall;
  searchFacesByImage(argument: _pmr_v1_SearchFacesByImageRequest, callback: grpc.requestCallback<_pmr_v1_SearchFacesByImageResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The persons most similar to a face of the collection, or to a person's faces.
   */
  SearchPersons(argument: _pmr_v1_SearchPersonsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchPersonsResponse__Output>): grpc.ClientUnaryCall;
  SearchPersons(argument: _pmr_v1_SearchPersonsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchPersonsResponse__Output>): grpc.ClientUnaryCall;
  SearchPersons(argument: _pmr_v1_SearchPersonsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchPersonsResponse__Output>): grpc.ClientUnaryCall;
  SearchPersons(argument: _pmr_v1_SearchPersonsRequest, callback: grpc.requestCallback<_pmr_v1_SearchPersonsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * The persons most similar to a face of the collection, or to a person's faces.
   */
  searchPersons(argument: _pmr_v1_SearchPersonsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchPersonsResponse__Output>): grpc.ClientUnaryCall;
  searchPersons(argument: _pmr_v1_SearchPersonsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchPersonsResponse__Output>): grpc.ClientUnaryCall;
  searchPersons(argument: _pmr_v1_SearchPersonsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchPersonsResponse__Output>): grpc.ClientUnaryCall;
  searchPersons(argument: _pmr_v1_SearchPersonsRequest, callback: grpc.requestCallback<_pmr_v1_SearchPersonsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Every face of the image, each with its most similar persons and its attributes: the decision a video job
   * makes for a track, made for one image.
   */
  SearchPersonsByImage(argument: _pmr_v1_SearchPersonsByImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchPersonsByImageResponse__Output>): grpc.ClientUnaryCall;
  SearchPersonsByImage(argument: _pmr_v1_SearchPersonsByImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchPersonsByImageResponse__Output>): grpc.ClientUnaryCall;
  SearchPersonsByImage(argument: _pmr_v1_SearchPersonsByImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchPersonsByImageResponse__Output>): grpc.ClientUnaryCall;
  SearchPersonsByImage(argument: _pmr_v1_SearchPersonsByImageRequest, callback: grpc.requestCallback<_pmr_v1_SearchPersonsByImageResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Every face of the image, each with its most similar persons and its attributes: the decision a video job
   * makes for a track, made for one image.
   */
  searchPersonsByImage(argument: _pmr_v1_SearchPersonsByImageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchPersonsByImageResponse__Output>): grpc.ClientUnaryCall;
  searchPersonsByImage(argument: _pmr_v1_SearchPersonsByImageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pmr_v1_SearchPersonsByImageResponse__Output>): grpc.ClientUnaryCall;
  searchPersonsByImage(argument: _pmr_v1_SearchPersonsByImageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pmr_v1_SearchPersonsByImageResponse__Output>): grpc.ClientUnaryCall;
  searchPersonsByImage(argument: _pmr_v1_SearchPersonsByImageRequest, callback: grpc.requestCallback<_pmr_v1_SearchPersonsByImageResponse__Output>): grpc.ClientUnaryCall;
  
}

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
export interface CollectionServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Associates faces with a person. A face belongs to at most one person: a face of another person is
   * answered as unsuccessful. NOT_FOUND for an unknown collection or person.
   */
  AssociateFaces: grpc.handleUnaryCall<_pmr_v1_AssociateFacesRequest__Output, _pmr_v1_AssociateFacesResponse>;
  
  /**
   * Creates an empty collection for the deployment's embedding model. ALREADY_EXISTS when the id is taken.
   */
  CreateCollection: grpc.handleUnaryCall<_pmr_v1_CreateCollectionRequest__Output, _pmr_v1_CreateCollectionResponse>;
  
  /**
   * Creates a person with no faces. ALREADY_EXISTS when the id is taken in the collection.
   */
  CreatePerson: grpc.handleUnaryCall<_pmr_v1_CreatePersonRequest__Output, _pmr_v1_CreatePersonResponse>;
  
  /**
   * Deletes a collection with its faces and persons. NOT_FOUND for an unknown id. Running video jobs that use it
   * keep the persons they started with.
   */
  DeleteCollection: grpc.handleUnaryCall<_pmr_v1_DeleteCollectionRequest__Output, _pmr_v1_DeleteCollectionResponse>;
  
  /**
   * Deletes faces (and their associations). Unknown face ids are answered as unsuccessful, not as an error.
   */
  DeleteFaces: grpc.handleUnaryCall<_pmr_v1_DeleteFacesRequest__Output, _pmr_v1_DeleteFacesResponse>;
  
  /**
   * Deletes a person; its faces stay in the collection, unassociated. NOT_FOUND for an unknown person.
   */
  DeletePerson: grpc.handleUnaryCall<_pmr_v1_DeletePersonRequest__Output, _pmr_v1_DeletePersonResponse>;
  
  /**
   * The collection with its face and person counts. NOT_FOUND for an unknown id.
   */
  DescribeCollection: grpc.handleUnaryCall<_pmr_v1_DescribeCollectionRequest__Output, _pmr_v1_DescribeCollectionResponse>;
  
  /**
   * Removes faces from a person; the faces stay in the collection.
   */
  DisassociateFaces: grpc.handleUnaryCall<_pmr_v1_DisassociateFacesRequest__Output, _pmr_v1_DisassociateFacesResponse>;
  
  /**
   * Detects the faces of an image and adds the usable ones to the collection. With person_id the gallery
   * enrolment rules apply: the image must show one subject, whose face is indexed and associated with the person
   * (created when new); without it every usable face is indexed, up to max_faces, largest first. Faces not
   * indexed are answered with their reasons. FAILED_PRECONDITION when the collection belongs to another embedding
   * model than the recognizers run.
   */
  IndexFaces: grpc.handleUnaryCall<_pmr_v1_IndexFacesRequest__Output, _pmr_v1_IndexFacesResponse>;
  
  /**
   * Every collection, by id.
   */
  ListCollections: grpc.handleUnaryCall<_pmr_v1_ListCollectionsRequest__Output, _pmr_v1_ListCollectionsResponse>;
  
  /**
   * The collection's faces, by face id, optionally only a person's.
   */
  ListFaces: grpc.handleUnaryCall<_pmr_v1_ListFacesRequest__Output, _pmr_v1_ListFacesResponse>;
  
  /**
   * The collection's persons, by id.
   */
  ListPersons: grpc.handleUnaryCall<_pmr_v1_ListPersonsRequest__Output, _pmr_v1_ListPersonsResponse>;
  
  /**
   * The faces of the collection most similar to one of its faces. NOT_FOUND for an unknown face id.
   */
  SearchFaces: grpc.handleUnaryCall<_pmr_v1_SearchFacesRequest__Output, _pmr_v1_SearchFacesResponse>;
  
  /**
   * Every face of the image (not only the largest), each with its most similar faces of the collection and its
   * attributes.
   */
  SearchFacesByImage: grpc.handleUnaryCall<_pmr_v1_SearchFacesByImageRequest__Output, _pmr_v1_SearchFacesByImageResponse>;
  
  /**
   * The persons most similar to a face of the collection, or to a person's faces.
   */
  SearchPersons: grpc.handleUnaryCall<_pmr_v1_SearchPersonsRequest__Output, _pmr_v1_SearchPersonsResponse>;
  
  /**
   * Every face of the image, each with its most similar persons and its attributes: the decision a video job
   * makes for a track, made for one image.
   */
  SearchPersonsByImage: grpc.handleUnaryCall<_pmr_v1_SearchPersonsByImageRequest__Output, _pmr_v1_SearchPersonsByImageResponse>;
  
}

export interface CollectionServiceDefinition extends grpc.ServiceDefinition {
  AssociateFaces: MethodDefinition<_pmr_v1_AssociateFacesRequest, _pmr_v1_AssociateFacesResponse, _pmr_v1_AssociateFacesRequest__Output, _pmr_v1_AssociateFacesResponse__Output>
  CreateCollection: MethodDefinition<_pmr_v1_CreateCollectionRequest, _pmr_v1_CreateCollectionResponse, _pmr_v1_CreateCollectionRequest__Output, _pmr_v1_CreateCollectionResponse__Output>
  CreatePerson: MethodDefinition<_pmr_v1_CreatePersonRequest, _pmr_v1_CreatePersonResponse, _pmr_v1_CreatePersonRequest__Output, _pmr_v1_CreatePersonResponse__Output>
  DeleteCollection: MethodDefinition<_pmr_v1_DeleteCollectionRequest, _pmr_v1_DeleteCollectionResponse, _pmr_v1_DeleteCollectionRequest__Output, _pmr_v1_DeleteCollectionResponse__Output>
  DeleteFaces: MethodDefinition<_pmr_v1_DeleteFacesRequest, _pmr_v1_DeleteFacesResponse, _pmr_v1_DeleteFacesRequest__Output, _pmr_v1_DeleteFacesResponse__Output>
  DeletePerson: MethodDefinition<_pmr_v1_DeletePersonRequest, _pmr_v1_DeletePersonResponse, _pmr_v1_DeletePersonRequest__Output, _pmr_v1_DeletePersonResponse__Output>
  DescribeCollection: MethodDefinition<_pmr_v1_DescribeCollectionRequest, _pmr_v1_DescribeCollectionResponse, _pmr_v1_DescribeCollectionRequest__Output, _pmr_v1_DescribeCollectionResponse__Output>
  DisassociateFaces: MethodDefinition<_pmr_v1_DisassociateFacesRequest, _pmr_v1_DisassociateFacesResponse, _pmr_v1_DisassociateFacesRequest__Output, _pmr_v1_DisassociateFacesResponse__Output>
  IndexFaces: MethodDefinition<_pmr_v1_IndexFacesRequest, _pmr_v1_IndexFacesResponse, _pmr_v1_IndexFacesRequest__Output, _pmr_v1_IndexFacesResponse__Output>
  ListCollections: MethodDefinition<_pmr_v1_ListCollectionsRequest, _pmr_v1_ListCollectionsResponse, _pmr_v1_ListCollectionsRequest__Output, _pmr_v1_ListCollectionsResponse__Output>
  ListFaces: MethodDefinition<_pmr_v1_ListFacesRequest, _pmr_v1_ListFacesResponse, _pmr_v1_ListFacesRequest__Output, _pmr_v1_ListFacesResponse__Output>
  ListPersons: MethodDefinition<_pmr_v1_ListPersonsRequest, _pmr_v1_ListPersonsResponse, _pmr_v1_ListPersonsRequest__Output, _pmr_v1_ListPersonsResponse__Output>
  SearchFaces: MethodDefinition<_pmr_v1_SearchFacesRequest, _pmr_v1_SearchFacesResponse, _pmr_v1_SearchFacesRequest__Output, _pmr_v1_SearchFacesResponse__Output>
  SearchFacesByImage: MethodDefinition<_pmr_v1_SearchFacesByImageRequest, _pmr_v1_SearchFacesByImageResponse, _pmr_v1_SearchFacesByImageRequest__Output, _pmr_v1_SearchFacesByImageResponse__Output>
  SearchPersons: MethodDefinition<_pmr_v1_SearchPersonsRequest, _pmr_v1_SearchPersonsResponse, _pmr_v1_SearchPersonsRequest__Output, _pmr_v1_SearchPersonsResponse__Output>
  SearchPersonsByImage: MethodDefinition<_pmr_v1_SearchPersonsByImageRequest, _pmr_v1_SearchPersonsByImageResponse, _pmr_v1_SearchPersonsByImageRequest__Output, _pmr_v1_SearchPersonsByImageResponse__Output>
}
