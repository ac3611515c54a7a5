// The reads of the MongoDB collection store: collections, faces and persons with their counts (count queries on the
// indexes of mongo-collection-schema.ts), pages continued after the last key (never skip()), the vectors recognizers
// load, and the faces a change names. Every function that names a collection throws NOT_FOUND for an unknown one.
import type { Filter } from 'mongodb';
import { pageSizeOf } from '@pmr/common';
import { collectionNotFound, personNotFound } from './collection-errors.ts';
import { decodeCursor, encodeCursor, pageOf } from './collection-request.ts';
import type {
  CollectionRecord,
  FaceRecord,
  FaceVectors,
  ListFacesInput,
  Page,
  PageInput,
  PersonRecord,
  UnsuccessfulFace,
} from './collection-types.ts';
import {
  collectionFromDocument,
  faceFromDocument,
  personFromDocument,
  personKey,
  vectorsFromDocument,
} from './mongo-collection-documents.ts';
import type { CollectionDocument, FaceDocument, PersonDocument } from './mongo-collection-documents.ts';
import type { CollectionCollections } from './mongo-collection-schema.ts';

/** The fields of a face document a record needs (all but the vectors). */
const FACE_FIELDS = { embedding: 0, templates: 0 } as const;
/** The fields of a face document its vectors need. */
const VECTOR_FIELDS = { personId: 1, embedding: 1, templates: 1 } as const;

/** The collection's faces with these ids. */
export function facesIn(collectionId: string, faceIds: readonly string[]): Filter<FaceDocument> {
  return { '_id.collectionId': collectionId, '_id.faceId': { $in: [...faceIds] } };
}

export async function readCollection(c: CollectionCollections, collectionId: string): Promise<CollectionDocument> {
  const doc = await c.collections.findOne({ _id: collectionId });
  if (doc === null) throw collectionNotFound(collectionId);
  return doc;
}

async function withCounts(c: CollectionCollections, doc: CollectionDocument): Promise<CollectionRecord> {
  const [faces, persons] = await Promise.all([
    c.faces.countDocuments({ '_id.collectionId': doc._id }),
    c.persons.countDocuments({ '_id.collectionId': doc._id }),
  ]);
  return collectionFromDocument(doc, faces, persons);
}

export async function getCollection(c: CollectionCollections, collectionId: string): Promise<CollectionRecord | null> {
  const doc = await c.collections.findOne({ _id: collectionId });
  return doc === null ? null : withCounts(c, doc);
}

export async function listCollections(c: CollectionCollections, input: PageInput): Promise<Page<CollectionRecord>> {
  const limit = pageSizeOf(input);
  const after = decodeCursor(input.pageToken, 'ListCollections', '');
  const docs = await c.collections
    .find({ _id: { $gt: after } })
    .sort({ _id: 1 })
    .limit(limit + 1)
    .toArray();
  const rows = await Promise.all(docs.map((d) => withCounts(c, d)));
  return pageOf(rows, limit, (r) => encodeCursor('ListCollections', '', r.id));
}

async function withFaceCount(c: CollectionCollections, doc: PersonDocument): Promise<PersonRecord> {
  const faces = await c.faces.countDocuments({ '_id.collectionId': doc._id.collectionId, personId: doc._id.personId });
  return personFromDocument(doc, faces);
}

/** The person with its face count. @throws PmrError NOT_FOUND */
export async function readPerson(
  c: CollectionCollections,
  collectionId: string,
  personId: string,
): Promise<PersonRecord> {
  const doc = await c.persons.findOne({ _id: personKey(collectionId, personId) });
  if (doc === null) throw personNotFound(collectionId, personId);
  return withFaceCount(c, doc);
}

export async function getPerson(
  c: CollectionCollections,
  collectionId: string,
  personId: string,
): Promise<PersonRecord | null> {
  await readCollection(c, collectionId);
  const doc = await c.persons.findOne({ _id: personKey(collectionId, personId) });
  return doc === null ? null : withFaceCount(c, doc);
}

export async function listPersons(
  c: CollectionCollections,
  collectionId: string,
  input: PageInput,
): Promise<Page<PersonRecord>> {
  await readCollection(c, collectionId);
  const limit = pageSizeOf(input);
  const after = decodeCursor(input.pageToken, 'ListPersons', collectionId);
  const docs = await c.persons
    .find({ '_id.collectionId': collectionId, '_id.personId': { $gt: after } })
    .sort({ '_id.collectionId': 1, '_id.personId': 1 })
    .limit(limit + 1)
    .toArray();
  const rows = await Promise.all(docs.map((d) => withFaceCount(c, d)));
  return pageOf(rows, limit, (p) => encodeCursor('ListPersons', collectionId, p.personId));
}

