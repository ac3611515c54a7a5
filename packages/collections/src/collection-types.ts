// The records of face collections: collections, their faces (with embeddings) and persons. Plain data.
import type { Box, FaceQuality, Page } from '@pmr/common';

export interface CollectionRecord {
  readonly id: string;
  /** The embedding model every face was indexed with. */
  readonly embeddingModel: string;
  readonly embeddingDim: number;
  readonly tags: Readonly<Record<string, string>>;
  /** Epoch ms. */
  readonly createTime: number;
  /** Bumped by every change to the collection, its faces or persons (1 when created). */
  readonly version: number;
  readonly faceCount: number;
  readonly personCount: number;
}

export interface CreateCollectionInput {
  readonly id: string;
  readonly embeddingModel: string;
  readonly embeddingDim: number;
  readonly tags?: Readonly<Record<string, string>>;
}

/** A face as indexed, without its vectors. */
export interface FaceRecord {
  readonly faceId: string;
  readonly collectionId: string;
  /** The person it is associated with, or null. */
  readonly personId: string | null;
  readonly externalImageId: string;
  /** Lower-case hex SHA-256 of the image it came from. */
  readonly imageSha256: string;
  /** In the pixels of that image. */
  readonly box: Box;
  readonly confidence: number;
  readonly quality: FaceQuality;
  /** Epoch ms. */
  readonly indexTime: number;
}

/** What a recognizer searches with: a face's own embedding and the templates a person made of it is scored on. */
export interface FaceVectors {
  readonly faceId: string;
  readonly personId: string | null;
  /** Unit-length embedding of the face's chip. */
  readonly embedding: Float32Array;
  /** Unit-length embeddings of the chip and its augmentations, in order (the first is `embedding`). */
  readonly templates: readonly Float32Array[];
}

/** A face to add: everything but the id and the time, which the store gives. */
export interface NewFace {
  readonly externalImageId: string;
  readonly imageSha256: string;
  readonly box: Box;
  readonly confidence: number;
  readonly quality: FaceQuality;
  readonly embedding: Float32Array;
  readonly templates: readonly Float32Array[];
}

export interface PersonRecord {
  readonly personId: string;
  readonly collectionId: string;
  readonly faceCount: number;
  /** Epoch ms. */
  readonly createTime: number;
}

export interface PageInput {
  /** 1 to 1000; absent or 0: 100. */
  readonly pageSize?: number;
  /** nextPageToken of the previous page of the same call and collection. */
  readonly pageToken?: string;
}

export interface ListFacesInput extends PageInput {
  /** Only this person's faces. */
  readonly personId?: string;
}

/** A face id a change could not apply to, and why. */
export interface UnsuccessfulFace {
  readonly faceId: string;
  readonly reason: string;
}

/** What a change to faces did. */
export interface FacesChange {
  /** The faces it applied to, in the order asked. */
  readonly done: readonly string[];
  readonly unsuccessful: readonly UnsuccessfulFace[];
  /** The collection's version after the change (unchanged when nothing applied). */
  readonly version: number;
}

export type { Page };
