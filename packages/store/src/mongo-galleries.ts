// Gallery photos in the MongoDB job store: one `gallery_photos` document per photo ({ _id: { digest, index }, person,
// name, data } with data as BSON binary, so no document nears the 16 MB limit and a photo is read on its own), and a
// `galleries` document per digest that is written last: a gallery is listed only once all its photos are kept, and a
// write cut short is finished by the next write of the same digest (a digest names its content, so the same photos
// come again). The first complete write of a digest wins.
import { ignoreDuplicates } from '@pmr/mongo';
import { assertDigest, assertIndex } from './job-request.ts';
import type { StoredPhoto } from './job-types.ts';
import { photoBytes, photoDocument, photoKey } from './mongo-documents.ts';
import type { MongoCollections } from './mongo-schema.ts';
import { photoNotFound } from './store-errors.ts';

async function galleryKept(c: MongoCollections, digest: string): Promise<boolean> {
  return (await c.galleries.findOne({ _id: digest }, { projection: { _id: 1 } })) !== null;
}

export async function putGallery(
  c: MongoCollections,
  digest: string,
  photos: readonly StoredPhoto[],
  now: number,
): Promise<void> {
  assertDigest(digest);
  if (await galleryKept(c, digest)) return;
  if (photos.length > 0) {
    const docs = photos.map((p, index) => photoDocument(digest, index, p));
    await c.photos.insertMany(docs, { ordered: false }).catch(ignoreDuplicates);
  }
  await c.galleries.insertOne({ _id: digest, createTime: now }).catch(ignoreDuplicates);
}

export async function getGalleryIndex(
  c: MongoCollections,
  digest: string,
): Promise<ReadonlyArray<{ readonly person: string; readonly name: string }> | null> {
  if (!(await galleryKept(c, digest))) return null;
  const docs = await c.photos
    .find({ '_id.digest': digest }, { projection: { person: 1, name: 1 } })
    .sort({ '_id.digest': 1, '_id.index': 1 })
    .toArray();
  return docs.map((d) => ({ person: d.person, name: d.name }));
}

export async function getGalleryPhoto(c: MongoCollections, digest: string, index: number): Promise<Uint8Array> {
  assertIndex('photo index', index);
  const doc = await c.photos.findOne({ _id: photoKey(digest, index) });
  if (doc === null) throw photoNotFound(digest, index);
  return photoBytes(doc);
}
