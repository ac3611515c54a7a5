// The CollectionStore contract, written once and run against every adapter (SQLite, MongoDB). Run it from a test file:
// runCollectionStoreContract('SqliteCollectionStore', makeStore). Pass `skip` with the answer of requireParts to
// report every case as skipped with that reason when the server the store needs is missing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CollectionStore } from '../collection-store.ts';
import type { FaceVectors, NewFace } from '../collection-types.ts';
import { rejectsWith } from '@pmr/common/testing/rejects';

/** A settable clock starting at 2026-01-01T00:00:00Z. */
class TestClock {
  t = Date.UTC(2026, 0, 1);
  readonly now = (): number => this.t;
}

export interface CollectionStoreHarness {
  readonly store: CollectionStore;
  /**
   * A second store on the same data (another connection), for stores that several connections can share; cleanup
   * closes it too. Without it, the concurrency case runs every change through `store`.
   */
  readonly openSecond?: () => Promise<CollectionStore>;
  /** Closes the store (and any second one) and removes the data. */
  readonly cleanup: () => Promise<void>;
}

export type MakeCollectionStore = (options: { readonly now: () => number }) => Promise<CollectionStoreHarness>;

const MODEL = 'test-model';
const DIM = 4;

/** A unit vector of DIM values pointing mostly along axis `k`, slightly tilted by `tilt`. */
function unit(k: number, tilt = 0): Float32Array {
  const v = new Float32Array(DIM);
  v[k % DIM] = 1;
  v[(k + 1) % DIM] = tilt;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

function face(k: number, over: Partial<NewFace> = {}): NewFace {
  return {
    externalImageId: `photo-${k}.jpg`,
    imageSha256: k.toString(16).padStart(64, '0'),
    box: { x: k, y: 2 * k, width: 50 + k, height: 60 + k },
    confidence: 0.9,
    quality: { score: 0.8, detector: 0.9, size: 0.7, sharpness: 0.6, frontalness: 0.95 },
    embedding: unit(k, 0.1),
    templates: [unit(k, 0.1), unit(k, 0.2), unit(k, 0.3)],
    ...over,
  };
}

export function runCollectionStoreContract(
  name: string,
  makeStore: MakeCollectionStore,
  options: { readonly skip?: string } = {},
): void {
  const it = (
    title: string,
    body: (store: CollectionStore, clock: TestClock, harness: CollectionStoreHarness) => Promise<void>,
  ): void => {
    test(title, async (t) => {
      if (options.skip !== undefined) {
        t.skip(options.skip);
        return;
      }
      const clock = new TestClock();
      const h = await makeStore({ now: clock.now });
      try {
        await body(h.store, clock, h);
      } finally {
        await h.cleanup();
      }
    });
  };

  describe(`CollectionStore contract: ${name}`, () => {
    it('createCollection makes an empty collection at version 1; ids are checked and unique', async (store, clock) => {
      const created = await store.createCollection({
        id: 'staff',
        embeddingModel: MODEL,
        embeddingDim: DIM,
        tags: { site: 'lobby' },
      });
      assert.deepEqual(created, {
        id: 'staff',
        embeddingModel: MODEL,
        embeddingDim: DIM,
        tags: { site: 'lobby' },
        createTime: clock.t,
        version: 1,
        faceCount: 0,
        personCount: 0,
      });
      assert.deepEqual(await store.getCollection('staff'), created);
      assert.equal(await store.getCollection('nobody'), null);
      await rejectsWith(
        store.createCollection({ id: 'staff', embeddingModel: MODEL, embeddingDim: DIM }),
        'ALREADY_EXISTS',
      );
      await rejectsWith(
        store.createCollection({ id: 'a b', embeddingModel: MODEL, embeddingDim: DIM }),
        'INVALID_ARGUMENT',
      );
      await rejectsWith(
        store.createCollection({ id: '', embeddingModel: MODEL, embeddingDim: DIM }),
        'INVALID_ARGUMENT',
      );
      await rejectsWith(
        store.createCollection({ id: 'x'.repeat(129), embeddingModel: MODEL, embeddingDim: DIM }),
        'INVALID_ARGUMENT',
      );
      await rejectsWith(
        store.createCollection({ id: 'z', embeddingModel: MODEL, embeddingDim: 0 }),
        'INVALID_ARGUMENT',
      );
    });

    it('listCollections pages by id; a token of another call is refused', async (store) => {
      for (const id of ['e', 'b', 'd', 'a', 'c'])
        await store.createCollection({ id, embeddingModel: MODEL, embeddingDim: DIM });
      const ids: string[][] = [];
      let pageToken = '';
      do {
        const page = await store.listCollections({ pageSize: 2, pageToken });
        ids.push(page.items.map((c) => c.id));
        pageToken = page.nextPageToken;
      } while (pageToken !== '');
      assert.deepEqual(ids, [['a', 'b'], ['c', 'd'], ['e']]);
      const persons = await store.listPersons('a', { pageSize: 1 });
      assert.equal(persons.nextPageToken, '');
      await store.createPerson('a', 'p1');
      await store.createPerson('a', 'p2');
      const token = (await store.listPersons('a', { pageSize: 1 })).nextPageToken;
      await rejectsWith(store.listCollections({ pageToken: token }), 'INVALID_ARGUMENT', /another call or collection/);
      await rejectsWith(store.listCollections({ pageToken: 'garbage' }), 'INVALID_ARGUMENT');
      await rejectsWith(store.listCollections({ pageSize: 1001 }), 'INVALID_ARGUMENT');
    });

    it('addFaces stores faces with new ids and their vectors exactly; a person given is created; counts and version follow', async (store, clock) => {
      await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: DIM });
      clock.t += 1000;
      const { faces, version } = await store.addFaces('c', {
        embeddingModel: MODEL,
        faces: [face(1), face(2)],
        personId: 'alice',
      });
      assert.equal(version, 2);
      assert.equal(faces.length, 2);
      assert.notEqual(faces[0]!.faceId, faces[1]!.faceId);
      assert.deepEqual(faces[0], {
        faceId: faces[0]!.faceId,
        collectionId: 'c',
        personId: 'alice',
        externalImageId: 'photo-1.jpg',
        imageSha256: face(1).imageSha256,
        box: face(1).box,
        confidence: 0.9,
        quality: face(1).quality,
        indexTime: clock.t,
      });
      const more = await store.addFaces('c', { embeddingModel: MODEL, faces: [face(3)] });
      assert.equal(more.faces[0]!.personId, null);
      assert.equal(more.version, 3);
      assert.deepEqual(await store.getPerson('c', 'alice'), {
        personId: 'alice',
        collectionId: 'c',
        faceCount: 2,
        createTime: clock.t,
      });
      const collection = (await store.getCollection('c'))!;
      assert.deepEqual([collection.faceCount, collection.personCount, collection.version], [3, 1, 3]);
      const vectors = await store.vectorsOf('c', [faces[1]!.faceId, 'nope', faces[0].faceId]);
      assert.deepEqual(
        vectors.map((v) => [v.faceId, v.personId]),
        [
          [faces[1]!.faceId, 'alice'],
          [faces[0].faceId, 'alice'],
        ],
      );
      assert.deepEqual(vectors[0]!.embedding, face(2).embedding, 'float32 values come back bit for bit');
      assert.deepEqual(vectors[0]!.templates, face(2).templates);
      assert.deepEqual(
        (await store.getFaces('c', [faces[0].faceId, 'nope'])).map((f) => f.faceId),
        [faces[0].faceId],
      );
    });

    it('addFaces refuses another model or length (FAILED_PRECONDITION) and bad values, and then adds nothing', async (store) => {
      await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: DIM });
      await rejectsWith(
        store.addFaces('c', { embeddingModel: 'other', faces: [face(1)] }),
        'FAILED_PRECONDITION',
        /other/,
      );
      await rejectsWith(
        store.addFaces('c', { embeddingModel: MODEL, faces: [face(1), face(2, { embedding: new Float32Array(5) })] }),
        'FAILED_PRECONDITION',
        /5 values/,
      );
      await rejectsWith(
        store.addFaces('c', {
          embeddingModel: MODEL,
          faces: [face(1, { templates: [new Float32Array([NaN, 0, 0, 0])] })],
        }),
        'INVALID_ARGUMENT',
      );
      await rejectsWith(
        store.addFaces('c', { embeddingModel: MODEL, faces: [face(1, { templates: [] })] }),
        'INVALID_ARGUMENT',
      );
      await rejectsWith(
        store.addFaces('c', { embeddingModel: MODEL, faces: [face(1), face(2, { confidence: NaN })] }),
        'INVALID_ARGUMENT',
        /faces\[1\]\.confidence must be a finite number/,
      );
      await rejectsWith(
        store.addFaces('c', {
          embeddingModel: MODEL,
          faces: [face(1, { box: { x: 0, y: Infinity, width: 1, height: 1 } })],
        }),
        'INVALID_ARGUMENT',
        /box\.y/,
      );
      await rejectsWith(
        store.addFaces('c', { embeddingModel: MODEL, faces: [face(1)], personId: 'no way' }),
        'INVALID_ARGUMENT',
      );
      await rejectsWith(store.addFaces('nope', { embeddingModel: MODEL, faces: [face(1)] }), 'NOT_FOUND');
      const c = (await store.getCollection('c'))!;
      assert.deepEqual([c.faceCount, c.personCount, c.version], [0, 0, 1]);
    });

    it('listFaces pages by face id, for the collection or one person; tokens belong to their listing', async (store) => {
      await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: DIM });
      await store.createCollection({ id: 'd', embeddingModel: MODEL, embeddingDim: DIM });
      const alice = (
        await store.addFaces('c', { embeddingModel: MODEL, faces: [face(1), face(2), face(3)], personId: 'alice' })
      ).faces;
      const loose = (await store.addFaces('c', { embeddingModel: MODEL, faces: [face(4), face(5)] })).faces;
      const all: string[] = [];
      let pageToken = '';
      do {
        const page = await store.listFaces('c', { pageSize: 2, pageToken });
        assert.ok(page.items.length <= 2);
        all.push(...page.items.map((f) => f.faceId));
        pageToken = page.nextPageToken;
      } while (pageToken !== '');
      assert.deepEqual(all, [...alice, ...loose].map((f) => f.faceId).sort());
      const first = await store.listFaces('c', { personId: 'alice', pageSize: 2 });
      const second = await store.listFaces('c', { personId: 'alice', pageToken: first.nextPageToken });
      assert.deepEqual(
        [...first.items, ...second.items].map((f) => f.faceId),
        alice.map((f) => f.faceId).sort(),
      );
      assert.equal(second.nextPageToken, '');
      await rejectsWith(
        store.listFaces('c', { pageToken: first.nextPageToken }),
        'INVALID_ARGUMENT',
        /another call or collection/,
      );
      await rejectsWith(
        store.listFaces('d', { personId: 'alice', pageToken: first.nextPageToken }),
        'INVALID_ARGUMENT',
      );
      await rejectsWith(store.listFaces('c', { personId: 'bob' }), 'NOT_FOUND', /bob/);
      await rejectsWith(store.listFaces('nope'), 'NOT_FOUND');
    });

    it('deleteFaces deletes the faces that exist and names the others', async (store) => {
      await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: DIM });
      const faces = (await store.addFaces('c', { embeddingModel: MODEL, faces: [face(1), face(2)], personId: 'p' }))
        .faces;
      const change = await store.deleteFaces('c', [faces[0]!.faceId, 'nope']);
      assert.deepEqual(change.done, [faces[0]!.faceId]);
      assert.deepEqual(change.unsuccessful, [{ faceId: 'nope', reason: 'no such face' }]);
      assert.equal(change.version, 3);
      assert.equal((await store.getCollection('c'))!.faceCount, 1);
      assert.equal((await store.getPerson('c', 'p'))!.faceCount, 1);
      const nothing = await store.deleteFaces('c', ['nope']);
      assert.equal(nothing.version, 3, 'nothing changed, no new version');
      await rejectsWith(store.deleteFaces('c', []), 'INVALID_ARGUMENT');
    });

    it('persons: created once, faces associated and disassociated by the rules, deleted leaving their faces', async (store) => {
      await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: DIM });
      const faces = (await store.addFaces('c', { embeddingModel: MODEL, faces: [face(1), face(2), face(3)] })).faces;
      const [f1, f2, f3] = faces.map((f) => f.faceId) as [string, string, string];
      assert.deepEqual(await store.createPerson('c', 'alice'), {
        personId: 'alice',
        collectionId: 'c',
        faceCount: 0,
        createTime: Date.UTC(2026, 0, 1),
      });
      await rejectsWith(store.createPerson('c', 'alice'), 'ALREADY_EXISTS');
      await rejectsWith(store.createPerson('c', 'bad id!'), 'INVALID_ARGUMENT');
      await rejectsWith(store.createPerson('nope', 'alice'), 'NOT_FOUND');
      await store.createPerson('c', 'bob');
      const toAlice = await store.associateFaces('c', 'alice', [f1, f2, 'nope']);
      assert.deepEqual(toAlice.done, [f1, f2]);
      assert.deepEqual(toAlice.unsuccessful, [{ faceId: 'nope', reason: 'no such face' }]);
      const toBob = await store.associateFaces('c', 'bob', [f2, f3]);
      assert.deepEqual(toBob.done, [f3]);
      assert.deepEqual(toBob.unsuccessful, [{ faceId: f2, reason: 'belongs to person alice' }]);
      assert.deepEqual((await store.associateFaces('c', 'alice', [f1])).done, [f1], 'already hers: done');
      const off = await store.disassociateFaces('c', 'alice', [f2, f3]);
      assert.deepEqual(off.done, [f2]);
      assert.deepEqual(off.unsuccessful, [{ faceId: f3, reason: 'not a face of person alice' }]);
      await rejectsWith(store.associateFaces('c', 'carol', [f1]), 'NOT_FOUND', /carol/);
      assert.deepEqual(
        (await store.listPersons('c')).items.map((p) => [p.personId, p.faceCount]),
        [
          ['alice', 1],
          ['bob', 1],
        ],
      );
      const gone = await store.deletePerson('c', 'alice');
      assert.equal(gone.faces, 1);
      assert.equal(await store.getPerson('c', 'alice'), null);
      assert.equal((await store.getFaces('c', [f1]))[0]!.personId, null, 'the face stays, unassociated');
      await rejectsWith(store.deletePerson('c', 'alice'), 'NOT_FOUND');
      const c = (await store.getCollection('c'))!;
      assert.deepEqual([c.faceCount, c.personCount], [3, 1]);
    });

    it('concurrent changes to one collection each get a version of their own, and none is lost', async (store, _clock, h) => {
      await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: DIM });
      const loose = (await store.addFaces('c', { embeddingModel: MODEL, faces: [1, 2, 3, 4].map((k) => face(k)) }))
        .faces;
      await store.createPerson('c', 'alice'); // version 3
      const other = h.openSecond === undefined ? store : await h.openSecond();
      const via = (i: number): CollectionStore => (i % 2 === 0 ? store : other);
      const adds = Array.from({ length: 12 }, (_, i) =>
        via(i).addFaces('c', {
          embeddingModel: MODEL,
          faces: [face(10 + i)],
          ...(i % 3 === 0 && { personId: `p${(i / 3) % 2}` }),
        }),
      );
      const associations = loose.map((f, i) => via(i + 1).associateFaces('c', 'alice', [f.faceId]));
      const [added, associated] = await Promise.all([Promise.all(adds), Promise.all(associations)]);
      const changes = added.length + associated.length;
      assert.deepEqual(
        [...added, ...associated].map((r) => r.version).sort((a, b) => a - b),
        Array.from({ length: changes }, (_, i) => 4 + i),
        'every change got a version of its own',
      );
      for (const a of associated) assert.equal(a.done.length, 1);
      const collection = (await store.getCollection('c'))!;
      assert.deepEqual(
        [collection.version, collection.faceCount, collection.personCount],
        [3 + changes, 16, 3],
        'the version is 1 + the number of changes, and every face and person is there',
      );
      const ids = (await store.listFaces('c', { pageSize: 100 })).items.map((f) => f.faceId);
      assert.deepEqual(ids, [...loose, ...added.flatMap((a) => a.faces)].map((f) => f.faceId).sort());
      assert.deepEqual(
        (await store.listPersons('c')).items.map((p) => [p.personId, p.faceCount]),
        [
          ['alice', 4],
          ['p0', 2],
          ['p1', 2],
        ],
      );
    });

    it('faceVectorPages reads every face once, a page at a time', async (store) => {
      await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: DIM });
      const ids = (
        await store.addFaces('c', { embeddingModel: MODEL, faces: [1, 2, 3, 4, 5].map((k) => face(k)), personId: 'p' })
      ).faces.map((f) => f.faceId);
      const pages: Array<readonly FaceVectors[]> = [];
      for await (const page of store.faceVectorPages('c', 2)) pages.push(page);
      assert.deepEqual(
        pages.map((p) => p.length),
        [2, 2, 1],
      );
      const read = pages.flat();
      assert.deepEqual(read.map((v) => v.faceId).toSorted(), ids.toSorted());
      for (const v of read) {
        const k = ids.indexOf(v.faceId) + 1; // the faces were added as face(1) … face(5)
        assert.deepEqual([v.personId, v.embedding, v.templates], ['p', face(k).embedding, face(k).templates]);
      }
      for await (const page of store.faceVectorPages('c', 10)) assert.equal(page.length, 5, 'one page when it fits');
      await rejectsWith(
        (async () => {
          for await (const page of store.faceVectorPages('nope', 2)) void page;
        })(),
        'NOT_FOUND',
      );
    });

    it('deleteCollection removes it with its faces and persons', async (store) => {
      await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: DIM });
      await store.addFaces('c', { embeddingModel: MODEL, faces: [face(1), face(2)], personId: 'p' });
      assert.equal(await store.deleteCollection('c'), 2);
      assert.equal(await store.getCollection('c'), null);
      await rejectsWith(store.deleteCollection('c'), 'NOT_FOUND');
      await rejectsWith(store.listFaces('c'), 'NOT_FOUND');
      await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: DIM });
      const again = (await store.getCollection('c'))!;
      assert.deepEqual([again.faceCount, again.personCount, again.version], [0, 0, 1], 'nothing left behind');
    });

    it('a closed store refuses calls (FAILED_PRECONDITION); closing twice is harmless', async (store) => {
      await store.close();
      await store.close();
      await rejectsWith(store.getCollection('c'), 'FAILED_PRECONDITION');
    });
  });
}
