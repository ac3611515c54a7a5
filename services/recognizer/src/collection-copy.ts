// A recognizer's in-memory copy of one face collection: every face's embedding in a FaceIndex, and every person's
// mean direction (over all templates of its faces, as a gallery person's centroid) in a second one. Kept current by
// applying the faces read again from the store. Pure; no I/O.
import { invalidArgument } from '@pmr/common';
import { FaceIndex, type FaceHit } from './face-index.ts';

/** What the store holds for one face (as @pmr/store's FaceVectors). */
export interface CopiedFace {
  readonly faceId: string;
  readonly personId: string | null;
  readonly embedding: Float32Array;
  readonly templates: readonly Float32Array[];
}

export interface PersonHit {
  readonly personId: string;
  readonly similarity: number;
}

interface PersonSum {
  readonly sum: Float64Array;
  faces: number;
}

export class CollectionCopy {
  readonly dim: number;
  /** The embedding model the collection's faces were indexed with. */
  readonly model: string;
  /** The store version this copy reflects (every change up to it applied). */
  version: number;
  readonly #faces: FaceIndex;
  readonly #persons: FaceIndex;
  /**
   * Each face's person and, for a face with one, the sum of its unit templates (what it adds to its person's
   * direction). A face without a person keeps none: one associated later is read again from the store.
   */
  readonly #faceInfo = new Map<string, { personId: string | null; templateSum: Float32Array | null }>();
  readonly #personSums = new Map<string, PersonSum>();

  constructor(dim: number, version = 0, model = '') {
    this.dim = dim;
    this.model = model;
    this.version = version;
    this.#faces = new FaceIndex({ dim });
    this.#persons = new FaceIndex({ dim });
  }

  get faceCount(): number {
    return this.#faces.size;
  }

  get personCount(): number {
    return this.#persons.size;
  }

  /** Put a face in (replacing what was held for its id). */
  upsert(face: CopiedFace): void {
    this.remove(face.faceId);
    if (face.templates.length === 0) throw invalidArgument(`face ${face.faceId} has no templates`);
    for (const t of face.templates)
      if (t.length !== this.dim) throw invalidArgument(`face ${face.faceId}: a template of length ${t.length}`);
    this.#faces.add(face.faceId, face.embedding);
    const templateSum = face.personId === null ? null : unitSum(face.templates, this.dim);
    this.#faceInfo.set(face.faceId, { personId: face.personId, templateSum });
    if (face.personId !== null && templateSum !== null) this.#addToPerson(face.personId, templateSum, 1);
  }

  /** Take a face out; false when it was not held. */
  remove(faceId: string): boolean {
    const info = this.#faceInfo.get(faceId);
    if (info === undefined) return false;
    this.#faces.remove(faceId);
    this.#faceInfo.delete(faceId);
    if (info.personId !== null && info.templateSum !== null) this.#addToPerson(info.personId, info.templateSum, -1);
    return true;
  }

  /** A person deleted: its faces stay, associated with nobody. */
  dropPerson(personId: string): void {
    for (const info of this.#faceInfo.values()) {
      if (info.personId !== personId) continue;
      info.personId = null;
      info.templateSum = null;
    }
    this.#personSums.delete(personId);
    this.#persons.remove(personId);
  }

  searchFaces(queries: readonly Float32Array[], limit: number, minSimilarity: number): FaceHit[][] {
    if (this.#faces.size === 0) return queries.map(() => []);
    return this.#faces.searchBatch(queries, limit, minSimilarity);
  }

  searchPersons(queries: readonly Float32Array[], limit: number, minSimilarity: number): PersonHit[][] {
    if (this.#persons.size === 0) return queries.map(() => []);
    return this.#persons
      .searchBatch(queries, limit, minSimilarity)
      .map((hits) => hits.map((h) => ({ personId: h.faceId, similarity: h.similarity })));
  }

  /** Add (sign 1) or take away (-1) one face's templates from a person's direction, and re-index the person. */
  #addToPerson(personId: string, templateSum: Float32Array, sign: 1 | -1): void {
    let person = this.#personSums.get(personId);
    if (person === undefined) {
      person = { sum: new Float64Array(this.dim), faces: 0 };
      this.#personSums.set(personId, person);
    }
    for (let i = 0; i < this.dim; i++) person.sum[i] = person.sum[i]! + sign * templateSum[i]!;
    person.faces += sign;
    this.#persons.remove(personId);
    if (person.faces <= 0) {
      this.#personSums.delete(personId);
      return;
    }
    const direction = Float32Array.from(person.sum);
    if (norm(direction) > 0) this.#persons.add(personId, direction);
  }
}

function norm(v: Float32Array): number {
  let squares = 0;
  for (const x of v) squares += x * x;
  return Math.sqrt(squares);
}

/** The sum of the templates, each scaled to unit length (a zero template counts as it is). */
function unitSum(templates: readonly Float32Array[], dim: number): Float32Array {
  const sum = new Float64Array(dim);
  for (const t of templates) {
    const scale = 1 / (norm(t) || 1);
    for (let i = 0; i < dim; i++) sum[i] = sum[i]! + t[i]! * scale;
  }
  return Float32Array.from(sum);
}
