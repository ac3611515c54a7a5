// A distributed job's gallery: the photos StartVideoJob carried, kept in the job store once per gallery digest however
// many jobs send the same photos (so a restart loses nothing, and retention deletes a gallery with its last job), then
// enrolled once on the stage services (Detect + Embed) into the job's `gallery` part. Enrolment decodes each photo
// through galleryFromPhotos, with the limits the embedded run decodes a gallery folder with, and reads each photo from
// the store only when it gets to it, so a running job never holds its whole gallery.
import { basename } from 'node:path';
import { PmrError, quote } from '@pmr/common';
import { enrolGallerySource, galleryFromPhotos, type GallerySource, type PhotoData } from '@pmr/recognizer/enrol';
import type { JobRecord, JobStore } from '@pmr/store';
import type { GalleryPhotoInput } from '../job-runner.ts';
import { StepError } from './failures.ts';
import { putJobPart, readJobPart, type GalleryPart } from './job-parts.ts';
import type { StageClients } from './stage-clients.ts';

/** Keep the job's photos under its gallery digest; nothing when the job has none. */
export async function storeGalleryPhotos(
  store: JobStore,
  job: JobRecord,
  gallery: readonly GalleryPhotoInput[],
): Promise<void> {
  if (gallery.length === 0) return;
  if (job.galleryDigest === null)
    throw new PmrError('INTERNAL', `job ${job.id} was created without the digest of its gallery`);
  // Clients name a photo "<person>/<image>" (the folder layout) or just "<image>": the report names it <person>/<image>.
  await store.putGallery(
    job.galleryDigest,
    gallery.map((p) => ({ person: p.person, name: basename(p.fileName), data: p.data })),
  );
}

/** The job's photos, each read from the store when enrolment reads it; null when the job has none. */
async function storedPhotos(
  store: JobStore,
  job: JobRecord,
): Promise<Array<{ person: string; name: string; data: PhotoData }> | null> {
  if (job.galleryDigest === null) return null;
  const digest = job.galleryDigest;
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
): Promise<GalleryPart | null> {
  if ((await readJobPart(store, job.id, 'gallery')) !== undefined) return null;
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
