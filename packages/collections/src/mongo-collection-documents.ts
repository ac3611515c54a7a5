// The MongoDB collection store's documents and their mapping to and from store records. A face's embedding and
// templates are BSON binary (little-endian float32, vectorsToBytes); its box and quality are documents of numbers (their
// keys are fixed); a collection's tags are JSON text, since their keys are the caller's and FerretDB 1.x refuses a key
// with '.' or a leading '$'. Compound _id keys are built only here, so their fields are always in the same order
// (collection first), as MongoDB compares embedded documents field by field.
import { Binary } from 'mongodb';
import { storedValues, type Box, type FaceQuality } from '@pmr/common';
import { vectorsFromBytes, vectorsToBytes } from './collection-request.ts';
import type { CollectionRecord, FaceRecord, FaceVectors, NewFace, PersonRecord } from './collection-types.ts';

export interface CollectionDocument {
  readonly _id: string;
  readonly embeddingModel: string;
  readonly embeddingDim: number;
  /** JSON text of the tags. */
  readonly tags: string;
  readonly version: number;
  readonly createTime: number;
}

export interface FaceKey {
  readonly collectionId: string;
  readonly faceId: string;
}

export interface FaceDocument {
  readonly _id: FaceKey;
  /** Null when the face is no person's. */
  readonly personId: string | null;
  readonly externalImageId: string;
  readonly imageSha256: string;
  readonly box: Box;
  readonly confidence: number;
  readonly quality: FaceQuality;
  readonly indexTime: number;
  /** One little-endian float32 vector. */
  readonly embedding: Binary;
  /** The templates, one after another, each embeddingDim long. */
  readonly templates: Binary;
}

export interface PersonKey {
  readonly collectionId: string;
  readonly personId: string;
}

export interface PersonDocument {
  readonly _id: PersonKey;
  readonly createTime: number;
}

export const faceKey = (collectionId: string, faceId: string): FaceKey => ({ collectionId, faceId });
export const personKey = (collectionId: string, personId: string): PersonKey => ({ collectionId, personId });

export function faceDocument(
  collectionId: string,
  faceId: string,
  personId: string | null,
  face: NewFace,
  now: number,
): FaceDocument {
  const { box, quality } = face;
  return {
    _id: faceKey(collectionId, faceId),
    personId,
    externalImageId: face.externalImageId,
    imageSha256: face.imageSha256,
    box: { x: box.x, y: box.y, width: box.width, height: box.height },
    confidence: face.confidence,
    quality: {
      score: quality.score,
      detector: quality.detector,
      size: quality.size,
      sharpness: quality.sharpness,
      frontalness: quality.frontalness,
    },
    indexTime: now,
    embedding: new Binary(vectorsToBytes([face.embedding])),
    templates: new Binary(vectorsToBytes(face.templates)),
  };
}

const { corrupt, text, num } = storedValues('collection store document', 'field');

function fields(value: unknown, field: string): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) throw corrupt(field);
  return value as Readonly<Record<string, unknown>>;
}

function bytes(value: unknown, field: string): Uint8Array {
  if (!(value instanceof Binary)) throw corrupt(field);
  return value.value();
}

function personOf(value: unknown): string | null {
  return value === null || value === undefined ? null : text(value, 'personId');
}

/** The collection document with its counts, as a CollectionRecord. */
export function collectionFromDocument(
  doc: CollectionDocument,
  faceCount: number,
  personCount: number,
): CollectionRecord {
  return {
    id: text(doc._id, '_id'),
    embeddingModel: text(doc.embeddingModel, 'embeddingModel'),
    embeddingDim: num(doc.embeddingDim, 'embeddingDim'),
    tags: JSON.parse(text(doc.tags, 'tags')) as Record<string, string>,
    createTime: num(doc.createTime, 'createTime'),
    version: num(doc.version, 'version'),
    faceCount,
    personCount,
  };
}

export function faceFromDocument(document: object): FaceRecord {
  const doc = document as Readonly<Record<string, unknown>>;
  const key = fields(doc['_id'], '_id');
  const box = fields(doc['box'], 'box');
  const quality = fields(doc['quality'], 'quality');
  return {
    faceId: text(key['faceId'], '_id.faceId'),
    collectionId: text(key['collectionId'], '_id.collectionId'),
    personId: personOf(doc['personId']),
    externalImageId: text(doc['externalImageId'], 'externalImageId'),
    imageSha256: text(doc['imageSha256'], 'imageSha256'),
    box: {
      x: num(box['x'], 'box.x'),
      y: num(box['y'], 'box.y'),
      width: num(box['width'], 'box.width'),
      height: num(box['height'], 'box.height'),
    },
    confidence: num(doc['confidence'], 'confidence'),
    quality: {
      score: num(quality['score'], 'quality.score'),
      detector: num(quality['detector'], 'quality.detector'),
      size: num(quality['size'], 'quality.size'),
      sharpness: num(quality['sharpness'], 'quality.sharpness'),
      frontalness: num(quality['frontalness'], 'quality.frontalness'),
    },
    indexTime: num(doc['indexTime'], 'indexTime'),
  };
}

/** A face document (at least _id, personId, embedding and templates) as the vectors a recognizer loads. */
export function vectorsFromDocument(document: object, dim: number): FaceVectors {
  const doc = document as Readonly<Record<string, unknown>>;
  const embedding = vectorsFromBytes(bytes(doc['embedding'], 'embedding'), dim)[0];
  if (embedding === undefined) throw corrupt('embedding');
  return {
    faceId: text(fields(doc['_id'], '_id')['faceId'], '_id.faceId'),
    personId: personOf(doc['personId']),
    embedding,
    templates: vectorsFromBytes(bytes(doc['templates'], 'templates'), dim),
  };
}

export function personFromDocument(doc: PersonDocument, faceCount: number): PersonRecord {
  return {
    personId: text(doc._id.personId, '_id.personId'),
    collectionId: text(doc._id.collectionId, '_id.collectionId'),
    faceCount,
    createTime: num(doc.createTime, 'createTime'),
  };
}
