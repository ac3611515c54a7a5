// CollectionService on a running deployment whose store is MongoDB: FerretDB 1.x started here, the orchestrator and
// the recognizer given its URL as PMR_STORE_PATH (jobs and face collections in one database). A smaller run than
// collections.test.ts, which covers the whole API on SQLite and on FerretDB alike; this one looks into the database:
// create a collection, index ten photos of five people, and search the group photos; the faces are documents in
// FerretDB, and a recognizer started afterwards loads them from there. A missing ferretdb binary is a skip (a failure
// under PMR_REQUIRE_ALL=1).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { credentials } from '@grpc/grpc-js';
import { MongoClient } from 'mongodb';
import { loadPmrProto } from '@pmr/common/proto';
import type { Collection__Output } from '@pmr/common/proto/generated/pmr/v1/Collection.ts';
import type { IndexFacesResponse__Output } from '@pmr/common/proto/generated/pmr/v1/IndexFacesResponse.ts';
import type { SearchCollectionResponse__Output } from '@pmr/common/proto/generated/pmr/v1/SearchCollectionResponse.ts';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { ferretDbMissing, startFerretDb, type FerretDbHandle } from '@pmr/mongo/testing/ferretdb';
import { startDeployment, type Deployment } from '../src/deployment.ts';
import { deploymentClients, unary, type PmrClients } from '../src/grpc-clients.ts';
import { dataDir, missingData, missingModels } from '../src/paths.ts';

const skipReason = requireParts(missingModels(), missingData(), natsServerSkipReason(), ferretDbMissing());
const identities = join(dataDir, 'identities');
const DATABASE = 'pmr_e2e';
const PHOTOS = [
  'barack_obama/obama.jpg',
  'barack_obama/obama2.jpg',
  'barack_obama/obama3.jpg',
  'joe_biden/biden.jpg',
  'joe_biden/biden2.jpg',
  'kit_harington/john1.jpeg',
  'kit_harington/john2.jpeg',
  'rose_leslie/img1.jpg',
  'rose_leslie/img2.jpg',
  'lin_manuel_miranda/lin-manuel-miranda.png',
];

suite('CollectionService on a deployment whose store is FerretDB', { skip: skipReason ?? false }, () => {
  let ferret: FerretDbHandle;
  let deployment: Deployment;
  let clients: PmrClients;
  const call = <R>(method: string, request: object): Promise<R> =>
    unary<R>((options, done) =>
      (clients.collections as unknown as Record<string, (r: object, o: object, d: typeof done) => void>)[method]!(
        request,
        options,
        done,
      ),
    );
  const faceIds: string[] = [];

  before(async () => {
    ferret = await startFerretDb();
    deployment = await startDeployment({ store: `${ferret.url}${DATABASE}` });
    clients = deploymentClients(deployment);
  });
  after(async () => {
    clients?.close();
    await deployment?.stop();
    await ferret?.stop();
  });

  test('create a collection and index ten photos; the faces are documents in FerretDB', async () => {
    const { collection } = await call<{ collection: Collection__Output }>('CreateCollection', {
      collectionId: 'people',
    });
    assert.equal(collection.faceCount, '0');
    for (const photo of PHOTOS) {
      const person = photo.split('/')[0]!;
      const response = await call<IndexFacesResponse__Output>('IndexFaces', {
        collectionId: 'people',
        image: { data: await readFile(join(identities, photo)) },
        externalImageId: photo,
        personId: person,
      });
      assert.equal(response.indexedFaces.length, 1, photo);
      assert.equal(response.indexedFaces[0]!.face!.personId, person);
      faceIds.push(response.indexedFaces[0]!.face!.faceId);
    }
    const described = await call<{ collection: Collection__Output }>('DescribeCollection', { collectionId: 'people' });
    assert.equal(described.collection.faceCount, String(PHOTOS.length));
    assert.equal(described.collection.personCount, '5');
    const client = new MongoClient(ferret.url);
    try {
      const faces = await client
        .db(DATABASE)
        .collection<{ _id: { collectionId: string; faceId: string } }>('collection_faces')
        .find({})
        .toArray();
      assert.deepEqual(faces.map((f) => f._id.faceId).sort(), faceIds.toSorted());
      assert.equal(await client.db(DATABASE).collection('collection_persons').countDocuments({}), 5);
      const stored = await client
        .db(DATABASE)
        .collection<{ _id: string; version: number }>('face_collections')
        .findOne({ _id: 'people' });
      assert.equal(stored?.version, 1 + PHOTOS.length, 'one version per IndexFaces');
    } finally {
      await client.close();
    }
  });

  test('SearchFacesByImage finds both people of each group photo', async () => {
    const photos: Array<[string, string[]]> = [
      ['two_people.jpg', ['barack_obama', 'joe_biden']],
      ['kit_with_rose.jpg', ['kit_harington', 'rose_leslie']],
    ];
    for (const [photo, people] of photos) {
      const data = await readFile(join(identities, '_groups', photo));
      const found = await call<{ faces: Array<{ faceMatches: Array<{ face: { personId: string } }> }> }>(
        'SearchFacesByImage',
        { collectionId: 'people', image: { data }, maxFaces: 3 },
      );
      assert.deepEqual(found.faces.map((f) => f.faceMatches[0]?.face.personId).sort(), people, photo);
    }
  });

  test('a recognizer started now loads every face from FerretDB', async () => {
    const late = await deployment.start('recognizer');
    const client = new (loadPmrProto().pmr.v1.RecognizerService)(late.address, credentials.createInsecure());
    try {
      const response = await unary<SearchCollectionResponse__Output>((options, done) =>
        client.SearchCollection(
          {
            collectionId: 'people',
            queries: [{ values: Array.from({ length: 128 }, (_, i) => (i === 0 ? 1 : 0)) }],
            target: 'SEARCH_TARGET_FACES',
            maxResults: 100,
            minSimilarity: -1,
          },
          options,
          done,
        ),
      );
      assert.deepEqual(response.results[0]!.hits.map((h) => h.id).sort(), faceIds.toSorted());
    } finally {
      client.close();
    }
  });
});
