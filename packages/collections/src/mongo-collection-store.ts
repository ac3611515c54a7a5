// CollectionStore on MongoDB (the official driver), and on servers that speak its wire protocol such as FerretDB 1.x.
// It behaves exactly like SqliteCollectionStore, the reference: the same validation (collection-request.ts) and the same
// errors (collection-errors.ts). Without multi-document transactions, every change to a collection — its faces, its
// persons, its version — runs under the collection's lock (@pmr/mongo's withLock), because FerretDB runs every update
// as a read and then a replace, so concurrent version bumps would be lost there; the bump itself is an $inc, so on
// MongoDB no bump is lost even by a holder that outlived its lease. Counts are count queries on indexes, not stored
// counters. docs/store-mongodb.md maps each method.
import { randomUUID } from 'node:crypto';
import type { Db, MongoClient } from 'mongodb';
import { validateTags } from '@pmr/common';
import { connectMongo, isDuplicateKey, storeError, withLock } from '@pmr/mongo';
import type { MongoConnectOptions } from '@pmr/mongo';
import { collectionExists, collectionNotFound, collectionStoreClosed, personExists } from './collection-errors.ts';
import type { CollectionStore } from './collection-store.ts';
import { checkEmbeddingModel, checkFaceIds, checkId, checkNewFace } from './collection-request.ts';
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
} from './collection-types.ts';
import { collectionFromDocument, faceDocument, faceFromDocument, personKey } from './mongo-collection-documents.ts';
import type { CollectionDocument, FaceDocument } from './mongo-collection-documents.ts';
import * as reads from './mongo-collection-reads.ts';
import { collectionCollectionsOf, prepareCollectionMongo } from './mongo-collection-schema.ts';
import type { CollectionCollections } from './mongo-collection-schema.ts';

export interface MongoCollectionStoreOptions extends MongoConnectOptions {
  /** Clock in epoch milliseconds; default Date.now. */
  readonly now?: () => number;
  /** Face id generator; default randomUUID. */
  readonly newId?: () => string;
}

export class MongoCollectionStore implements CollectionStore {
  /** The connection string without its password, and the database: what messages name. */
  readonly name: string;
  readonly #client: MongoClient;
  readonly #c: CollectionCollections;
  readonly #now: () => number;
  readonly #newId: () => string;
  #closed = false;

  private constructor(client: MongoClient, db: Db, name: string, options: MongoCollectionStoreOptions) {
    this.#client = client;
    this.#c = collectionCollectionsOf(db);
    this.name = name;
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? randomUUID;
  }

  /**
   * Connects to `url` (mongodb:// or mongodb+srv://) and creates or migrates the store's collections and indexes.
   * INVALID_ARGUMENT for a malformed URL, UNAVAILABLE when no server answers, FAILED_PRECONDITION for a database
   * written by a newer build.
   */
  static async open(url: string, options: MongoCollectionStoreOptions = {}): Promise<MongoCollectionStore> {
    const { client, db, name } = await connectMongo(url, 'collection store', options, prepareCollectionMongo);
    return new MongoCollectionStore(client, db, name, options);
  }

