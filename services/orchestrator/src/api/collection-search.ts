// The search calls of pmr.v1.CollectionService. The vectors are searched by the recognizers (CollectionSearch, over
// their in-memory copies of each collection); the faces and persons matched are then read from the store.
import { invalidArgument, notFound, quote } from '@pmr/common';
import type { CollectionServiceHandlers } from '@pmr/common/proto/generated/pmr/v1/CollectionService.ts';
import type { ImageSource__Output } from '@pmr/common/proto/generated/pmr/v1/ImageSource.ts';
import type { FaceMatch } from '@pmr/common/proto/generated/pmr/v1/FaceMatch.ts';
import type { PersonMatch } from '@pmr/common/proto/generated/pmr/v1/PersonMatch.ts';
import { weightedMeanDirection } from '@pmr/recognizer';
import type { CollectionStore } from '@pmr/collections';
import type { UploadSink } from '../job-runner.ts';
import { describeFaces, findFaces, type FaceStages } from '../images/image-faces.ts';
import { receiveImage } from '../images/received-image.ts';
import type { StageClients } from '../pipeline/stage-clients.ts';
import type { Answerer } from './answer.ts';
import { faceToProto, personToProto, requireCollection } from './collection-proto.ts';
import { maxFacesOf, similarityThresholdOf } from './image-handlers.ts';

export interface FaceHit {
  readonly faceId: string;
  readonly similarity: number;
}

export interface PersonHit {
  readonly personId: string;
  readonly similarity: number;
}

/** Searches over a collection's vectors; any recognizer answers the same. */
export interface CollectionSearch {
  /** For each query, the faces at least `minSimilarity` similar, best first, at most `limit`. */
  searchFaces(
    collectionId: string,
    queries: readonly Float32Array[],
    limit: number,
    minSimilarity: number,
  ): Promise<FaceHit[][]>;
  /** For each query, the persons (by the mean direction of their faces' templates) as searchFaces ranks faces. */
  searchPersons(
    collectionId: string,
    queries: readonly Float32Array[],
    limit: number,
    minSimilarity: number,
  ): Promise<PersonHit[][]>;
}

/** CollectionSearch on the recognizers' SearchCollection. */
export function recognizerSearch(stages: Pick<StageClients, 'searchCollection'>): CollectionSearch {
  return {
    searchFaces: async (collectionId, queries, limit, minSimilarity) =>
      (await stages.searchCollection({ collectionId, queries, target: 'faces', limit, minSimilarity })).map((hits) =>
        hits.map((h) => ({ faceId: h.id, similarity: h.similarity })),
      ),
    searchPersons: async (collectionId, queries, limit, minSimilarity) =>
      (await stages.searchCollection({ collectionId, queries, target: 'persons', limit, minSimilarity })).map((hits) =>
        hits.map((h) => ({ personId: h.id, similarity: h.similarity })),
      ),
  };
}

const DEFAULT_MATCHES = 10;

/** A call's most matches: 1 to `max`, 0 for DEFAULT_MATCHES. @throws PmrError INVALID_ARGUMENT */
function limitOf(value: number, max: number, field: string): number {
  if (value === 0) return DEFAULT_MATCHES;
  if (!(Number.isInteger(value) && value >= 1 && value <= max))
    throw invalidArgument(`${field} must be 1 to ${max} (0: ${DEFAULT_MATCHES}), got ${value}`);
  return value;
}

async function faceMatches(
  store: CollectionStore,
  collectionId: string,
  hits: readonly FaceHit[],
): Promise<FaceMatch[]> {
  const faces = new Map(
    (
      await store.getFaces(
        collectionId,
        hits.map((h) => h.faceId),
      )
    ).map((f) => [f.faceId, f]),
  );
  // A face deleted since the recognizer's copy was made is left out.
  return hits.flatMap((h) => {
    const face = faces.get(h.faceId);
    return face === undefined ? [] : [{ face: faceToProto(face), similarity: h.similarity }];
  });
}

async function personMatches(
  store: CollectionStore,
  collectionId: string,
  hits: readonly PersonHit[],
): Promise<PersonMatch[]> {
  const out: PersonMatch[] = [];
  for (const h of hits) {
    const person = await store.getPerson(collectionId, h.personId);
    if (person !== null) out.push({ person: personToProto(person), similarity: h.similarity });
  }
  return out;
}

/** The unit-length embedding of a face of the collection. @throws PmrError NOT_FOUND */
async function faceEmbedding(store: CollectionStore, collectionId: string, faceId: string): Promise<Float32Array> {
  if (faceId === '') throw invalidArgument('face_id is required');
  const [vectors] = await store.vectorsOf(collectionId, [faceId]);
  if (vectors === undefined) throw notFound(`no face ${quote(faceId)} in collection ${quote(collectionId)}`);
  return vectors.embedding;
}

