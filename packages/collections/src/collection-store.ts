// The persistence port of face collections (Rekognition's collections, faces and users): what the orchestrator writes
// when a client indexes faces and what recognizers load to search. The embedded default is SqliteCollectionStore (in
// the job store's file), the deployed one MongoCollectionStore (in the job store's database); openCollectionStore
// picks one for a location, and every adapter passes runCollectionStoreContract.
//
// Errors are PmrError: INVALID_ARGUMENT (a malformed id, tag, vector, number or page token), NOT_FOUND (an unknown
// collection or person), ALREADY_EXISTS (a collection or person id taken), FAILED_PRECONDITION (a face of another
// embedding model or length than the collection's; a closed store). Methods that name a collection throw NOT_FOUND for
// an unknown one, except getCollection, which answers null. A store on a server also throws UNAVAILABLE (the server is
// unreachable, or another writer held the collection too long) and INTERNAL (any other server error).
import type {
  CollectionRecord,
  CreateCollectionInput,
  FaceRecord,
  FacesChange,
  FaceVectors,
  ListFacesInput,
  NewFace,
  Page,
  PageInput,
  PersonRecord,
} from './collection-types.ts';

export interface CollectionStore {
  /** A new, empty collection at version 1. */
  createCollection(input: CreateCollectionInput): Promise<CollectionRecord>;
  /** The collection with its counts, or null. */
  getCollection(collectionId: string): Promise<CollectionRecord | null>;
  /** Collections by id, paginated. */
  listCollections(input?: PageInput): Promise<Page<CollectionRecord>>;
  /** Deletes the collection with its faces and persons; answers how many faces went with it. */
  deleteCollection(collectionId: string): Promise<number>;

  /**
   * Adds faces (all or none) with new ids, in order. With `personId` they are associated with that person, which is
   * created when new. FAILED_PRECONDITION when `embeddingModel` or a vector's length is not the collection's.
   */
  addFaces(
    collectionId: string,
    input: { readonly embeddingModel: string; readonly faces: readonly NewFace[]; readonly personId?: string },
  ): Promise<{ readonly faces: readonly FaceRecord[]; readonly version: number }>;
  /** Faces by id, paginated, optionally only a person's (NOT_FOUND for an unknown person). */
  listFaces(collectionId: string, input?: ListFacesInput): Promise<Page<FaceRecord>>;
  /** The faces with these ids that exist, in the order asked. */
  getFaces(collectionId: string, faceIds: readonly string[]): Promise<FaceRecord[]>;
  /** Deletes the faces that exist; the others are unsuccessful ("no such face"). */
  deleteFaces(collectionId: string, faceIds: readonly string[]): Promise<FacesChange>;

  /** A new person with no faces. */
  createPerson(collectionId: string, personId: string): Promise<PersonRecord>;
  /** The person with its face count, or null (NOT_FOUND only for an unknown collection). */
  getPerson(collectionId: string, personId: string): Promise<PersonRecord | null>;
  /** Persons by id, paginated. */
  listPersons(collectionId: string, input?: PageInput): Promise<Page<PersonRecord>>;
  /** Deletes a person; its faces stay, unassociated. Answers how many faces it had. */
  deletePerson(collectionId: string, personId: string): Promise<{ readonly faces: number; readonly version: number }>;
  /**
   * Associates faces with the person. A face already the person's counts as done; an unknown face or one of another
   * person is unsuccessful.
   */
  associateFaces(collectionId: string, personId: string, faceIds: readonly string[]): Promise<FacesChange>;
  /** Removes faces from the person; a face that is not the person's is unsuccessful. */
  disassociateFaces(collectionId: string, personId: string, faceIds: readonly string[]): Promise<FacesChange>;

  /**
   * The vectors of every face of the collection, at most `pageSize` a page, in no particular order: what a recognizer
   * loading the collection reads, in one pass over the store. NOT_FOUND (from the first page) for an unknown
   * collection. A face added or changed meanwhile may be missed or read twice: a reader catches up by the version.
   */
  faceVectorPages(collectionId: string, pageSize: number): AsyncIterable<readonly FaceVectors[]>;
  /** The vectors of the faces with these ids that exist, in the order asked. */
  vectorsOf(collectionId: string, faceIds: readonly string[]): Promise<FaceVectors[]>;

  /** Releases the store; further calls fail. Closing twice is harmless. */
  close(): Promise<void>;
}