export async function listFaces(
  c: CollectionCollections,
  collectionId: string,
  input: ListFacesInput,
): Promise<Page<FaceRecord>> {
  await readCollection(c, collectionId);
  const limit = pageSizeOf(input);
  const person = input.personId;
  const scope = `${collectionId}/${person ?? ''}`;
  const after = decodeCursor(input.pageToken, 'ListFaces', scope);
  if (person !== undefined) await readPerson(c, collectionId, person);
  const docs = await c.faces
    .find(
      {
        '_id.collectionId': collectionId,
        ...(person !== undefined && { personId: person }),
        '_id.faceId': { $gt: after },
      },
      { projection: FACE_FIELDS },
    )
    .sort({ '_id.collectionId': 1, '_id.faceId': 1 })
    .limit(limit + 1)
    .toArray();
  return pageOf(docs.map(faceFromDocument), limit, (f) => encodeCursor('ListFaces', scope, f.faceId));
}

/** The documents of the faces with these ids that exist, by face id. */
async function facesById(
  c: CollectionCollections,
  collectionId: string,
  faceIds: readonly string[],
  projection: Readonly<Record<string, 0 | 1>>,
): Promise<Map<string, FaceDocument>> {
  const docs = await c.faces.find(facesIn(collectionId, [...new Set(faceIds)]), { projection }).toArray();
  return new Map(docs.map((d) => [d._id.faceId, d]));
}

export async function getFaces(
  c: CollectionCollections,
  collectionId: string,
  faceIds: readonly string[],
): Promise<FaceRecord[]> {
  await readCollection(c, collectionId);
  const found = await facesById(c, collectionId, faceIds, FACE_FIELDS);
  return faceIds.flatMap((id) => {
    const doc = found.get(id);
    return doc === undefined ? [] : [faceFromDocument(doc)];
  });
}

/**
 * Every face's vectors, `pageSize` a page, from one cursor over the collection's faces in the order the server finds
 * them: no sort, so a server that cannot sort by the index (FerretDB 1.x sorts every page in memory) still reads the
 * collection in one pass.
 */
export async function* faceVectorPages(
  c: CollectionCollections,
  collectionId: string,
  pageSize: number,
): AsyncGenerator<FaceVectors[]> {
  const { embeddingDim } = await readCollection(c, collectionId);
  const cursor = c.faces
    .find({ '_id.collectionId': collectionId }, { projection: VECTOR_FIELDS })
    .batchSize(Math.max(1, pageSize));
  try {
    let page: FaceVectors[] = [];
    for await (const doc of cursor) {
      page.push(vectorsFromDocument(doc, embeddingDim));
      if (page.length >= pageSize) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  } finally {
    await cursor.close();
  }
}

export async function vectorsOf(
  c: CollectionCollections,
  collectionId: string,
  faceIds: readonly string[],
): Promise<FaceVectors[]> {
  const { embeddingDim } = await readCollection(c, collectionId);
  const found = await facesById(c, collectionId, faceIds, VECTOR_FIELDS);
  return faceIds.flatMap((id) => {
    const doc = found.get(id);
    return doc === undefined ? [] : [vectorsFromDocument(doc, embeddingDim)];
  });
}

/**
 * Which of the faces named (each once, in the order asked) a change applies to: `reasonFor` answers null for a face
 * it applies to, else why not (the face is undefined when the collection has no such face).
 */
export async function facesToChange(
  c: CollectionCollections,
  collectionId: string,
  faceIds: readonly string[],
  reasonFor: (face: Pick<FaceDocument, 'personId'> | undefined) => string | null,
): Promise<{ done: string[]; unsuccessful: UnsuccessfulFace[] }> {
  const found = await facesById(c, collectionId, faceIds, { personId: 1 });
  const done: string[] = [];
  const unsuccessful: UnsuccessfulFace[] = [];
  for (const faceId of new Set(faceIds)) {
    const reason = reasonFor(found.get(faceId));
    if (reason === null) done.push(faceId);
    else unsuccessful.push({ faceId, reason });
  }
  return { done, unsuccessful };
}
