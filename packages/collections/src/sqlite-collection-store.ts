// CollectionStore on node:sqlite, in the same file as the job store (its own tables and schema version), with its
// own connection.
// Faces keep their embedding and templates as little-endian float32 BLOBs; every change runs in an IMMEDIATE
// transaction and bumps the collection's version.
import { randomUUID } from 'node:crypto';
import type { StatementSync } from 'node:sqlite';
import { SqliteDatabase } from '@pmr/common/sqlite';
import { pageSizeOf, storedValues, validateTags, type Box, type FaceQuality } from '@pmr/common';
import {
  collectionExists,
  collectionNotFound,
  collectionStoreClosed,
  personExists,
  personNotFound,
} from './collection-errors.ts';
import type { CollectionStore } from './collection-store.ts';
import {
  checkEmbeddingModel,
  checkFaceIds,
  checkId,
  checkNewFace,
  decodeCursor,
  encodeCursor,
  pageOf,
  vectorsFromBytes,
  vectorsToBytes,
} from './collection-request.ts';
import type {
  CollectionRecord,
  CreateCollectionInput,
  FaceRecord,
  FacesChange,
  FaceVectors,
  ListFacesInput,
  NewFace,
  Page,
  PageInput,
  PersonRecord,
  UnsuccessfulFace,
} from './collection-types.ts';
import { prepareCollectionDatabase } from './sqlite-collection-schema.ts';

type Row = Record<string, unknown>;

const values = storedValues('collection store row', 'column');
const { corrupt } = values;

function text(row: Row, column: string): string {
  return values.text(row[column], column);
}

function num(row: Row, column: string): number {
  return values.num(row[column], column);
}

const SQL = {
  collection: `SELECT c.*,
      (SELECT COUNT(*) FROM collection_faces f WHERE f.collection_id = c.id) AS face_count,
      (SELECT COUNT(*) FROM collection_persons p WHERE p.collection_id = c.id) AS person_count
    FROM collections c WHERE c.id = $id`,
  listCollections: `SELECT c.*,
      (SELECT COUNT(*) FROM collection_faces f WHERE f.collection_id = c.id) AS face_count,
      (SELECT COUNT(*) FROM collection_persons p WHERE p.collection_id = c.id) AS person_count
    FROM collections c WHERE c.id > $after ORDER BY c.id LIMIT $limit`,
  insertCollection: `INSERT INTO collections (id, embedding_model, embedding_dim, tags, version, create_time)
    VALUES ($id, $model, $dim, $tags, 1, $now)`,
  deleteCollection: 'DELETE FROM collections WHERE id = $id',
  countFaces: 'SELECT COUNT(*) AS n FROM collection_faces WHERE collection_id = $collection',
  bump: 'UPDATE collections SET version = version + 1 WHERE id = $id RETURNING version',
  insertFace: `INSERT INTO collection_faces (collection_id, face_id, person_id, external_image_id, image_sha256, box,
      confidence, quality, index_time, embedding, templates)
    VALUES ($collection, $face, $person, $external, $sha, $box, $confidence, $quality, $now, $embedding, $templates)`,
  face: `SELECT collection_id, face_id, person_id, external_image_id, image_sha256, box, confidence, quality, index_time
    FROM collection_faces WHERE collection_id = $collection AND face_id = $face`,
  listFaces: `SELECT collection_id, face_id, person_id, external_image_id, image_sha256, box, confidence, quality,
      index_time
    FROM collection_faces WHERE collection_id = $collection AND face_id > $after ORDER BY face_id LIMIT $limit`,
  listPersonFaces: `SELECT collection_id, face_id, person_id, external_image_id, image_sha256, box, confidence, quality,
      index_time
    FROM collection_faces WHERE collection_id = $collection AND person_id = $person AND face_id > $after
    ORDER BY face_id LIMIT $limit`,
  deleteFace: 'DELETE FROM collection_faces WHERE collection_id = $collection AND face_id = $face',
  setPerson: 'UPDATE collection_faces SET person_id = $person WHERE collection_id = $collection AND face_id = $face',
  clearPerson: `UPDATE collection_faces SET person_id = NULL WHERE collection_id = $collection AND person_id = $person`,
  vectors: `SELECT face_id, person_id, embedding, templates FROM collection_faces
    WHERE collection_id = $collection AND face_id > $after ORDER BY face_id LIMIT $limit`,
  faceVectors: `SELECT face_id, person_id, embedding, templates FROM collection_faces
    WHERE collection_id = $collection AND face_id = $face`,
  person: `SELECT p.*, (SELECT COUNT(*) FROM collection_faces f
      WHERE f.collection_id = p.collection_id AND f.person_id = p.person_id) AS face_count
    FROM collection_persons p WHERE p.collection_id = $collection AND p.person_id = $person`,
  listPersons: `SELECT p.*, (SELECT COUNT(*) FROM collection_faces f
      WHERE f.collection_id = p.collection_id AND f.person_id = p.person_id) AS face_count
    FROM collection_persons p WHERE p.collection_id = $collection AND p.person_id > $after
    ORDER BY p.person_id LIMIT $limit`,
  insertPerson: `INSERT INTO collection_persons (collection_id, person_id, create_time) VALUES ($collection, $person, $now)`,
  deletePerson: 'DELETE FROM collection_persons WHERE collection_id = $collection AND person_id = $person',
} as const;

