// Mappings from the collection store's records to pmr.v1 messages, and the lookup every collection call starts with.
import { invalidArgument, notFound, quote } from '@pmr/common';
import type { Collection } from '@pmr/common/proto/generated/pmr/v1/Collection.ts';
import type { Face } from '@pmr/common/proto/generated/pmr/v1/Face.ts';
import type { Person } from '@pmr/common/proto/generated/pmr/v1/Person.ts';
import type { CollectionRecord, CollectionStore, FaceRecord, PersonRecord } from '@pmr/collections';
import { timestampFromMillis } from './job-proto.ts';

export function collectionToProto(c: CollectionRecord): Collection {
  return {
    collectionId: c.id,
    faceCount: String(c.faceCount),
    personCount: String(c.personCount),
    embeddingModel: c.embeddingModel,
    embeddingDim: c.embeddingDim,
    createTime: timestampFromMillis(c.createTime),
    tags: { ...c.tags },
  };
}

export function faceToProto(f: FaceRecord): Face {
  return {
    faceId: f.faceId,
    personId: f.personId ?? '',
    externalImageId: f.externalImageId,
    imageSha256: f.imageSha256,
    box: { ...f.box },
    confidence: f.confidence,
    quality: { ...f.quality },
    indexTime: timestampFromMillis(f.indexTime),
  };
}

export function personToProto(p: PersonRecord): Person {
  return { personId: p.personId, faceCount: p.faceCount, createTime: timestampFromMillis(p.createTime) };
}

/** The collection, or NOT_FOUND. */
export async function requireCollection(store: CollectionStore, collectionId: string): Promise<CollectionRecord> {
  if (collectionId === '') throw invalidArgument('collection_id is required');
  const collection = await store.getCollection(collectionId);
  if (collection === null) throw notFound(`no collection ${quote(collectionId)}`);
  return collection;
}
