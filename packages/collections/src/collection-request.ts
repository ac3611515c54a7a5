// Pure checks and encodings shared by every CollectionStore adapter: ids, vectors, page cursors, and the byte form
// of vectors (little-endian float32, as a BLOB in SQLite and BSON binary in MongoDB).
import { failedPrecondition, invalidArgument, quote } from '@pmr/common';
import type { NewFace, Page } from './collection-types.ts';

/** Collection and person ids: 1 to 128 characters from [A-Za-z0-9_.-]. */
const ID = /^[A-Za-z0-9_.-]{1,128}$/;
export const MAX_EXTERNAL_IMAGE_ID_CHARS = 255;
/** Most face ids one change names. */
export const MAX_FACE_IDS = 4096;

/** @throws PmrError INVALID_ARGUMENT */
export function checkId(what: 'collection id' | 'person id', id: string): void {
  if (!ID.test(id)) throw invalidArgument(`${what} ${quote(id)} must have 1 to 128 characters from A-Z a-z 0-9 _ . -`);
}

/** @throws PmrError INVALID_ARGUMENT for an empty list, too many ids or an empty id */
export function checkFaceIds(faceIds: readonly string[]): void {
  if (faceIds.length === 0) throw invalidArgument('face ids: give at least one');
  if (faceIds.length > MAX_FACE_IDS) throw invalidArgument(`face ids: at most ${MAX_FACE_IDS}, got ${faceIds.length}`);
  if (faceIds.some((id) => id.length === 0 || id.length > 128))
    throw invalidArgument('face ids must have 1 to 128 characters');
}

/** @throws PmrError INVALID_ARGUMENT for a bad model name or dimension */
export function checkEmbeddingModel(model: string, dim: number): void {
  if (model.length === 0 || model.length > 128)
    throw invalidArgument('the embedding model needs a name of 1 to 128 characters');
  if (!(Number.isInteger(dim) && dim >= 1 && dim <= 4096))
    throw invalidArgument(`the embedding length must be 1 to 4096, got ${dim}`);
}

function checkVector(v: Float32Array, dim: number, field: string): void {
  if (v.length !== dim)
    throw failedPrecondition(`${field} has ${v.length} values; the collection's embeddings have ${dim}`);
  for (const x of v) if (!Number.isFinite(x)) throw invalidArgument(`${field} holds a value that is not finite`);
}

/** Every number of a face's box, confidence and quality must be finite (a store would keep NaN as null, or worse). */
function checkNumbers(face: NewFace, field: string): void {
  const { box, quality } = face;
  const numbers: Record<string, unknown> = {
    'box.x': box.x,
    'box.y': box.y,
    'box.width': box.width,
    'box.height': box.height,
    confidence: face.confidence,
    'quality.score': quality.score,
    'quality.detector': quality.detector,
    'quality.size': quality.size,
    'quality.sharpness': quality.sharpness,
    'quality.frontalness': quality.frontalness,
  };
  for (const [name, value] of Object.entries(numbers))
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw invalidArgument(`${field}.${name} must be a finite number`);
}

/**
 * A face fit for a collection of `dim`-long embeddings of `model`.
 * @throws PmrError FAILED_PRECONDITION for another model or length, INVALID_ARGUMENT otherwise
 */
export function checkNewFace(face: NewFace, i: number, model: string, dim: number, faceModel: string): void {
  if (faceModel !== model) {
    throw failedPrecondition(
      `the faces were embedded with ${quote(faceModel)}, the collection holds ${quote(model)} embeddings: search and index with one model`,
    );
  }
  const field = `faces[${i}]`;
  checkVector(face.embedding, dim, `${field}.embedding`);
  if (face.templates.length === 0) throw invalidArgument(`${field} needs at least one template`);
  face.templates.forEach((t, k) => checkVector(t, dim, `${field}.templates[${k}]`));
  if (face.externalImageId.length > MAX_EXTERNAL_IMAGE_ID_CHARS)
    throw invalidArgument(`${field}: the external image id has more than ${MAX_EXTERNAL_IMAGE_ID_CHARS} characters`);
  if (!/^[0-9a-f]{64}$/.test(face.imageSha256)) throw invalidArgument(`${field}: imageSha256 must be 64 hex digits`);
  checkNumbers(face, field);
}

/** Vectors as one little-endian float32 byte string. */
export function vectorsToBytes(vectors: readonly Float32Array[]): Uint8Array {
  const dim = vectors[0]?.length ?? 0;
  const out = new Float32Array(vectors.length * dim);
  vectors.forEach((v, i) => out.set(v, i * dim));
  return new Uint8Array(out.buffer);
}

/** The inverse of vectorsToBytes, each vector `dim` long (copies: the result owns its memory). */
export function vectorsFromBytes(bytes: Uint8Array, dim: number): Float32Array[] {
  const all = new Float32Array(bytes.byteLength / 4);
  new Uint8Array(all.buffer).set(bytes);
  const out: Float32Array[] = [];
  for (let i = 0; i < all.length; i += dim) out.push(all.subarray(i, i + dim));
  return out;
}

/** A page token for a list call over a scope (e.g. one collection), after `key`. */
export function encodeCursor(call: string, scope: string, key: string): string {
  return Buffer.from(JSON.stringify({ c: call, s: scope, k: key })).toString('base64url');
}

/** The key after which the page starts ('' for the first page). INVALID_ARGUMENT for a token of another call or scope. */
export function decodeCursor(token: string | undefined, call: string, scope: string): string {
  if (token === undefined || token === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (cause) {
    throw invalidArgument('page token is malformed: pass the next_page_token of the previous page unchanged', cause);
  }
  const { c, s, k } = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  if (typeof c !== 'string' || typeof s !== 'string' || typeof k !== 'string')
    throw invalidArgument('page token is malformed: pass the next_page_token of the previous page unchanged');
  if (c !== call || s !== scope)
    throw invalidArgument(`page token was made for another call or collection; it fits ${c} on ${quote(s)}`);
  return k;
}

/** A page of `limit` from `rows` (fetched with one more, to know whether a next page exists). */
export function pageOf<T>(rows: readonly T[], limit: number, cursor: (last: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextPageToken: rows.length > limit && last !== undefined ? cursor(last) : '' };
}
