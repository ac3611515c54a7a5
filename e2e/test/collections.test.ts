// CollectionService on a running deployment (real nats-server, each service its own process, two recognizers, gRPC
// over sockets, each store — the SQLite file and FerretDB — shared by the orchestrator and the recognizers). The flow the public API
// exists for: create a collection, index every photo of the shared identities into it (persons by folder; the photos
// enrolment rejects are left out with its reasons), run a video job that names the collection — the same tracks,
// names and similarities as `pmr analyze --gallery` — and search images against it. Then what keeps it right: two
// recognizers answer the same, a face indexed now is found through each within a second, a restart of the
// orchestrator and both recognizers changes no answer; faces and persons are managed; bad input gets its status.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { loadPmrProto } from '@pmr/common/proto';
import type { Collection__Output } from '@pmr/common/proto/generated/pmr/v1/Collection.ts';
import type { IndexFacesResponse__Output } from '@pmr/common/proto/generated/pmr/v1/IndexFacesResponse.ts';
import type { SearchCollectionResponse__Output } from '@pmr/common/proto/generated/pmr/v1/SearchCollectionResponse.ts';
import { credentials } from '@grpc/grpc-js';
import { assertSameAnalysis, type AnalysisJson } from '../src/compare-results.ts';
import { startDeployment, type Deployment } from '../src/deployment.ts';
import { deploymentClients, statusOf, unary, type PmrClients } from '../src/grpc-clients.ts';
import { TEST_STORES, type OpenedStore } from '../src/test-stores.ts';
import { dataDir, video } from '../src/paths.ts';
import { runCli } from '../src/run-cli.ts';

const identities = join(dataDir, 'identities');
const IMAGE = /\.(jpe?g|png|webp)$/i;

