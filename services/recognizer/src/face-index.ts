// A collection's faces in memory and cosine search over all of them. Pure; no I/O.
//
// Vectors are stored L2-normalised as float32 rows, back to back in one growable WebAssembly memory, scanned by a SIMD
// kernel (simd-scan.ts). Two search modes:
// - `exact`: every row's float32 dot product with the query;
// - `int8-rerank` (default): a first pass over int8 copies of the rows (a quarter of the bytes, one scale per row)
//   picks the `rerank` best candidates, whose exact float32 similarities then rank them. Returned similarities are
//   always the exact ones; a face can only be missed when the int8 pass ranks it below `rerank` others (recall
//   figures in docs/benchmark.md, "Collection search").
// Answers depend only on the set of (face id, vector) pairs held, not on the order they came in: scores are computed
// the same way for every row, and equal scores rank by face id.
import { invalidArgument, quote } from '@pmr/common';
import { RowStore } from './row-store.ts';
import { TopK } from './top-k.ts';

export type FaceSearchMode = 'exact' | 'int8-rerank';

export interface FaceIndexOptions {
  /** Embedding length (128 for MobileFaceNet); 1–4096. */
  readonly dim: number;
  /** Default `int8-rerank`. */
  readonly mode?: FaceSearchMode;
  /** Candidates of the int8 pass ranked exactly per query (at least k are); default {@link DEFAULT_RERANK}. */
  readonly rerank?: number;
}

export interface FaceHit {
  readonly faceId: string;
  /** Cosine similarity (dot product of the unit vectors, float32). */
  readonly similarity: number;
}

/** Candidates the int8 pass hands to exact ranking by default. */
export const DEFAULT_RERANK = 64;
/** Most results one search returns (Rekognition's MaxFaces has the same bound). */
export const MAX_K = 4096;
/** Queries scored per pass over the rows in a batch. */
const SLOTS = 4;
const MAX_DIM = 4096;
const INT8_MAX = 127;

export class FaceIndex {
  readonly dim: number;
  readonly mode: FaceSearchMode;
  readonly rerank: number;
  readonly #exact: RowStore;
  readonly #codes: RowStore | undefined;
  /** Largest query code for the int8 pass: int8 × int16 products of a whole row fit in an int32. */
  readonly #queryMax: number;
  readonly #ids: string[] = [];
  readonly #rowOf = new Map<string, number>();
  readonly #unit: Float32Array;
  readonly #code: Int8Array;
  readonly #queryCode: Int16Array;

  constructor(options: FaceIndexOptions) {
    const { dim, mode = 'int8-rerank', rerank = DEFAULT_RERANK } = options;
    if (!Number.isInteger(dim) || dim < 1 || dim > MAX_DIM) {
      throw invalidArgument(`embedding length ${dim} is not a whole number from 1 to ${MAX_DIM}`);
    }
    if (mode !== 'exact' && mode !== 'int8-rerank') throw invalidArgument(`unknown search mode ${quote(String(mode))}`);
    if (!Number.isInteger(rerank) || rerank < 1) throw invalidArgument(`rerank ${rerank} is not a whole number ≥ 1`);
    this.dim = dim;
    this.mode = mode;
    this.rerank = rerank;
    this.#exact = new RowStore('f32', dim, SLOTS);
    this.#codes = mode === 'int8-rerank' ? new RowStore('i8', dim, SLOTS) : undefined;
    this.#queryMax = Math.min(32767, Math.floor(0x7fffffff / (INT8_MAX * this.#exact.padded)));
    this.#unit = new Float32Array(dim);
    this.#code = new Int8Array(dim);
    this.#queryCode = new Int16Array(dim);
  }

  get size(): number {
    return this.#ids.length;
  }

  /** Bytes of vector storage held: float32 rows, int8 rows and score space, reserved room included. */
  get byteLength(): number {
    return this.#exact.byteLength + (this.#codes?.byteLength ?? 0);
  }

  has(faceId: string): boolean {
    return this.#rowOf.has(faceId);
  }

  /** Adds a face, or replaces the vector of a face id already held. The vector is normalised (a copy is kept). */
  add(faceId: string, vector: Float32Array): void {
    this.#checkId(faceId);
    this.#checkVector(vector, () => `face ${quote(faceId)}`);
    this.#put(faceId, vector, 0);
  }

