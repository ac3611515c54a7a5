// The recognizer's copies of every face collection, kept current three ways: loaded from the store at start (and when
// first searched), updated by the orchestrator's CollectionEvents as they come (re-reading the faces they name), and
// checked against the store's versions every few seconds, so a missed event costs that much delay and no more. A copy
// that falls more than one change behind is loaded again whole. Changes to one collection apply one at a time.
import { notFound, quote } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import type { CollectionEvent__Output } from '@pmr/common/proto/generated/pmr/v1/CollectionEvent.ts';
import type { CollectionStore } from '@pmr/collections';
import { CollectionCopy } from '../collection-copy.ts';

/** What the copies read from the store. */
export type CollectionSource = Pick<
  CollectionStore,
  'getCollection' | 'listCollections' | 'faceVectorPages' | 'vectorsOf'
>;

/** Faces read from the store per call when a collection is loaded. */
const LOAD_PAGE = 2000;

export class CollectionCopies {
  readonly #source: CollectionSource;
  readonly #logger: Logger;
  readonly #copies = new Map<string, CollectionCopy>();
  /** Per collection, the change being applied (changes run one after another). */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(source: CollectionSource, logger: Logger) {
    this.#source = source;
    this.#logger = logger.child({ component: 'collections' });
  }

  /** Collections held, and faces over all of them. */
  get stats(): { collections: number; faces: number } {
    let faces = 0;
    for (const c of this.#copies.values()) faces += c.faceCount;
    return { collections: this.#copies.size, faces };
  }

  /** The copy of a collection, loaded first when not held. @throws PmrError NOT_FOUND */
  get(collectionId: string): Promise<CollectionCopy> {
    const held = this.#copies.get(collectionId);
    if (held !== undefined) return Promise.resolve(held);
    return this.#serial(collectionId, async () => {
      const copy = this.#copies.get(collectionId) ?? (await this.#load(collectionId));
      if (copy === null) throw notFound(`no collection ${quote(collectionId)}`);
      return copy;
    });
  }

  /** Load every collection of the store (at start). */
  async loadAll(): Promise<void> {
    const versions = await this.#storeVersions();
    for (const id of versions.keys()) await this.get(id).catch(() => undefined); // deleted meanwhile
  }

  /** Apply one announced change. */
  apply(event: CollectionEvent__Output): Promise<void> {
    const id = event.collectionId;
    return this.#serial(id, async () => {
      if (event.collectionDeleted) {
        this.#copies.delete(id);
        return;
      }
      const copy = this.#copies.get(id);
      if (copy === undefined) return; // loaded (with this change) when first searched
      const version = Number(event.version);
      if (version <= copy.version) return;
      if (version > copy.version + 1) {
        await this.#load(id);
        return;
      }
      const found = new Map((await this.#source.vectorsOf(id, event.faceIds)).map((f) => [f.faceId, f]));
      for (const faceId of event.faceIds) {
        const face = found.get(faceId);
        if (face === undefined) copy.remove(faceId);
        else copy.upsert(face);
      }
      if (event.deletedPersonId !== '') copy.dropPerson(event.deletedPersonId);
      copy.version = version;
    });
  }

  /** Compare every copy with the store's version; load again the ones behind, drop the ones deleted. */
  async reconcile(): Promise<void> {
    const versions = await this.#storeVersions();
    for (const [id, copy] of [...this.#copies]) {
      const version = versions.get(id);
      if (version === copy.version) continue;
      await this.#serial(id, async () => {
        if (version === undefined) this.#copies.delete(id);
        else if (this.#copies.get(id)?.version !== version) await this.#load(id);
      });
    }
  }

  async #storeVersions(): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    let pageToken = '';
    do {
      const page = await this.#source.listCollections({ pageSize: 1000, pageToken });
      for (const c of page.items) versions.set(c.id, c.version);
      pageToken = page.nextPageToken;
    } while (pageToken !== '');
    return versions;
  }

  /** Read the collection whole into a new copy that replaces the held one; null (and none held) when it is gone. */
  async #load(collectionId: string): Promise<CollectionCopy | null> {
    const started = performance.now();
    const collection = await this.#source.getCollection(collectionId);
    if (collection === null) {
      this.#copies.delete(collectionId);
      return null;
    }
    // The version read first: changes made while reading are applied again by their events or the next check.
    const copy = new CollectionCopy(collection.embeddingDim, collection.version, collection.embeddingModel);
    for await (const page of this.#source.faceVectorPages(collectionId, LOAD_PAGE))
      for (const face of page) copy.upsert(face);
    this.#copies.set(collectionId, copy);
    this.#logger.info(
      {
        collectionId,
        version: copy.version,
        faces: copy.faceCount,
        persons: copy.personCount,
        ms: Math.round(performance.now() - started),
      },
      'collection loaded',
    );
    return copy;
  }

  #serial<T>(collectionId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(collectionId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(work);
    const tail = next.catch(() => undefined);
    this.#queues.set(collectionId, tail);
    void tail.then(() => {
      if (this.#queues.get(collectionId) === tail) this.#queues.delete(collectionId);
    });
    return next;
  }
}
