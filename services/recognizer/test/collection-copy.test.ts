// CollectionCopy (the recognizer's in-memory copy of a collection) and CollectionCopies (kept current from the store):
// faces and persons searched as the store holds them; a person's direction is the mean of every template of its
// faces, followed through adds, removals and re-association; events applied in order, a gap or a missed event caught
// by reloading; a deleted collection dropped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentLogger } from '@pmr/common/logger';
import { SqliteCollectionStore, type NewFace } from '@pmr/collections';
import { CollectionCopy } from '../src/collection-copy.ts';
import { weightedMeanDirection } from '../src/vectors.ts';
import { CollectionCopies } from '../src/service/collection-copies.ts';

const DIM = 8;

/** A deterministic unit-ish vector from a seed. */
function vector(seed: number): Float32Array {
  const v = new Float32Array(DIM);
  for (let i = 0; i < DIM; i++) v[i] = Math.sin(seed * 12.9898 + i * 78.233);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

const face = (id: string, personId: string | null, seed: number) => ({
  faceId: id,
  personId,
  embedding: vector(seed),
  templates: [vector(seed), vector(seed + 0.5)],
});

test('faces and persons are searched as held; a person is the mean direction of its templates', () => {
  const copy = new CollectionCopy(DIM);
  copy.upsert(face('f1', 'alice', 1));
  copy.upsert(face('f2', 'alice', 2));
  copy.upsert(face('f3', 'bob', 3));
  copy.upsert(face('f4', null, 4));
  assert.deepEqual([copy.faceCount, copy.personCount], [4, 2]);
  const [hits] = copy.searchFaces([vector(2)], 2, -1);
  assert.equal(hits![0]!.faceId, 'f2');
  assert.ok(Math.abs(hits![0]!.similarity - 1) < 1e-5);
  const alice = weightedMeanDirection([vector(1), vector(1.5), vector(2), vector(2.5)]);
  const [persons] = copy.searchPersons([alice], 5, -1);
  assert.equal(persons![0]!.personId, 'alice');
  assert.ok(Math.abs(persons![0]!.similarity - 1) < 1e-5, `alice's direction: ${persons![0]!.similarity}`);
  assert.equal(persons!.length, 2, 'a face with no person is nobody');

  copy.remove('f1');
  const [afterRemove] = copy.searchPersons([weightedMeanDirection([vector(2), vector(2.5)])], 1, -1);
  assert.ok(Math.abs(afterRemove![0]!.similarity - 1) < 1e-5, 'alice is now her one face');
  copy.upsert(face('f2', 'bob', 2)); // re-associated
  assert.equal(copy.personCount, 1, 'alice has no face left');
  copy.dropPerson('bob');
  assert.deepEqual([copy.faceCount, copy.personCount], [3, 0]);
  assert.deepEqual(copy.searchPersons([vector(3)], 1, -1), [[]]);
  copy.upsert(face('f4', 'carol', 4)); // a face held without a person, associated later, is read again
  const [carol] = copy.searchPersons([weightedMeanDirection([vector(4), vector(4.5)])], 1, -1);
  assert.deepEqual(
    carol!.map((p) => p.personId),
    ['carol'],
  );
  assert.ok(Math.abs(carol![0]!.similarity - 1) < 1e-5);
  copy.remove('f4');
  assert.equal(copy.personCount, 0, 'carol goes with her one face');
});

const MODEL = 'm';
const newFace = (seed: number): NewFace => ({
  externalImageId: `p${seed}.jpg`,
  imageSha256: 'a'.repeat(64),
  box: { x: 0, y: 0, width: 50, height: 50 },
  confidence: 0.9,
  quality: { score: 0.8, detector: 0.9, size: 0.7, sharpness: 0.6, frontalness: 0.95 },
  embedding: vector(seed),
  templates: [vector(seed), vector(seed + 0.5)],
});

test('copies load from the store, apply events in order, reload on a gap, catch missed events and deletions', async () => {
  const store = new SqliteCollectionStore(':memory:');
  try {
    await store.createCollection({ id: 'c', embeddingModel: MODEL, embeddingDim: DIM });
    const first = await store.addFaces('c', {
      embeddingModel: MODEL,
      faces: [newFace(1), newFace(2)],
      personId: 'alice',
    });
    const copies = new CollectionCopies(store, silentLogger());
    await copies.loadAll();
    const copy = await copies.get('c');
    assert.deepEqual([copy.faceCount, copy.version], [2, first.version]);

    const added = await store.addFaces('c', { embeddingModel: MODEL, faces: [newFace(3)] });
    await copies.apply({
      collectionId: 'c',
      version: String(added.version),
      faceIds: [added.faces[0]!.faceId],
      deletedPersonId: '',
      collectionDeleted: false,
    });
    assert.deepEqual([(await copies.get('c')).faceCount, (await copies.get('c')).version], [3, added.version]);

    // Two changes, the first event lost: the second is a gap, and the collection is read again whole.
    await store.deleteFaces('c', [first.faces[0]!.faceId]);
    const more = await store.addFaces('c', { embeddingModel: MODEL, faces: [newFace(4)] });
    await copies.apply({
      collectionId: 'c',
      version: String(more.version),
      faceIds: [more.faces[0]!.faceId],
      deletedPersonId: '',
      collectionDeleted: false,
    });
    const reloaded = await copies.get('c');
    assert.notEqual(reloaded, copy, 'a new copy');
    assert.deepEqual([reloaded.faceCount, reloaded.version], [3, more.version]);

    // A change with no event at all: the version check finds it.
    const unannounced = await store.deletePerson('c', 'alice');
    await copies.reconcile();
    assert.deepEqual([(await copies.get('c')).personCount, (await copies.get('c')).version], [0, unannounced.version]);

    await store.deleteCollection('c');
    await copies.reconcile();
    await assert.rejects(copies.get('c'), /no collection "c"/);
  } finally {
    await store.close();
  }
});