type Statements = Record<keyof typeof SQL, StatementSync>;

export interface SqliteCollectionStoreOptions {
  /** Clock in epoch milliseconds; default Date.now. */
  readonly now?: () => number;
  /** Face id generator; default randomUUID. */
  readonly newId?: () => string;
  /** How long a write waits for another connection's lock, in ms; default 5000. */
  readonly busyTimeoutMs?: number;
}

function collectionFromRow(row: Row): CollectionRecord {
  return {
    id: text(row, 'id'),
    embeddingModel: text(row, 'embedding_model'),
    embeddingDim: num(row, 'embedding_dim'),
    tags: JSON.parse(text(row, 'tags')) as Record<string, string>,
    createTime: num(row, 'create_time'),
    version: num(row, 'version'),
    faceCount: num(row, 'face_count'),
    personCount: num(row, 'person_count'),
  };
}

function faceFromRow(row: Row): FaceRecord {
  const person = row['person_id'];
  return {
    faceId: text(row, 'face_id'),
    collectionId: text(row, 'collection_id'),
    personId: typeof person === 'string' ? person : null,
    externalImageId: text(row, 'external_image_id'),
    imageSha256: text(row, 'image_sha256'),
    box: JSON.parse(text(row, 'box')) as Box,
    confidence: num(row, 'confidence'),
    quality: JSON.parse(text(row, 'quality')) as FaceQuality,
    indexTime: num(row, 'index_time'),
  };
}

function personFromRow(row: Row): PersonRecord {
  return {
    personId: text(row, 'person_id'),
    collectionId: text(row, 'collection_id'),
    faceCount: num(row, 'face_count'),
    createTime: num(row, 'create_time'),
  };
}

function bytes(row: Row, column: string): Uint8Array {
  const v = row[column];
  if (!(v instanceof Uint8Array)) throw corrupt(column);
  return v;
}

function vectorsFromRow(row: Row, dim: number): FaceVectors {
  const person = row['person_id'];
  return {
    faceId: text(row, 'face_id'),
    personId: typeof person === 'string' ? person : null,
    embedding: vectorsFromBytes(bytes(row, 'embedding'), dim)[0]!,
    templates: vectorsFromBytes(bytes(row, 'templates'), dim),
  };
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && /UNIQUE constraint failed|PRIMARY KEY/.test(err.message);
}

export class SqliteCollectionStore implements CollectionStore {
  readonly path: string;
  readonly #db: SqliteDatabase<keyof typeof SQL>;
  readonly #st: Statements;
  readonly #now: () => number;
  readonly #newId: () => string;

