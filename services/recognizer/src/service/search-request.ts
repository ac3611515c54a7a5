// SearchGallery: validate the request against the named gallery, then rank the gallery's persons for each query
// (cosine, the gallery's default person scoring). Pure apart from reading the store.
import { invalidArgument, notFound } from '@pmr/common';
import { searchGallery } from '../gallery.ts';
import type { SearchGalleryRequest__Output, SearchGalleryResponse } from './common-bridge.ts';
import type { GalleryStore } from './gallery-store.ts';

/** Most queries one request may carry. */
export const MAX_QUERIES = 256;
/** Most matches returned per query. */
export const MAX_MATCHES = 100;

function checkQuery(values: readonly number[], index: number, galleryId: string, dim: number): Float32Array {
  const field = `queries[${index}]`;
  if (values.length !== dim)
    throw invalidArgument(`${field} has ${values.length} values; gallery "${galleryId}" holds ${dim}-value embeddings`);
  let sumSquares = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) throw invalidArgument(`${field} holds a value that is not a finite number`);
    sumSquares += v * v;
  }
  if (sumSquares === 0) throw invalidArgument(`${field} is the zero vector; an embedding has unit length`);
  return Float32Array.from(values);
}

/** @throws PmrError INVALID_ARGUMENT for a malformed request, NOT_FOUND for an unknown gallery. */
export function searchGalleries(store: GalleryStore, request: SearchGalleryRequest__Output): SearchGalleryResponse {
  const id = request.galleryId;
  if (id === '') throw invalidArgument('gallery_id is required');
  const gallery = store.get(id);
  if (gallery === undefined) {
    const served = store.ids();
    throw notFound(
      `gallery "${id}" not found; this recognizer serves ${served.length === 0 ? 'no gallery' : served.map((s) => `"${s}"`).join(', ')}`,
    );
  }
  const maxMatches = request.maxMatches === 0 ? 1 : request.maxMatches;
  if (maxMatches > MAX_MATCHES)
    throw invalidArgument(`max_matches must be from 1 to ${MAX_MATCHES} (0: 1), got ${request.maxMatches}`);
  if (request.queries.length === 0) throw invalidArgument(`queries is empty; send 1 to ${MAX_QUERIES} embeddings`);
  if (request.queries.length > MAX_QUERIES)
    throw invalidArgument(`queries holds ${request.queries.length} embeddings; at most ${MAX_QUERIES} per request`);
  const queries = request.queries.map((q, i) => checkQuery(q.values, i, id, gallery.dim));
  return { results: queries.map((q) => ({ matches: searchGallery(gallery, q, { topK: maxMatches }) })) };
}