/** The gallery folder's photos in enrolment order: persons by name, files by name (as galleryFolder lists them). */
async function galleryPhotos(): Promise<Array<{ person: string; file: string }>> {
  const out: Array<{ person: string; file: string }> = [];
  for (const person of (await readdir(identities, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    if (person.startsWith('_') || person.startsWith('.')) continue;
    for (const file of (await readdir(join(identities, person))).sort())
      if (IMAGE.test(file)) out.push({ person, file });
  }
  return out;
}

for (const storeKind of TEST_STORES)
  suite(`CollectionService on a running deployment, ${storeKind.name} store`, { skip: storeKind.skip ?? false }, () => {
    let store: OpenedStore;
    let deployment: Deployment;
    let clients: PmrClients;
    const recognizerSearch = (address: string, request: object): Promise<SearchCollectionResponse__Output> => {
      const client = new (loadPmrProto().pmr.v1.RecognizerService)(address, credentials.createInsecure());
      return unary<SearchCollectionResponse__Output>((options, done) =>
        client.SearchCollection(request, options, done),
      ).finally(() => client.close());
    };
    const call = <R>(method: string, request: object): Promise<R> =>
      unary<R>((options, done) =>
        (clients.collections as unknown as Record<string, (r: object, o: object, d: typeof done) => void>)[method]!(
          request,
          options,
          done,
        ),
      );
    const connect = (): void => {
      clients?.close();
      clients = deploymentClients(deployment);
    };
    const indexed = new Map<string, IndexFacesResponse__Output>();

    before(async () => {
      store = await storeKind.open('pmr_collections_e2e');
      deployment = await startDeployment({
        replicas: { recognizer: 2 },
        ...(store.location !== undefined && { store: store.location }),
      });
      connect();
    });
    after(async () => {
      clients?.close();
      await deployment?.stop();
      await store?.close();
    });

    test('create a collection and index every identity photo; rejected photos are left out with reasons', async () => {
      const { collection } = await call<{ collection: Collection__Output }>('CreateCollection', {
        collectionId: 'identities',
        tags: { source: 'shared/data' },
      });
      assert.match(collection.embeddingModel, /^mobilefacenet_foamliu_128d@[0-9a-f]{12}$/);
      assert.equal(collection.embeddingDim, 128);
      assert.equal(collection.faceCount, '0');
      for (const { person, file } of await galleryPhotos()) {
        const response = await call<IndexFacesResponse__Output>('IndexFaces', {
          collectionId: 'identities',
          image: { data: await readFile(join(identities, person, file)) },
          externalImageId: `${person}/${file}`,
          personId: person,
        });
        assert.ok(response.indexedFaces.length <= 1, 'one subject per photo');
        for (const f of response.indexedFaces) assert.equal(f.face!.personId, person);
        indexed.set(`${person}/${file}`, response);
      }
      const faces = [...indexed.values()].reduce((n, r) => n + r.indexedFaces.length, 0);
      const persons = new Set([...indexed].filter(([, r]) => r.indexedFaces.length > 0).map(([k]) => k.split('/')[0]));
      const described = await call<{ collection: Collection__Output }>('DescribeCollection', {
        collectionId: 'identities',
      });
      assert.equal(described.collection.faceCount, String(faces));
      assert.equal(described.collection.personCount, String(persons.size));
      const rejected = [...indexed].filter(([, r]) => r.indexedFaces.length === 0);
      assert.ok(faces > 40, `${faces} faces indexed, ${rejected.length} photos left out`);
      for (const [photo, r] of rejected)
        assert.ok(
          r.unindexedFaces.length === 0 || r.unindexedFaces.every((u) => u.reasons.length > 0),
          `${photo}: every face left out says why`,
        );
    });

    test('a video job on the collection gives the tracks, names and similarities of pmr analyze --gallery', async () => {
      const args = [video('short_hamilton_clip.mp4'), '--skip', 'none'];
      const embedded = await runCli(['analyze', ...args, '--gallery', identities]);
      assert.equal(embedded.code, 0, embedded.stderr);
      const remote = await runCli([
        'analyze',
        ...args,
        '--remote',
        deployment.orchestratorAddress(),
        '--collection',
        'identities',
      ]);
      assert.equal(remote.code, 0, remote.stderr);
      const expected = JSON.parse(embedded.stdout) as AnalysisJson & {
        gallery: { persons: number; accepted: number; rejected: Array<{ file: string }> };
      };
      const actual = JSON.parse(remote.stdout) as typeof expected;
      assert.ok(expected.persons.length > 0, 'somebody is recognised');
      assert.equal(actual.gallery.persons, expected.gallery.persons);
      assert.equal(actual.gallery.accepted, expected.gallery.accepted);
      assert.deepEqual(
        [...indexed].filter(([, r]) => r.indexedFaces.length === 0).map(([photo]) => photo),
        expected.gallery.rejected.map((r) => r.file),
        'IndexFaces leaves out exactly the photos enrolment rejects',
      );
      assertSameAnalysis({ ...actual, gallery: null }, { ...expected, gallery: null }, 'collection vs --gallery');
    });

    test('SearchFacesByImage and SearchPersonsByImage answer every face of a group photo', async () => {
      const photos: Array<[string, string[]]> = [
        ['two_people.jpg', ['barack_obama', 'joe_biden']],
        ['kit_with_rose.jpg', ['kit_harington', 'rose_leslie']],
      ];
      for (const [photo, people] of photos) {
        const data = await readFile(join(identities, '_groups', photo));
        const faces = await call<{
          faces: Array<{ faceMatches: Array<{ face: { personId: string }; similarity: number }> }>;
        }>('SearchFacesByImage', { collectionId: 'identities', image: { data }, maxFaces: 3 });
        assert.equal(faces.faces.length, 2, photo);
        assert.deepEqual(faces.faces.map((f) => f.faceMatches[0]?.face.personId).sort(), people, photo);
        for (const f of faces.faces) assert.ok(f.faceMatches.length <= 3);
        const persons = await call<{ faces: Array<{ personMatches: Array<{ person: { personId: string } }> }> }>(
          'SearchPersonsByImage',
          { collectionId: 'identities', image: { data } },
        );
        assert.deepEqual(persons.faces.map((f) => f.personMatches[0]?.person.personId).sort(), people, photo);
      }
    });

    test('SearchFaces and SearchPersons by a face or person of the collection', async () => {
      const obamaFace = indexed.get('barack_obama/obama.jpg')!.indexedFaces[0]!.face!.faceId;
      const similar = await call<{ faceMatches: Array<{ face: { faceId: string; personId: string } }> }>(
        'SearchFaces',
        {
          collectionId: 'identities',
          faceId: obamaFace,
          maxFaces: 3,
        },
      );
      assert.ok(similar.faceMatches.length > 0);
      assert.ok(
        similar.faceMatches.every((m) => m.face.faceId !== obamaFace),
        'not its own match',
      );
      assert.equal(similar.faceMatches[0]!.face.personId, 'barack_obama');
      const byFace = await call<{ personMatches: Array<{ person: { personId: string } }> }>('SearchPersons', {
        collectionId: 'identities',
        faceId: obamaFace,
      });
      assert.equal(byFace.personMatches[0]!.person.personId, 'barack_obama');
      const byPerson = await call<{ personMatches: Array<{ person: { personId: string } }> }>('SearchPersons', {
        collectionId: 'identities',
        personId: 'barack_obama',
        personMatchThreshold: -1,
      });
      assert.ok(
        byPerson.personMatches.every((m) => m.person.personId !== 'barack_obama'),
        'not itself',
      );
    });

    test('two recognizers answer the same; a face indexed now is found through each within a second', async () => {
      const [one, two] = deployment.services.get('recognizer')!;
      const { collection } = await call<{ collection: Collection__Output }>('CreateCollection', {
        collectionId: 'fresh',
      });
      assert.equal(collection.faceCount, '0');
      const probe = async (address: string): Promise<SearchCollectionResponse__Output> =>
        recognizerSearch(address, {
          collectionId: 'fresh',
          queries: [{ values: Array.from({ length: 128 }, (_, i) => (i === 0 ? 1 : 0)) }],
          target: 'SEARCH_TARGET_FACES',
          maxResults: 5,
          minSimilarity: -1,
        });
      assert.deepEqual((await probe(one!.address)).results[0]!.hits, []);
      assert.deepEqual((await probe(two!.address)).results[0]!.hits, []);
      const response = await call<IndexFacesResponse__Output>('IndexFaces', {
        collectionId: 'fresh',
        image: { data: await readFile(join(identities, 'joe_biden', 'biden.jpg')) },
        externalImageId: 'biden.jpg',
      });
      const faceId = response.indexedFaces[0]!.face!.faceId;
      const indexedAt = performance.now();
      const found: number[] = [];
      for (const replica of [one!, two!]) {
        for (;;) {
          const hits = (await probe(replica.address)).results[0]!.hits;
          if (hits.some((h) => h.id === faceId)) break;
          assert.ok(performance.now() - indexedAt < 5000, `replica ${replica.address} never found the face`);
          await new Promise((r) => setTimeout(r, 20));
        }
        found.push(performance.now() - indexedAt);
      }
      assert.ok(Math.max(...found) < 1000, `found after ${found.map(Math.round).join(' and ')} ms`);
      assert.deepEqual(await probe(one!.address), await probe(two!.address), 'the same answer from both');
    });

    test('restarting the orchestrator and both recognizers changes no answer', async () => {
      const data = await readFile(join(identities, '_groups', 'two_people.jpg'));
      const ask = () =>
        Promise.all([
          call<{ collection: Collection__Output }>('DescribeCollection', { collectionId: 'identities' }),
          call<unknown>('SearchFacesByImage', { collectionId: 'identities', image: { data } }),
          call<unknown>('SearchPersonsByImage', { collectionId: 'identities', image: { data } }),
        ]);
      const before = await ask();
      for (const r of [...deployment.services.get('recognizer')!]) await deployment.kill(r);
      await Promise.all([deployment.start('recognizer'), deployment.start('recognizer')]);
      await deployment.restartOrchestrator();
      connect();
      assert.deepEqual(await ask(), before);
    });

    test('collections, faces and persons: listed page by page, associated by the rules, deleted', async () => {
      const all: string[] = [];
      let pageToken = '';
      do {
        const page = await call<{ faces: Array<{ faceId: string }>; nextPageToken: string }>('ListFaces', {
          collectionId: 'identities',
          pageSize: 7,
          pageToken,
        });
        assert.ok(page.faces.length <= 7);
        all.push(...page.faces.map((f) => f.faceId));
        pageToken = page.nextPageToken;
      } while (pageToken !== '');
      const expected = [...indexed.values()].flatMap((r) => r.indexedFaces.map((f) => f.face!.faceId));
      assert.deepEqual(all, expected.toSorted());
      const obama = await call<{ faces: Array<{ faceId: string }> }>('ListFaces', {
        collectionId: 'identities',
        personId: 'barack_obama',
      });
      assert.ok(obama.faces.length >= 2);
      await call('CreatePerson', { collectionId: 'identities', personId: 'somebody' });
      const taken = await call<{ associatedFaceIds: string[]; unsuccessfulFaces: Array<{ reason: string }> }>(
        'AssociateFaces',
        { collectionId: 'identities', personId: 'somebody', faceIds: [obama.faces[0]!.faceId] },
      );
      assert.deepEqual(taken.associatedFaceIds, []);
      assert.match(taken.unsuccessfulFaces[0]!.reason, /belongs to person barack_obama/);
      const moved = obama.faces[0]!.faceId;
      await call('DisassociateFaces', { collectionId: 'identities', personId: 'barack_obama', faceIds: [moved] });
      const done = await call<{ associatedFaceIds: string[] }>('AssociateFaces', {
        collectionId: 'identities',
        personId: 'somebody',
        faceIds: [moved],
      });
      assert.deepEqual(done.associatedFaceIds, [moved]);
      const persons = await call<{ persons: Array<{ personId: string; faceCount: number }> }>('ListPersons', {
        collectionId: 'identities',
      });
      assert.equal(persons.persons.find((p) => p.personId === 'somebody')?.faceCount, 1);
      assert.deepEqual(await call('DeletePerson', { collectionId: 'identities', personId: 'somebody' }), {
        disassociatedFaces: 1,
      });
      const deleted = await call<{ deletedFaceIds: string[]; unsuccessfulFaces: Array<{ faceId: string }> }>(
        'DeleteFaces',
        {
          collectionId: 'fresh',
          faceIds: [
            ...(await call<{ faces: Array<{ faceId: string }> }>('ListFaces', { collectionId: 'fresh' })).faces.map(
              (f) => f.faceId,
            ),
            'nope',
          ],
        },
      );
      assert.equal(deleted.deletedFaceIds.length, 1);
      assert.deepEqual(
        deleted.unsuccessfulFaces.map((u) => u.faceId),
        ['nope'],
      );
      const listed = async (): Promise<string[]> => {
        const ids: string[] = [];
        let collectionsToken = '';
        do {
          const page = await call<{ collections: Collection__Output[]; nextPageToken: string }>('ListCollections', {
            pageSize: 1,
            pageToken: collectionsToken,
          });
          assert.ok(page.collections.length <= 1);
          ids.push(...page.collections.map((c) => c.collectionId));
          collectionsToken = page.nextPageToken;
        } while (collectionsToken !== '');
        return ids;
      };
      assert.deepEqual(await listed(), ['fresh', 'identities'], 'collections by id, a page each');
      assert.deepEqual(await call('DeleteCollection', { collectionId: 'fresh' }), { deletedFaces: '0' });
      assert.deepEqual(await listed(), ['identities']);
    });

    test('bad input: the status the contract names', async () => {
      const jpeg = await readFile(join(identities, 'joe_biden', 'biden.jpg'));
      const token = (await call<{ nextPageToken: string }>('ListFaces', { collectionId: 'identities', pageSize: 1 }))
        .nextPageToken;
      const cases: Array<[string, () => Promise<unknown>, number, RegExp]> = [
        [
          'unknown collection',
          () => call('DescribeCollection', { collectionId: 'nope' }),
          status.NOT_FOUND,
          /no collection "nope"/,
        ],
        [
          'a taken id',
          () => call('CreateCollection', { collectionId: 'identities' }),
          status.ALREADY_EXISTS,
          /already exists/,
        ],
        [
          'a bad id',
          () => call('CreateCollection', { collectionId: 'a b' }),
          status.INVALID_ARGUMENT,
          /collection id "a b"/,
        ],
        [
          'IndexFaces without an image',
          () => call('IndexFaces', { collectionId: 'identities' }),
          status.INVALID_ARGUMENT,
          /image is required/,
        ],
        [
          'IndexFaces max_faces 101',
          () => call('IndexFaces', { collectionId: 'identities', image: { data: jpeg }, maxFaces: 101 }),
          status.INVALID_ARGUMENT,
          /max_faces/,
        ],
        [
          'a page token of another call',
          () => call('ListPersons', { collectionId: 'identities', pageToken: token }),
          status.INVALID_ARGUMENT,
          /another call/,
        ],
        [
          'SearchFaces by an unknown face',
          () => call('SearchFaces', { collectionId: 'identities', faceId: 'nope' }),
          status.NOT_FOUND,
          /no face "nope"/,
        ],
        [
          'SearchPersons with no query',
          () => call('SearchPersons', { collectionId: 'identities' }),
          status.INVALID_ARGUMENT,
          /face_id or person_id/,
        ],
        [
          'a threshold of 2',
          () =>
            call('SearchFacesByImage', { collectionId: 'identities', image: { data: jpeg }, faceMatchThreshold: 2 }),
          status.INVALID_ARGUMENT,
          /face_match_threshold/,
        ],
        [
          'DeleteFaces with no ids',
          () => call('DeleteFaces', { collectionId: 'identities', faceIds: [] }),
          status.INVALID_ARGUMENT,
          /face_ids/,
        ],
        [
          'AssociateFaces to an unknown person',
          () => call('AssociateFaces', { collectionId: 'identities', personId: 'ghost', faceIds: ['x'] }),
          status.NOT_FOUND,
          /ghost/,
        ],
      ];
      for (const [name, run, code, details] of cases) {
        const outcome = await statusOf(run());
        assert.equal(outcome.code, code, `${name}: ${outcome.details}`);
        assert.match(outcome.details, details, name);
      }
      const start = (request: object) =>
        statusOf(unary((options, done) => clients.orchestrator.StartVideoJob(request, options, done)));
      const videoPath = video('short_hamilton_clip.mp4');
      const both = await start({
        clientToken: 'both',
        video: { uri: videoPath },
        collectionId: 'identities',
        gallery: [{ person: 'p', fileName: 'p/1.jpg', data: jpeg }],
      });
      assert.equal(both.code, status.INVALID_ARGUMENT);
      assert.match(both.details, /collection_id and gallery cannot be given together/);
      const unknown = await start({ clientToken: 'unknown', video: { uri: videoPath }, collectionId: 'nope' });
      assert.equal(unknown.code, status.NOT_FOUND);
    });
  });
