// A distributed job's gallery: the photos StartVideoJob carried, kept as the job's `photos` part (so a restart loses
// nothing), then enrolled once on the stage services (Detect + Embed) into its `gallery` part. Enrolment decodes each
// photo through galleryFromPhotos, with the limits the embedded run decodes a gallery folder with.
import { basename } from 'node:path';
import { PmrError, quote } from '@pmr/common';
import { enrolGallerySource, galleryFromPhotos, type GallerySource } from '@pmr/recognizer';
import type { JobStore, JsonValue } from '@pmr/store';
import type { GalleryPhotoInput } from '../job-runner.ts';
import { StepError } from './failures.ts';
import type { GalleryPart } from './job-parts.ts';
import type { StageClients } from './stage-clients.ts';

interface StoredPhoto {
  readonly person: string;
  readonly name: string;
  readonly base64: string;
}

/** Keep the job's photos as its `photos` part; nothing when the job has none. */
export async function storeGalleryPhotos(store: JobStore, jobId: string, gallery: readonly GalleryPhotoInput[]): Promise<void> {
  if (gallery.length === 0) return;
  // Clients name a photo "<person>/<image>" (the folder layout) or just "<image>": the report names it <person>/<image>.
  const photos: StoredPhoto[] = gallery.map((p) => ({ person: p.person, name: basename(p.fileName), base64: Buffer.from(p.data).toString('base64') }));
  await store.putPart(jobId, 'photos', photos as unknown as JsonValue);
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
  jobId: string,
  onPhoto: (n: number) => void,
): Promise<GalleryPart | null> {
  if ((await store.getParts(jobId, 'gallery')).length > 0) return null;
  const photos = (await store.getParts(jobId, 'photos'))[0]?.value as unknown as readonly StoredPhoto[] | undefined;
  if (photos === undefined || photos.length === 0) return null;
  const current = { photo: '' };
  const source = galleryFromPhotos(
    photos.map((p) => ({ person: p.person, name: p.name, data: Buffer.from(p.base64, 'base64') })),
    "the job's gallery",
  );
  const { gallery, report } = await enrolGallerySource(trackedSource(source, onPhoto, current), {
    detect: (image) => stages.detect(image),
    embed: (chip) => stages.embed(chip),
    embedMany: (chips) => stages.embedMany(chips),
  }).catch((err: unknown) => {
    // A photo's failure names the photo; the gallery's own (no usable face at all) speaks for itself.
    throw current.photo !== '' && !(err instanceof PmrError && err.code === 'INVALID_ARGUMENT') ? new StepError(`gallery photo ${quote(current.photo)}`, err) : err;
  });
  const part: GalleryPart = {
    persons: gallery.persons.map((p) => ({ name: p.name, templates: p.templates.map((t) => Array.from(t)) })),
    summary: {
      persons: gallery.persons.length,
      accepted: report.accepted.length,
      rejected: report.rejected.map((r) => ({ file: r.file, reason: `${r.reason}: ${r.detail}` })),
    },
  };
  await store.putPart(jobId, 'gallery', part as unknown as JsonValue);
  return part;
}