  createCollection(input: CreateCollectionInput): Promise<CollectionRecord> {
    return this.#call(async () => {
      checkId('collection id', input.id);
      checkEmbeddingModel(input.embeddingModel, input.embeddingDim);
      const tags = input.tags ?? {};
      validateTags(tags);
      const doc: CollectionDocument = {
        _id: input.id,
        embeddingModel: input.embeddingModel,
        embeddingDim: input.embeddingDim,
        tags: JSON.stringify(tags),
        version: 1,
        createTime: this.#now(),
      };
      try {
        await this.#c.collections.insertOne(doc);
      } catch (err) {
        if (isDuplicateKey(err)) throw collectionExists(input.id, err);
        throw err;
      }
      return collectionFromDocument(doc, 0, 0);
    });
  }

  getCollection(collectionId: string): Promise<CollectionRecord | null> {
    return this.#call(() => reads.getCollection(this.#c, collectionId));
  }

  listCollections(input: PageInput = {}): Promise<Page<CollectionRecord>> {
    return this.#call(() => reads.listCollections(this.#c, input));
  }

  /** Faces and persons go first and the collection last, so a delete cut short is finished by the next one. */
  deleteCollection(collectionId: string): Promise<number> {
    return this.#locked(collectionId, async () => {
      await reads.readCollection(this.#c, collectionId);
      const faces = await this.#c.faces.countDocuments({ '_id.collectionId': collectionId });
      await this.#c.faces.deleteMany({ '_id.collectionId': collectionId });
      await this.#c.persons.deleteMany({ '_id.collectionId': collectionId });
      await this.#c.collections.deleteOne({ _id: collectionId });
      return faces;
    });
  }

  /** All or none: faces (and a person this call created) written before a failure are deleted again. */
  addFaces(
    collectionId: string,
    input: { readonly embeddingModel: string; readonly faces: readonly NewFace[]; readonly personId?: string },
  ): Promise<{ readonly faces: readonly FaceRecord[]; readonly version: number }> {
    return this.#locked(collectionId, async () => {
      if (input.personId !== undefined) checkId('person id', input.personId);
      const collection = await reads.readCollection(this.#c, collectionId);
      input.faces.forEach((f, i) =>
        checkNewFace(f, i, collection.embeddingModel, collection.embeddingDim, input.embeddingModel),
      );
      const personId = input.personId ?? null;
      let newPerson = false;
      const now = this.#now();
      const docs = input.faces.map((face) => faceDocument(collectionId, this.#newId(), personId, face, now));
      if (docs.length === 0 && personId === null) return { faces: [], version: collection.version };
      try {
        if (personId !== null) newPerson = await this.#insertPerson(collectionId, personId);
        if (docs.length > 0) await this.#c.faces.insertMany(docs);
        return { faces: docs.map(faceFromDocument), version: await this.#bump(collectionId) };
      } catch (err) {
        await this.#undoAdd(collectionId, docs, newPerson ? personId : null);
        throw err;
      }
    });
  }

  listFaces(collectionId: string, input: ListFacesInput = {}): Promise<Page<FaceRecord>> {
    return this.#call(() => reads.listFaces(this.#c, collectionId, input));
  }

  getFaces(collectionId: string, faceIds: readonly string[]): Promise<FaceRecord[]> {
    return this.#call(() => reads.getFaces(this.#c, collectionId, faceIds));
  }

  deleteFaces(collectionId: string, faceIds: readonly string[]): Promise<FacesChange> {
    return this.#locked(collectionId, async () => {
      checkFaceIds(faceIds);
      const { version } = await reads.readCollection(this.#c, collectionId);
      const change = await reads.facesToChange(this.#c, collectionId, faceIds, (face) =>
        face === undefined ? 'no such face' : null,
      );
      if (change.done.length === 0) return { ...change, version };
      await this.#c.faces.deleteMany(reads.facesIn(collectionId, change.done));
      return { ...change, version: await this.#bump(collectionId) };
    });
  }

  createPerson(collectionId: string, personId: string): Promise<PersonRecord> {
    return this.#locked(collectionId, async () => {
      checkId('person id', personId);
      await reads.readCollection(this.#c, collectionId);
      if (!(await this.#insertPerson(collectionId, personId))) throw personExists(collectionId, personId);
      await this.#bump(collectionId);
      return reads.readPerson(this.#c, collectionId, personId);
    });
  }

  getPerson(collectionId: string, personId: string): Promise<PersonRecord | null> {
    return this.#call(() => reads.getPerson(this.#c, collectionId, personId));
  }

  listPersons(collectionId: string, input: PageInput = {}): Promise<Page<PersonRecord>> {
    return this.#call(() => reads.listPersons(this.#c, collectionId, input));
  }

  /** The person's faces are cleared first and the person deleted last, so a delete cut short can be run again. */
  deletePerson(collectionId: string, personId: string): Promise<{ readonly faces: number; readonly version: number }> {
    return this.#locked(collectionId, async () => {
      await reads.readCollection(this.#c, collectionId);
      const person = await reads.readPerson(this.#c, collectionId, personId);
      await this.#c.faces.updateMany({ '_id.collectionId': collectionId, personId }, { $set: { personId: null } });
      await this.#c.persons.deleteOne({ _id: personKey(collectionId, personId) });
      return { faces: person.faceCount, version: await this.#bump(collectionId) };
    });
  }

  associateFaces(collectionId: string, personId: string, faceIds: readonly string[]): Promise<FacesChange> {
    return this.#setPerson(collectionId, personId, faceIds, personId, (owner) =>
      owner !== null && owner !== personId ? `belongs to person ${owner}` : null,
    );
  }

  disassociateFaces(collectionId: string, personId: string, faceIds: readonly string[]): Promise<FacesChange> {
    return this.#setPerson(collectionId, personId, faceIds, null, (owner) =>
      owner !== personId ? `not a face of person ${personId}` : null,
    );
  }

  async *faceVectorPages(collectionId: string, pageSize: number): AsyncIterable<readonly FaceVectors[]> {
    const pages = reads.faceVectorPages(this.#c, collectionId, pageSize)[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await this.#call(() => pages.next());
        if (next.done === true) return;
        yield next.value;
      }
    } finally {
      await pages.return?.(undefined);
    }
  }

  vectorsOf(collectionId: string, faceIds: readonly string[]): Promise<FaceVectors[]> {
    return this.#call(() => reads.vectorsOf(this.#c, collectionId, faceIds));
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#client.close();
  }

  /** Sets the person of the faces `refuse` lets through (null: done, else why not) to `to`; one version bump. */
  #setPerson(
    collectionId: string,
    personId: string,
    faceIds: readonly string[],
    to: string | null,
    refuse: (owner: string | null) => string | null,
  ): Promise<FacesChange> {
    return this.#locked(collectionId, async () => {
      checkFaceIds(faceIds);
      const { version } = await reads.readCollection(this.#c, collectionId);
      await reads.readPerson(this.#c, collectionId, personId);
      const change = await reads.facesToChange(this.#c, collectionId, faceIds, (face) =>
        face === undefined ? 'no such face' : refuse(face.personId),
      );
      if (change.done.length === 0) return { ...change, version };
      await this.#c.faces.updateMany(reads.facesIn(collectionId, change.done), { $set: { personId: to } });
      return { ...change, version: await this.#bump(collectionId) };
    });
  }

  /**
   * Best effort after a failed addFaces: its faces, and the person it created, go again. Its version bump, if it
   * landed, stays: a version with no change costs a recognizer one reload.
   */
  async #undoAdd(collectionId: string, docs: readonly FaceDocument[], newPerson: string | null): Promise<void> {
    const ids = docs.map((d) => d._id.faceId);
    await this.#c.faces.deleteMany(reads.facesIn(collectionId, ids)).catch(() => undefined);
    if (newPerson !== null)
      await this.#c.persons.deleteOne({ _id: personKey(collectionId, newPerson) }).catch(() => undefined);
  }

  /** Inserts the person; false when the collection has it already. */
  async #insertPerson(collectionId: string, personId: string): Promise<boolean> {
    try {
      await this.#c.persons.insertOne({ _id: personKey(collectionId, personId), createTime: this.#now() });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** The collection's version plus one (an atomic $inc on MongoDB; made safe on FerretDB by the lock). */
  async #bump(collectionId: string): Promise<number> {
    const after = await this.#c.collections.findOneAndUpdate(
      { _id: collectionId },
      { $inc: { version: 1 } },
      { returnDocument: 'after' }, // no projection: FerretDB 1.x refuses one in findAndModify
    );
    if (after === null) throw collectionNotFound(collectionId); // deleted behind the lock
    return after.version;
  }

  /** Runs `body` holding the collection's lock, unless the store is closed. */
  #locked<T>(collectionId: string, body: () => Promise<T>): Promise<T> {
    return this.#call(() => withLock(this.#c.locks, collectionId, `collection ${collectionId}`, body));
  }

  /** Runs `body` unless the store is closed, with the driver's errors as PmrErrors. */
  async #call<T>(body: () => Promise<T>): Promise<T> {
    if (this.#closed) throw collectionStoreClosed(this.name);
    try {
      return await body();
    } catch (err) {
      throw this.#closed ? collectionStoreClosed(this.name) : storeError(err, `collection store ${this.name}`);
    }
  }
}
