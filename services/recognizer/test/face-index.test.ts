import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FaceIndex, type FaceHit, type FaceSearchMode } from '../src/face-index.ts';

const MODES: readonly FaceSearchMode[] = ['exact', 'int8-rerank'];

/** A seeded generator of vectors with components uniform on [-1, 1). */
function generator(seed: number): (dim: number) => Float32Array {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (dim) => Float32Array.from({ length: dim }, () => next() * 2 - 1);
}

/** The reference: cosine in float64 against every face held, best first, equal similarities by face id. */
function naive(faces: ReadonlyMap<string, Float32Array>, query: Float32Array, k: number, min = -Infinity): FaceHit[] {
  const norm = (v: Float32Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return [...faces]
    .map(([faceId, v]) => ({ faceId, similarity: v.reduce((s, x, j) => s + x * query[j]!, 0) / norm(v) / norm(query) }))
    .filter((h) => h.similarity >= min)
    .sort((a, b) => b.similarity - a.similarity || (a.faceId < b.faceId ? -1 : 1))
    .slice(0, k);
}

/** Same faces in the same order with similarities within 1e-5; neighbours closer than that may swap. */
function assertSameRanking(actual: FaceHit[], expected: FaceHit[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: ${actual.length} hits, expected ${expected.length}`);
  actual.forEach((hit, i) => {
    const want = expected[i]!;
    assert.ok(
      Math.abs(hit.similarity - want.similarity) < 1e-5,
      `${what} #${i}: ${hit.similarity} vs ${want.similarity}`,
    );
    if (hit.faceId === want.faceId) return;
    const swapped = expected.find((h) => h.faceId === hit.faceId);
    assert.ok(
      swapped !== undefined && Math.abs(swapped.similarity - want.similarity) < 1e-5,
      `${what} #${i}: ${hit.faceId}, expected ${want.faceId}`,
    );
  });
}

for (const mode of MODES) {
  test(`${mode}: search matches a naive reference through adds, removes, re-adds and replacements`, () => {
    const dim = 48;
    const random = generator(mode === 'exact' ? 1 : 2);
    const index = new FaceIndex({ dim, mode });
    const held = new Map<string, Float32Array>();
    const check = (step: string): void => {
      assert.equal(index.size, held.size, `${step}: size`);
      for (let q = 0; q < 5; q++) {
        const query = random(dim);
        assertSameRanking(index.search(query, 10), naive(held, query, 10), `${step} query ${q}`);
      }
    };
    for (let i = 0; i < 3000; i++) {
      const v = random(dim);
      index.add(`face-${i}`, v);
      held.set(`face-${i}`, v);
    }
    check('3000 added one by one');
    for (let i = 0; i < 3000; i += 3) {
      assert.equal(index.remove(`face-${i}`), true);
      held.delete(`face-${i}`);
    }
    assert.equal(index.remove('face-0'), false, 'a face removed twice');
    assert.equal(index.has('face-0'), false);
    check('every third removed');
    for (let i = 0; i < 3000; i += 6) {
      const v = random(dim);
      index.add(`face-${i}`, v);
      held.set(`face-${i}`, v);
    }
    for (let i = 1; i < 3000; i += 30) {
      const v = random(dim);
      index.add(`face-${i}`, v);
      held.set(`face-${i}`, v);
    }
    check('half re-added, some replaced');
    const query = random(dim);
    const min = naive(held, query, 4)[3]!.similarity - 1e-7;
    assertSameRanking(index.search(query, 10, min), naive(held, query, 10, min), 'minimum similarity');
    assert.deepEqual(index.search(query, 10, 1.01), [], 'nothing above 1');
  });

  test(`${mode}: answers depend on the faces held, not on the order they came in`, () => {
    const dim = 128;
    const random = generator(3);
    const faces = Array.from({ length: 2000 }, (_, i) => [`f${i}`, random(dim)] as const);
    // Exact ties: f7 again under three more ids.
    const tied = ['tie-c', 'tie-a', 'tie-b'].map((id) => [id, faces[7]![1]] as const);
    const all = [...faces, ...tied];
    const a = new FaceIndex({ dim, mode });
    a.addMany(all);
    const b = new FaceIndex({ dim, mode });
    b.addMany([...all].reverse());
    b.addMany(faces.slice(0, 500).map(([id]) => [id, random(dim)] as const));
    for (const [id] of faces.slice(0, 500)) b.remove(id);
    b.addMany(faces.slice(0, 500));
    const queries = [faces[7]![1], ...Array.from({ length: 6 }, () => random(dim))];
    assert.deepEqual(b.searchBatch(queries, 8), a.searchBatch(queries, 8));
    assert.deepEqual(
      a.search(faces[7]![1], 4).map((h) => h.faceId),
      ['f7', 'tie-a', 'tie-b', 'tie-c'],
    );
  });

  test(`${mode}: searchBatch answers as search does, for 1 to 9 queries`, () => {
    const dim = 128;
    const random = generator(4);
    const index = new FaceIndex({ dim, mode });
    index.addMany(Array.from({ length: 500 }, (_, i) => [`f${i}`, random(dim)] as const));
    for (let n = 1; n <= 9; n++) {
      const queries = Array.from({ length: n }, () => random(dim));
      assert.deepEqual(
        index.searchBatch(queries, 5),
        queries.map((q) => index.search(q, 5)),
        `${n} queries`,
      );
    }
    assert.deepEqual(index.searchBatch([], 5), []);
  });
}