  /** Adds or replaces several faces; nothing is added when one of them is refused. */
  addMany(faces: Iterable<readonly [faceId: string, vector: Float32Array]>): void {
    const list = [...faces];
    for (const [faceId, vector] of list) {
      this.#checkId(faceId);
      this.#checkVector(vector, () => `face ${quote(faceId)}`);
    }
    this.#reserve(this.size + list.length);
    for (const [faceId, vector] of list) this.#put(faceId, vector, 0);
  }

  /**
   * Adds or replaces faces from one packed block of vectors (`faceIds.length × dim` float32 values, face i's vector at
   * i × dim): the form a store hands over. Bytes are read as little-endian float32. Nothing is added when one is refused.
   */
  addPacked(faceIds: readonly string[], vectors: Float32Array | Uint8Array): void {
    const values = vectors instanceof Float32Array ? vectors : float32View(vectors);
    if (values.length !== faceIds.length * this.dim) {
      throw invalidArgument(`${values.length} values for ${faceIds.length} faces of length ${this.dim}`);
    }
    for (let i = 0; i < faceIds.length; i++) {
      this.#checkId(faceIds[i]!);
      this.#checkVector(values, () => `face ${quote(faceIds[i]!)}`, i * this.dim, this.dim);
    }
    this.#reserve(this.size + faceIds.length);
    for (let i = 0; i < faceIds.length; i++) this.#put(faceIds[i]!, values, i * this.dim);
  }

  /** Removes a face (the last row moves into its place); false when the id is not held. */
  remove(faceId: string): boolean {
    const row = this.#rowOf.get(faceId);
    if (row === undefined) return false;
    const last = this.#ids.length - 1;
    if (row !== last) {
      const moved = this.#ids[last]!;
      this.#exact.moveRow(last, row);
      this.#codes?.moveRow(last, row);
      this.#ids[row] = moved;
      this.#rowOf.set(moved, row);
    }
    this.#ids.pop();
    this.#rowOf.delete(faceId);
    return true;
  }

  /**
   * The `k` (1–4096) most similar faces with similarity ≥ `minSimilarity`, best first (equal similarities by face id).
   * The query is normalised first.
   */
  search(query: Float32Array, k: number, minSimilarity = -Infinity): FaceHit[] {
    return this.searchBatch([query], k, minSimilarity)[0]!;
  }