  /** Opens (creating when absent) the store at `path`, a file path or ':memory:', and migrates its schema. */
  constructor(path: string, options: SqliteCollectionStoreOptions = {}) {
    this.path = path;
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? randomUUID;
    this.#db = new SqliteDatabase(path, {
      ...(options.busyTimeoutMs !== undefined && { busyTimeoutMs: options.busyTimeoutMs }),
      migrate: prepareCollectionDatabase,
      sql: SQL,
      closedError: collectionStoreClosed,
    });
    this.#st = this.#db.statements;
  }

  createCollection(input: CreateCollectionInput): Promise<CollectionRecord> {
    return this.#db.call(() => {
      checkId('collection id', input.id);
      checkEmbeddingModel(input.embeddingModel, input.embeddingDim);
      const tags = input.tags ?? {};
      validateTags(tags);
      return this.#db.transaction(() => {
        try {
          this.#st.insertCollection.run({
            id: input.id,
            model: input.embeddingModel,
            dim: input.embeddingDim,
            tags: JSON.stringify(tags),
            now: this.#now(),
          });
        } catch (err) {
          if (isUniqueViolation(err)) throw collectionExists(input.id, err);
          throw err;
        }
        return this.#collection(input.id);
      });
    });
  }

  getCollection(collectionId: string): Promise<CollectionRecord | null> {
    return this.#db.call(() => {
      const row = this.#st.collection.get({ id: collectionId });
      return row === undefined ? null : collectionFromRow(row);
    });
  }

  listCollections(input: PageInput = {}): Promise<Page<CollectionRecord>> {
    return this.#db.call(() => {
      const limit = pageSizeOf(input);
      const after = decodeCursor(input.pageToken, 'ListCollections', '');
      const rows = this.#st.listCollections.all({ after, limit: limit + 1 }).map(collectionFromRow);
      return pageOf(rows, limit, (c) => encodeCursor('ListCollections', '', c.id));
    });
  }

  deleteCollection(collectionId: string): Promise<number> {
    return this.#db.call(() =>
      this.#db.transaction(() => {
        this.#collection(collectionId);
        const n = num(this.#st.countFaces.get({ collection: collectionId })!, 'n');
        this.#st.deleteCollection.run({ id: collectionId });
        return n;
      }),
    );
  }

  addFaces(
    collectionId: string,
    input: { readonly embeddingModel: string; readonly faces: readonly NewFace[]; readonly personId?: string },
  ): Promise<{ readonly faces: readonly FaceRecord[]; readonly version: number }> {
    return this.#db.call(() => {
      if (input.personId !== undefined) checkId('person id', input.personId);
      return this.#db.transaction(() => {
        const collection = this.#collection(collectionId);
        input.faces.forEach((f, i) =>
          checkNewFace(f, i, collection.embeddingModel, collection.embeddingDim, input.embeddingModel),
        );
        const person = input.personId ?? null;
        if (person !== null && this.#st.person.get({ collection: collectionId, person }) === undefined)
          this.#st.insertPerson.run({ collection: collectionId, person, now: this.#now() });
        const now = this.#now();
        const ids = input.faces.map((face) => {
          const id = this.#newId();
          this.#st.insertFace.run({
            collection: collectionId,
            face: id,
            person,
            external: face.externalImageId,
            sha: face.imageSha256,
            box: JSON.stringify(face.box),
            confidence: face.confidence,
            quality: JSON.stringify(face.quality),
            now,
            embedding: vectorsToBytes([face.embedding]),
            templates: vectorsToBytes(face.templates),
          });
          return id;
        });
        const version = ids.length > 0 || person !== null ? this.#bump(collectionId) : collection.version;
        const faces = ids.map((id) => faceFromRow(this.#st.face.get({ collection: collectionId, face: id })!));
        return { faces, version };
      });
    });
  }

  listFaces(collectionId: string, input: ListFacesInput = {}): Promise<Page<FaceRecord>> {
    return this.#db.call(() => {
      this.#collection(collectionId);
      const limit = pageSizeOf(input);
      const person = input.personId;
      const scope = `${collectionId}/${person ?? ''}`;
      const after = decodeCursor(input.pageToken, 'ListFaces', scope);
      let rows: Row[];
      if (person === undefined) rows = this.#st.listFaces.all({ collection: collectionId, after, limit: limit + 1 });
      else {
        this.#person(collectionId, person);
        rows = this.#st.listPersonFaces.all({ collection: collectionId, person, after, limit: limit + 1 });
      }
      return pageOf(rows.map(faceFromRow), limit, (f) => encodeCursor('ListFaces', scope, f.faceId));
    });
  }

  getFaces(collectionId: string, faceIds: readonly string[]): Promise<FaceRecord[]> {
    return this.#db.call(() => {
      this.#collection(collectionId);
      const out: FaceRecord[] = [];
      for (const face of faceIds) {
        const row = this.#st.face.get({ collection: collectionId, face });
        if (row !== undefined) out.push(faceFromRow(row));
      }
      return out;
    });
  }

  deleteFaces(collectionId: string, faceIds: readonly string[]): Promise<FacesChange> {
    return this.#db.call(() => {
      checkFaceIds(faceIds);
      return this.#db.transaction(() =>
        this.#change(collectionId, faceIds, (face) =>
          Number(this.#st.deleteFace.run({ collection: collectionId, face }).changes) > 0 ? null : 'no such face',
        ),
      );
    });
  }

  createPerson(collectionId: string, personId: string): Promise<PersonRecord> {
    return this.#db.call(() => {
      checkId('person id', personId);
      return this.#db.transaction(() => {
        this.#collection(collectionId);
        if (this.#st.person.get({ collection: collectionId, person: personId }) !== undefined)
          throw personExists(collectionId, personId);
        this.#st.insertPerson.run({ collection: collectionId, person: personId, now: this.#now() });
        this.#bump(collectionId);
        return this.#person(collectionId, personId);
      });
    });
  }

  getPerson(collectionId: string, personId: string): Promise<PersonRecord | null> {
    return this.#db.call(() => {
      this.#collection(collectionId);
      const row = this.#st.person.get({ collection: collectionId, person: personId });
      return row === undefined ? null : personFromRow(row);
    });
  }

  listPersons(collectionId: string, input: PageInput = {}): Promise<Page<PersonRecord>> {
    return this.#db.call(() => {
      this.#collection(collectionId);
      const limit = pageSizeOf(input);
      const after = decodeCursor(input.pageToken, 'ListPersons', collectionId);
      const rows = this.#st.listPersons.all({ collection: collectionId, after, limit: limit + 1 }).map(personFromRow);
      return pageOf(rows, limit, (p) => encodeCursor('ListPersons', collectionId, p.personId));
    });
  }

  deletePerson(collectionId: string, personId: string): Promise<{ readonly faces: number; readonly version: number }> {
    return this.#db.call(() =>
      this.#db.transaction(() => {
        this.#collection(collectionId);
        const person = this.#person(collectionId, personId);
        this.#st.clearPerson.run({ collection: collectionId, person: personId });
        this.#st.deletePerson.run({ collection: collectionId, person: personId });
        return { faces: person.faceCount, version: this.#bump(collectionId) };
      }),
    );
  }

  associateFaces(collectionId: string, personId: string, faceIds: readonly string[]): Promise<FacesChange> {
    return this.#db.call(() => {
      checkFaceIds(faceIds);
      return this.#db.transaction(() => {
        this.#collection(collectionId);
        this.#person(collectionId, personId);
        return this.#change(collectionId, faceIds, (face) => {
          const row = this.#st.face.get({ collection: collectionId, face });
          if (row === undefined) return 'no such face';
          const owner = row['person_id'];
          if (typeof owner === 'string' && owner !== personId) return `belongs to person ${owner}`;
          this.#st.setPerson.run({ collection: collectionId, face, person: personId });
          return null;
        });
      });
    });
  }

  disassociateFaces(collectionId: string, personId: string, faceIds: readonly string[]): Promise<FacesChange> {
    return this.#db.call(() => {
      checkFaceIds(faceIds);
      return this.#db.transaction(() => {
        this.#collection(collectionId);
        this.#person(collectionId, personId);
        return this.#change(collectionId, faceIds, (face) => {
          const row = this.#st.face.get({ collection: collectionId, face });
          if (row === undefined) return 'no such face';
          if (row['person_id'] !== personId) return `not a face of person ${personId}`;
          this.#st.setPerson.run({ collection: collectionId, face, person: null });
          return null;
        });
      });
    });
  }

  async *faceVectorPages(collectionId: string, pageSize: number): AsyncIterable<readonly FaceVectors[]> {
    const { embeddingDim } = await this.#db.call(() => this.#collection(collectionId));
    for (let after = ''; ;) {
      const page = await this.#db.call(() =>
        this.#st.vectors
          .all({ collection: collectionId, after, limit: pageSize })
          .map((row) => vectorsFromRow(row, embeddingDim)),
      );
      if (page.length > 0) yield page;
      if (page.length < pageSize) return;
      after = page.at(-1)!.faceId;
    }
  }

  vectorsOf(collectionId: string, faceIds: readonly string[]): Promise<FaceVectors[]> {
    return this.#db.call(() => {
      const { embeddingDim } = this.#collection(collectionId);
      const out: FaceVectors[] = [];
      for (const face of faceIds) {
        const row = this.#st.faceVectors.get({ collection: collectionId, face });
        if (row !== undefined) out.push(vectorsFromRow(row, embeddingDim));
      }
      return out;
    });
  }

  close(): Promise<void> {
    this.#db.close();
    return Promise.resolve();
  }

  /** Apply `apply` to each face (null: done, else why not), bumping the version once when any applied. */
  #change(collectionId: string, faceIds: readonly string[], apply: (faceId: string) => string | null): FacesChange {
    const { version } = this.#collection(collectionId);
    const done: string[] = [];
    const unsuccessful: UnsuccessfulFace[] = [];
    for (const faceId of new Set(faceIds)) {
      const reason = apply(faceId);
      if (reason === null) done.push(faceId);
      else unsuccessful.push({ faceId, reason });
    }
    return { done, unsuccessful, version: done.length > 0 ? this.#bump(collectionId) : version };
  }

  #bump(collectionId: string): number {
    return num(this.#st.bump.get({ id: collectionId })!, 'version');
  }

  #collection(collectionId: string): CollectionRecord {
    const row = this.#st.collection.get({ id: collectionId });
    if (row === undefined) throw collectionNotFound(collectionId);
    return collectionFromRow(row);
  }

  #person(collectionId: string, personId: string): PersonRecord {
    const row = this.#st.person.get({ collection: collectionId, person: personId });
    if (row === undefined) throw personNotFound(collectionId, personId);
    return personFromRow(row);
  }
}
