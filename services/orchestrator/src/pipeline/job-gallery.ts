// A distributed job's gallery: the photos StartVideoJob carried, kept in the job's parts (so a restart loses
// nothing), then enrolled once on the stage services (Detect + Embed) into its `gallery` part. Enrolment decodes each
// photo through galleryFromPhotos, with the limits the embedded run decodes a gallery folder with.
//
// The photos are parts of their own under an index (`photos`: each photo's person, name and chunk count), each cut
// into chunks of at most 48 KiB (`photo/<n>/<k>`, base64: 64 KiB strings), so that neither storing nor enrolling them
// holds a gallery, or even a large photo, as one string: such strings would go to V8's large-object space, which only
// a full collection frees, and 8 galleries arriving at once grew the orchestrator's heap by that much. Enrolment
// fetches a photo when it reads it. Jobs stored before kept every photo in the `photos` part itself; they are read as
// they are.
import { basename } from 'node:path';
import { PmrError, quote } from '@pmr/common';
import { enrolGallerySource, galleryFromPhotos, type GallerySource, type PhotoData } from '@pmr/recognizer/enrol';
import type { JobStore, JsonValue } from '@pmr/store';
import type { GalleryPhotoInput } from '../job-runner.ts';
import { StepError } from './failures.ts';
import type { GalleryPart } from './job-parts.ts';
import type { StageClients } from './stage-clients.ts';

interface PhotoIndex {
  readonly photos: ReadonlyArray<{ readonly person: string; readonly name: string; readonly chunks: number }>;
}

/** Bytes per stored chunk of a photo: its base64 string stays under V8's 128 KiB large-object threshold. */
const CHUNK_BYTES = 48 * 1024;

/** The earlier layout: every photo inline in the `photos` part. */
type InlinePhotos = ReadonlyArray<{ readonly person: string; readonly name: string; readonly base64: string }>;

/** `i` of `count`, zero-padded to the width of the largest: equal widths, so no key begins another and keys sort. */
const padded = (i: number, count: number): string => String(i).padStart(String(count - 1).length, '0');
/** The parts of photo `i` of `count` begin with this. */
const photoKey = (i: number, count: number): string => `photo/${padded(i, count)}/`;

/** Keep the job's photos: the index first, then each photo; nothing when the job has none. */
export async function storeGalleryPhotos(store: JobStore, jobId: string, gallery: readonly GalleryPhotoInput[]): Promise<void> {
  if (gallery.length === 0) return;
  // Clients name a photo "<person>/<image>" (the folder layout) or just "<image>": the report names it <person>/<image>.
  const chunks = (data: Uint8Array): number => Math.max(1, Math.ceil(data.length / CHUNK_BYTES));
  const index: PhotoIndex = { photos: gallery.map((p) => ({ person: p.person, name: basename(p.fileName), chunks: chunks(p.data) })) };
  await store.putPart(jobId, 'photos', index as unknown as JsonValue);
  for (const [i, photo] of gallery.entries()) {
    const data = Buffer.from(photo.data.buffer, photo.data.byteOffset, photo.data.byteLength);
    const count = chunks(data);
    for (let k = 0; k < count; k++) {
      const key = `${photoKey(i, gallery.length)}${padded(k, count)}`;
      await store.putPart(jobId, key, data.subarray(k * CHUNK_BYTES, (k + 1) * CHUNK_BYTES).toString('base64'));
    }
  }
}

/** The job's photos, each fetched from the store when enrolment reads it; null when the job has none. */
async function storedPhotos(store: JobStore, jobId: string): Promise<Array<{ person: string; name: string; data: PhotoData }> | null> {
  const value = (await store.getParts(jobId, 'photos'))[0]?.value as unknown as PhotoIndex | InlinePhotos | undefined;
  if (value === undefined) return null;
  if (Array.isArray(value)) return (value as InlinePhotos).map((p) => ({ person: p.person, name: p.name, data: Buffer.from(p.base64, 'base64') }));
  const { photos } = value as PhotoIndex;
  return photos.map((p, i) => ({
    person: p.person,
    name: p.name,
    data: async () => {
      const chunks = await store.getParts(jobId, photoKey(i, photos.length));
      // Only an orchestrator stopped while it stored the photos leaves chunks out: the photo is rejected, saying so.
      if (chunks.length !== p.chunks) throw new PmrError('NOT_FOUND', 'the photo was not stored whole (the orchestrator stopped while it stored the gallery); start the job again');
      return Buffer.concat(chunks.map((c) => Buffer.from(c.value as string, 'base64')));
    },
  }));
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
  const photos = await storedPhotos(store, jobId);
  if (photos === null || photos.length === 0) return null;
  const current = { photo: '' };
  const source = galleryFromPhotos(photos, "the job's gallery");
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
