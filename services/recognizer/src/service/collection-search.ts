// RecognizerService.SearchCollection: a request checked whole, then answered from the recognizer's copy of the
// collection (collection-copies.ts).
import { failedPrecondition, invalidArgument, quote } from '@pmr/common';
import type { SearchCollectionRequest__Output } from '@pmr/common/proto/generated/pmr/v1/SearchCollectionRequest.ts';
import type { SearchCollectionResponse } from '@pmr/common/proto/generated/pmr/v1/SearchCollectionResponse.ts';
import type { CollectionCopies } from './collection-copies.ts';

const MAX_QUERIES = 256;
const MAX_RESULTS = 4096;

/** @throws PmrError INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION (no store configured, another model) */
export async function searchCollection(
  copies: CollectionCopies | undefined,
  request: SearchCollectionRequest__Output,
  model: string,
): Promise<SearchCollectionResponse> {
  if (copies === undefined)
    throw failedPrecondition('this recognizer has no collection store: start it with PMR_STORE_PATH');
  const { collectionId, queries, target, maxResults, minSimilarity } = request;
  if (collectionId === '') throw invalidArgument('collection_id is required');
  if (queries.length === 0 || queries.length > MAX_QUERIES)
    throw invalidArgument(`queries: give 1 to ${MAX_QUERIES}, got ${queries.length}`);
  if (target !== 'SEARCH_TARGET_FACES' && target !== 'SEARCH_TARGET_PERSONS')
    throw invalidArgument(`target must be SEARCH_TARGET_FACES or SEARCH_TARGET_PERSONS, got ${quote(String(target))}`);
  if (!(Number.isInteger(maxResults) && maxResults >= 1 && maxResults <= MAX_RESULTS))
    throw invalidArgument(`max_results must be 1 to ${MAX_RESULTS}, got ${maxResults}`);
  if (!(minSimilarity >= -1 && minSimilarity <= 1))
    throw invalidArgument(`min_similarity must be in [-1, 1], got ${minSimilarity}`);
  const copy = await copies.get(collectionId);
  if (copy.model !== model) {
    throw failedPrecondition(
      `collection ${quote(collectionId)} holds embeddings of ${quote(copy.model)}; this recognizer runs ${quote(model)}: re-index the collection with it`,
    );
  }
  const vectors = queries.map((q, i) => {
    if (q.values.length !== copy.dim)
      throw invalidArgument(
        `queries[${i}] has ${q.values.length} values; the collection's embeddings have ${copy.dim}`,
      );
    return Float32Array.from(q.values);
  });
  const results =
    target === 'SEARCH_TARGET_FACES'
      ? copy
          .searchFaces(vectors, maxResults, minSimilarity)
          .map((hits) => ({ hits: hits.map((h) => ({ id: h.faceId, similarity: h.similarity })) }))
      : copy
          .searchPersons(vectors, maxResults, minSimilarity)
          .map((hits) => ({ hits: hits.map((h) => ({ id: h.personId, similarity: h.similarity })) }));
  return { results, version: String(copy.version) };
}