test('int8-rerank finds what exact search finds on random data', () => {
  const dim = 128;
  const random = generator(5);
  const faces = Array.from({ length: 20_000 }, (_, i) => [`f${i}`, random(dim)] as const);
  const exact = new FaceIndex({ dim, mode: 'exact' });
  const int8 = new FaceIndex({ dim });
  exact.addMany(faces);
  int8.addMany(faces);
  assert.equal(int8.mode, 'int8-rerank');
  const queries = Array.from({ length: 20 }, () => random(dim));
  assert.deepEqual(int8.searchBatch(queries, 10), exact.searchBatch(queries, 10));
});

test('addPacked reads one block of float32 values, from a Float32Array or from (unaligned) bytes', () => {
  const dim = 128;
  const random = generator(6);
  const faces = Array.from({ length: 300 }, (_, i) => [`f${i}`, random(dim)] as const);
  const packed = new Float32Array(faces.length * dim);
  faces.forEach(([, v], i) => packed.set(v, i * dim));
  const bytes = Buffer.alloc(packed.byteLength + 1);
  Buffer.from(packed.buffer).copy(bytes, 1);
  const ids = faces.map(([id]) => id);
  const one = new FaceIndex({ dim });
  one.addMany(faces);
  const fromValues = new FaceIndex({ dim });
  fromValues.addPacked(ids, packed);
  const fromBytes = new FaceIndex({ dim });
  fromBytes.addPacked(ids, bytes.subarray(1));
  const query = random(dim);
  assert.equal(fromBytes.size, 300);
  assert.deepEqual(fromValues.search(query, 10), one.search(query, 10));
  assert.deepEqual(fromBytes.search(query, 10), one.search(query, 10));
});

test('k larger than the index returns every face; an empty index returns none', () => {
  const index = new FaceIndex({ dim: 2 });
  assert.deepEqual(index.search(Float32Array.from([1, 0]), 3), []);
  index.add('x', Float32Array.from([3, 0]));
  index.add('y', Float32Array.from([0, -2]));
  const hits = index.search(Float32Array.from([1, 1]), 3);
  assert.deepEqual(
    hits.map((h) => h.faceId),
    ['x', 'y'],
  );
  assert.ok(Math.abs(hits[0]!.similarity - Math.SQRT1_2) < 1e-6);
  assert.ok(Math.abs(hits[1]!.similarity + Math.SQRT1_2) < 1e-6);
});

test('refusals are INVALID_ARGUMENT and change nothing', () => {
  const invalid = { name: 'PmrError', code: 'INVALID_ARGUMENT' };
  const ok = Float32Array.from([1, 2, 3]);
  for (const options of [{ dim: 0 }, { dim: 1.5 }, { dim: 5000 }, { dim: 3, rerank: 0 }]) {
    assert.throws(() => new FaceIndex(options), invalid, JSON.stringify(options));
  }
  assert.throws(() => new FaceIndex({ dim: 3, mode: 'hnsw' as FaceSearchMode }), invalid);
  const index = new FaceIndex({ dim: 3 });
  index.add('kept', ok);
  const bad: Array<[string, () => unknown]> = [
    ['short vector', () => index.add('a', Float32Array.from([1, 2]))],
    ['NaN', () => index.add('a', Float32Array.from([1, NaN, 0]))],
    ['Infinity', () => index.add('a', Float32Array.from([1, Infinity, 0]))],
    ['zero vector', () => index.add('a', new Float32Array(3))],
    ['empty id', () => index.add('', ok)],
    [
      'one bad face in addMany',
      () =>
        index.addMany([
          ['a', ok],
          ['b', Float32Array.from([NaN, 0, 0])],
        ]),
    ],
    ['packed length', () => index.addPacked(['a', 'b'], new Float32Array(5))],
    ['packed bytes', () => index.addPacked(['a'], new Uint8Array(10))],
    ['packed NaN', () => index.addPacked(['a', 'b'], Float32Array.from([1, 0, 0, 0, NaN, 0]))],
    ['query length', () => index.search(Float32Array.from([1, 2, 3, 4]), 1)],
    ['query NaN', () => index.search(Float32Array.from([1, 2, NaN]), 1)],
    ['query zero', () => index.search(new Float32Array(3), 1)],
    ['k 0', () => index.search(ok, 0)],
    ['k 1.5', () => index.search(ok, 1.5)],
    ['k 4097', () => index.search(ok, 4097)],
    ['min NaN', () => index.search(ok, 1, NaN)],
    ['one bad query in a batch', () => index.searchBatch([ok, Float32Array.from([1])], 1)],
  ];
  for (const [what, call] of bad) assert.throws(call, invalid, what);
  assert.equal(index.size, 1);
  assert.deepEqual(
    index.search(ok, 5).map((h) => h.faceId),
    ['kept'],
  );
});