  /** {@link search} for several queries, scoring up to 4 of them per pass over the rows. */
  searchBatch(queries: readonly Float32Array[], k: number, minSimilarity = -Infinity): FaceHit[][] {
    if (!Number.isInteger(k) || k < 1 || k > MAX_K)
      throw invalidArgument(`k ${k} is not a whole number from 1 to ${MAX_K}`);
    if (Number.isNaN(minSimilarity)) throw invalidArgument('minimum similarity is not a number');
    queries.forEach((q, i) => this.#checkVector(q, () => `query ${i}`));
    const results: FaceHit[][] = [];
    for (let start = 0; start < queries.length; start += SLOTS) {
      const group = queries.slice(start, start + SLOTS);
      const passes = group.length === SLOTS ? [group] : group.map((q) => [q]);
      for (const pass of passes) results.push(...this.#searchPass(pass, k, minSimilarity));
    }
    return results;
  }

  #searchPass(queries: readonly Float32Array[], k: number, minSimilarity: number): FaceHit[][] {
    const idOf = (row: number): string => this.#ids[row]!;
    queries.forEach((q, slot) => this.#setQuery(q, slot));
    const count = this.size;
    if (this.#codes === undefined) {
      const scores = this.#exact.scan(count, queries.length);
      return queries.map((_, slot) => {
        const best = selectBest(scores, slot * count, count, new TopK(k, idOf), minSimilarity);
        return hits(best.rows(), best.scores(), idOf);
      });
    }
    const approximate = this.#codes.scan(count, queries.length);
    return queries.map((_, slot) => {
      const candidates = selectBest(approximate, slot * count, count, new TopK(Math.max(k, this.rerank), idOf));
      const ranked = new TopK(k, idOf);
      for (const row of candidates.rows()) {
        const s = this.#exact.scoreRow(row, slot);
        if (s >= minSimilarity) ranked.offer(row, s);
      }
      return hits(ranked.rows(), ranked.scores(), idOf);
    });
  }

  #setQuery(query: Float32Array, slot: number): void {
    const unit = unitInto(query, 0, this.dim, this.#unit);
    this.#exact.setQuery(slot, unit);
    if (this.#codes === undefined) return;
    const scale = this.#queryMax / maxAbs(unit);
    for (let j = 0; j < this.dim; j++) this.#queryCode[j] = Math.round(unit[j]! * scale);
    this.#codes.setQuery(slot, this.#queryCode);
  }

  #put(faceId: string, values: Float32Array, offset: number): void {
    let row = this.#rowOf.get(faceId);
    if (row === undefined) {
      row = this.#ids.length;
      this.#reserve(row + 1);
      this.#ids.push(faceId);
      this.#rowOf.set(faceId, row);
    }
    const unit = unitInto(values, offset, this.dim, this.#unit);
    this.#exact.setRow(row, unit);
    if (this.#codes === undefined) return;
    // int8 codes of the float32 row as stored, in steps of its largest component / 127.
    const largest = maxAbs(unit);
    const perStep = INT8_MAX / largest;
    const code = this.#code;
    for (let j = 0; j < code.length; j++) code[j] = Math.round(unit[j]! * perStep);
    this.#codes.setRow(row, code, largest / INT8_MAX);
  }

  #reserve(rows: number): void {
    this.#exact.reserve(rows);
    this.#codes?.reserve(rows);
  }

  #checkId(faceId: string): void {
    if (typeof faceId !== 'string' || faceId === '') throw invalidArgument('a face id must be a non-empty string');
  }

  #checkVector(values: Float32Array, what: () => string, offset = 0, length = values.length): void {
    if (length !== this.dim) throw invalidArgument(`${what()}: embedding length ${length}, expected ${this.dim}`);
    let sum = 0;
    for (let j = offset; j < offset + length; j++) sum += values[j]! * values[j]!;
    if (!Number.isFinite(sum)) throw invalidArgument(`${what()}: embedding has a non-finite value`);
    if (sum === 0) throw invalidArgument(`${what()}: embedding is the zero vector`);
  }
}

/** `values[offset … offset + dim)` divided by its L2 norm, into `out`. */
function unitInto(values: Float32Array, offset: number, dim: number, out: Float32Array): Float32Array {
  let sum = 0;
  for (let j = 0; j < dim; j++) sum += values[offset + j]! * values[offset + j]!;
  const norm = Math.sqrt(sum);
  for (let j = 0; j < dim; j++) out[j] = values[offset + j]! / norm;
  return out;
}

function maxAbs(values: Float32Array): number {
  let max = 0;
  for (let j = 0; j < values.length; j++) max = Math.max(max, Math.abs(values[j]!));
  return max;
}

/** Little-endian float32 values of `bytes` (copied when not 4-byte aligned). */
function float32View(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw invalidArgument(`${bytes.byteLength} bytes are not a whole number of float32`);
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes); // (a Buffer's slice() is a view)
  return new Float32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}

/**
 * Offers rows 0…count−1 scoring ≥ `min` (scores[base + row]) to `best`. Rows are tested against its floor eight at a
 * time; only a group holding a row at or above it is offered row by row.
 */
function selectBest(scores: Float32Array, base: number, count: number, best: TopK, min = -Infinity): TopK {
  let floor = Math.max(best.floor, min);
  const end = base + count;
  let at = base;
  for (; at + 8 <= end; at += 8) {
    if (
      scores[at]! >= floor ||
      scores[at + 1]! >= floor ||
      scores[at + 2]! >= floor ||
      scores[at + 3]! >= floor ||
      scores[at + 4]! >= floor ||
      scores[at + 5]! >= floor ||
      scores[at + 6]! >= floor ||
      scores[at + 7]! >= floor
    ) {
      for (let i = at; i < at + 8; i++) {
        if (scores[i]! >= floor) {
          best.offer(i - base, scores[i]!);
          floor = Math.max(best.floor, min);
        }
      }
    }
  }
  for (; at < end; at++) {
    if (scores[at]! >= floor) {
      best.offer(at - base, scores[at]!);
      floor = Math.max(best.floor, min);
    }
  }
  return best;
}

function hits(rows: readonly number[], scores: readonly number[], idOf: (row: number) => string): FaceHit[] {
  return rows.map((row, i) => ({ faceId: idOf(row), similarity: scores[i]! }));
}
