// A distributed job's gallery: the photos StartVideoJob carried, kept in the job store once per gallery digest however
// many jobs send the same photos (so a restart loses nothing, and retention deletes a gallery with its last job), then
// enrolled once on the stage services (Detect + Embed) into the job's `gallery` part. Enrolment decodes each photo
// through galleryFromPhotos, with the limits the embedded run decodes a gallery folder with, and reads each photo from
// the store only when it gets to it, so a running job never holds its whole gallery.
import { basename } from 'node:path';
import { invalidArgument, notFound, PmrError, quote } from '@pmr/common';
import { enrolGallerySource, galleryFromPhotos, type GallerySource, type PhotoData } from '@pmr/recognizer/enrol';
import type { JobRecord, JobStore } from '@pmr/store';
import type { CollectionStore, FaceRecord } from '@pmr/collections';
import { galleryRefOf } from './gallery-ref.ts';
import type { GalleryPhotoInput } from '../job-runner.ts';
import { StepError } from './failures.ts';
import { putJobPart, readJobPart, type GalleryPart } from './job-parts.ts';
import type { StageClients } from './stage-clients.ts';

/**
 * A collection's persons as a job's gallery, as they are now: each person with a face, by id, with the templates of
 * its faces in the order they were indexed (by external image id, then time), which is the order `--gallery` enrols a
 * person's photos in when they were indexed from the same folder. @throws PmrError NOT_FOUND for a deleted collection
 */
export async function collectionGallery(collections: CollectionStore, collectionId: string): Promise<GalleryPart> {
  if ((await collections.getCollection(collectionId)) === null)
    throw notFound(`collection ${quote(collectionId)} no longer exists`);
  const persons: Array<{ name: string; templates: number[][] }> = [];
  let accepted = 0;
  let personToken = '';
  do {
    const page = await collections.listPersons(collectionId, { pageSize: 1000, pageToken: personToken });
    for (const person of page.items) {
      const faces: FaceRecord[] = [];
      let faceToken = '';
      do {
        const facePage = await collections.listFaces(collectionId, {
          personId: person.personId,
          pageSize: 1000,
          pageToken: faceToken,
        });
        faces.push(...facePage.items);
        faceToken = facePage.nextPageToken;
      } while (faceToken !== '');
      if (faces.length === 0) continue;
      faces.sort(
        (a, b) =>
          compare(a.externalImageId, b.externalImageId) || a.indexTime - b.indexTime || compare(a.faceId, b.faceId),
      );
      const vectors = await collections.vectorsOf(
        collectionId,
        faces.map((f) => f.faceId),
      );
      persons.push({ name: person.personId, templates: vectors.flatMap((v) => v.templates.map((t) => Array.from(t))) });
      accepted += vectors.length;
    }
    personToken = page.nextPageToken;
  } while (personToken !== '');
  if (persons.length === 0)
    throw invalidArgument(`collection ${quote(collectionId)} has no person with a face: there is nobody to recognise`);
  return { persons, summary: { persons: persons.length, accepted, rejected: [] } };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keep the job's photos under its gallery digest; nothing when the job has none. */
export async function storeGalleryPhotos(
  store: JobStore,
  job: JobRecord,
  gallery: readonly GalleryPhotoInput[],
): Promise<void> {
  if (gallery.length === 0) return;
  const ref = galleryRefOf(job.galleryDigest);
  if (ref.kind !== 'photos')
    throw new PmrError('INTERNAL', `job ${job.id} was created without the digest of its gallery`);
  // Clients name a photo "<person>/<image>" (the folder layout) or just "<image>": the report names it <person>/<image>.
  await store.putGallery(
    ref.digest,
    gallery.map((p) => ({ person: p.person, name: basename(p.fileName), data: p.data })),
  );
}

/** The job's photos, each read from the store when enrolment reads it; null when the job has none. */
async function storedPhotos(
  store: JobStore,
  job: JobRecord,
): Promise<Array<{ person: string; name: string; data: PhotoData }> | null> {
  const ref = galleryRefOf(job.galleryDigest);
  if (ref.kind !== 'photos') return null;
  const { digest } = ref;
  const index = await store.getGalleryIndex(digest);
  if (index === null)
    throw new PmrError(
      'NOT_FOUND',
      "the job's gallery photos are no longer kept (the gallery expired): start the job again",
    );
  return index.map((p, i) => ({ person: p.person, name: p.name, data: () => store.getGalleryPhoto(digest, i) }));
}

/**
 * `source` with each photo's reading reported: `onPhoto(n)` as the n-th photo (1-based) is read, and `current` names
 * the photo being enrolled.
 */
function trackedSource(source: GallerySource, onPhoto: (n: number) => void, current: { photo: string }): GallerySource {
  let n = 0;
  const persons = source.persons.map((person) => ({
    name: person.name,
    photos: person.photos.map((photo) => {
      const read = photo.read;
      if (read === null) return photo;
      return {
        ...photo,
        read: () => {
          onPhoto(++n);
          current.photo = `${person.name}/${photo.name}`;
          return read();
        },
      };
    }),
  }));
  return { ...source, persons };
}

/**
 * Enrol the job's photos unless its gallery is enrolled already, and store the gallery part; returns it, or null when
 * there was nothing to do. A stage failure is thrown as a StepError naming the photo; a gallery with no usable face is
 * INVALID_ARGUMENT.
 */
export async function enrolJobGallery(
  store: JobStore,
  stages: Pick<StageClients, 'detect' | 'embed' | 'embedMany'>,
  job: JobRecord,
  onPhoto: (n: number) => void,
  collections?: CollectionStore,
): Promise<GalleryPart | null> {
  if ((await readJobPart(store, job.id, 'gallery')) !== undefined) return null;
  const ref = galleryRefOf(job.galleryDigest);
  if (ref.kind === 'collection') {
    if (collections === undefined)
      throw new PmrError('FAILED_PRECONDITION', 'this orchestrator has no collection store');
    const part = await collectionGallery(collections, ref.collectionId);
    await putJobPart(store, job.id, 'gallery', part);
    return part;
  }
  const photos = await storedPhotos(store, job);
  if (photos === null || photos.length === 0) return null;
  const current = { photo: '' };
  const source = galleryFromPhotos(photos, "the job's gallery");
  const { gallery, report } = await enrolGallerySource(trackedSource(source, onPhoto, current), {
    detect: (image) => stages.detect(image),
    embed: (chip) => stages.embed(chip),
    embedMany: (chips) => stages.embedMany(chips),
  }).catch((err: unknown) => {
    // A photo's failure names the photo; the gallery's own (no usable face at all) speaks for itself.
    throw current.photo !== '' && !(err instanceof PmrError && err.code === 'INVALID_ARGUMENT')
      ? new StepError(`gallery photo ${quote(current.photo)}`, err)
      : err;
  });
  const part: GalleryPart = {
    persons: gallery.persons.map((p) => ({ name: p.name, templates: p.templates.map((t) => Array.from(t)) })),
    summary: {
      persons: gallery.persons.length,
      accepted: report.accepted.length,
      rejected: report.rejected.map((r) => ({ file: r.file, reason: `${r.reason}: ${r.detail}` })),
    },
  };
  await putJobPart(store, job.id, 'gallery', part);
  return part;
}