/** The mean direction of every template of a person's faces. @throws PmrError NOT_FOUND, FAILED_PRECONDITION */
async function personDirection(store: CollectionStore, collectionId: string, personId: string): Promise<Float32Array> {
  const ids: string[] = [];
  let pageToken = '';
  do {
    const page = await store.listFaces(collectionId, { personId, pageSize: 1000, pageToken });
    ids.push(...page.items.map((f) => f.faceId));
    pageToken = page.nextPageToken;
  } while (pageToken !== '');
  const templates = (await store.vectorsOf(collectionId, ids)).flatMap((v) => v.templates);
  if (templates.length === 0) throw invalidArgument(`person ${quote(personId)} has no faces to search with`);
  return weightedMeanDirection(templates);
}

type SearchHandlers = Pick<
  CollectionServiceHandlers,
  'SearchFaces' | 'SearchFacesByImage' | 'SearchPersons' | 'SearchPersonsByImage'
>;

/** What the search calls use. */
export interface SearchDeps {
  readonly store: CollectionStore;
  readonly search: CollectionSearch;
  readonly stages: FaceStages;
  readonly uploads: UploadSink;
  /** The similarity a match needs when a call leaves its threshold unset (the video jobs' match threshold). */
  readonly matchThreshold: number;
}

export function searchHandlers(deps: SearchDeps, answer: Answerer['answer']): SearchHandlers {
  const { store, search, stages } = deps;
  const threshold = (value: number | undefined, field: string): number =>
    similarityThresholdOf(value, deps.matchThreshold, field);
  const collectionOf = async (collectionId: string): Promise<string> =>
    (await requireCollection(store, collectionId)).id;
  /** The image's faces (up to max_query_faces, largest first), described, each searched with `searchWith`. */
  const searchImage = async <H>(
    r: { collectionId: string; image: ImageSource__Output | null; maxQueryFaces: number },
    searchWith: (collectionId: string, queries: Float32Array[]) => Promise<H[][]>,
  ) => {
    const maxQueryFaces = maxFacesOf(r.maxQueryFaces, 'max_query_faces');
    const collectionId = await collectionOf(r.collectionId);
    const received = await receiveImage(r.image, 'image', deps.uploads);
    const faces = await describeFaces(stages, (await findFaces(stages, received)).slice(0, maxQueryFaces));
    const hits = await searchWith(
      collectionId,
      faces.map((f) => f.embedding),
    );
    return { collectionId, faces, hits, imageSize: received.size };
  };
  return {
    SearchFaces(call, callback) {
      answer('SearchFaces', callback, async () => {
        const r = call.request;
        const limit = limitOf(r.maxFaces, 4096, 'max_faces');
        const min = threshold(r.faceMatchThreshold, 'face_match_threshold');
        const collectionId = await collectionOf(r.collectionId);
        const query = await faceEmbedding(store, collectionId, r.faceId);
        const [hits] = await search.searchFaces(collectionId, [query], limit + 1, min);
        const others = (hits ?? []).filter((h) => h.faceId !== r.faceId).slice(0, limit);
        return { faceMatches: await faceMatches(store, collectionId, others) };
      });
    },
    SearchFacesByImage(call, callback) {
      answer('SearchFacesByImage', callback, async () => {
        const r = call.request;
        const limit = limitOf(r.maxFaces, 4096, 'max_faces');
        const min = threshold(r.faceMatchThreshold, 'face_match_threshold');
        const { collectionId, faces, hits, imageSize } = await searchImage(r, (id, queries) =>
          search.searchFaces(id, queries, limit, min),
        );
        const out = [];
        for (const [i, f] of faces.entries())
          out.push({ detail: f.detail, faceMatches: await faceMatches(store, collectionId, hits[i] ?? []) });
        return { faces: out, imageSize };
      });
    },
    SearchPersons(call, callback) {
      answer('SearchPersons', callback, async () => {
        const r = call.request;
        const limit = limitOf(r.maxPersons, 500, 'max_persons');
        const min = threshold(r.personMatchThreshold, 'person_match_threshold');
        const collectionId = await collectionOf(r.collectionId);
        let query: Float32Array;
        let self = '';
        if (r.query === 'faceId' && r.faceId !== undefined) query = await faceEmbedding(store, collectionId, r.faceId);
        else if (r.query === 'personId' && r.personId !== undefined) {
          if ((await store.getPerson(collectionId, r.personId)) === null)
            throw notFound(`no person ${quote(r.personId)} in collection ${quote(collectionId)}`);
          query = await personDirection(store, collectionId, r.personId);
          self = r.personId;
        } else throw invalidArgument('set face_id or person_id to search with');
        const [hits] = await search.searchPersons(collectionId, [query], limit + 1, min);
        const others = (hits ?? []).filter((h) => h.personId !== self).slice(0, limit);
        return { personMatches: await personMatches(store, collectionId, others) };
      });
    },
    SearchPersonsByImage(call, callback) {
      answer('SearchPersonsByImage', callback, async () => {
        const r = call.request;
        const limit = limitOf(r.maxPersons, 500, 'max_persons');
        const min = threshold(r.personMatchThreshold, 'person_match_threshold');
        const { collectionId, faces, hits, imageSize } = await searchImage(r, (id, queries) =>
          search.searchPersons(id, queries, limit, min),
        );
        const out = [];
        for (const [i, f] of faces.entries())
          out.push({ detail: f.detail, personMatches: await personMatches(store, collectionId, hits[i] ?? []) });
        return { faces: out, imageSize };
      });
    },
  };
}
