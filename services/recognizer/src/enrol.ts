// Gallery enrolment from a folder laid out as <dir>/<person>/<image>.

import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { invalidArgument, type Box, type DetectedFace, type FaceQuality, type RgbImage } from '@pmr/common';
import { readImage, type ImageLimits } from '@pmr/common/image';
import { augmentChip, DEFAULT_AUGMENTATIONS, type ChipAugmentation } from './augment.ts';
import {
  DEFAULT_ENROLMENT_SELECTION,
  selectEnrolmentFace,
  type EnrolmentSelection,
  type EnrolmentSelectionOptions,
  type RejectionReason,
} from './enrol-selection.ts';
import { createGallery, type Gallery } from './gallery.ts';
import { padImage, unpadFace } from './pad.ts';

export const IMAGE_EXTENSIONS: readonly string[] = ['.jpg', '.jpeg', '.png', '.webp'];

export type DetectFn = (image: RgbImage) => Promise<readonly DetectedFace[]>;
export type EmbedFn = (chip: RgbImage) => Promise<Float32Array>;

export interface EnrolOptions {
  readonly detect: DetectFn;
  readonly embed: EmbedFn;
  /** Embeds a photo's chip and its augmentations in one go (one request to a remote recognizer); default `embed` each. */
  readonly embedMany?: (chips: readonly RgbImage[]) => Promise<Float32Array[]>;
  /**
   * Extra variants of each accepted chip, each adding one template; default DEFAULT_AUGMENTATIONS. With an embedder
   * doing flip test-time augmentation the 'flip' variant only repeats the plain template, so leave it out then.
   */
  readonly augmentations?: readonly ChipAugmentation[];
  readonly selection?: Partial<EnrolmentSelectionOptions>;
  /**
   * When an image yields no face, detect again on a copy with a black border of this fraction of its longer side
   * on every side (default DEFAULT_PAD_RETRY; 0 disables). Detectors miss faces that fill the whole picture (tight
   * crops such as identities/bbt_howard/howard1.png or the 200×200 UTKFace chips); the border restores them.
   * 0.5 (the padded copy is twice as wide and high) brought YuNet's score on such crops from none to about 0.93
   * and SCRFD's to about 0.8; 0.25 left SCRFD under its 0.5 score threshold on most of them.
   */
  readonly padRetry?: number;
}

export const DEFAULT_PAD_RETRY = 0.5;

/**
 * How gallery photos are decoded, in the embedded run and on the orchestrator alike. A photo over 120 megapixels is
 * refused from its header (today's largest camera outputs are about 100); one larger than 2048 × 2048 (4.2 MP) is
 * decoded downscaled to that many pixels, a JPEG shrunk while it is decoded. Detection loses nothing by it: the
 * detector sees every image at 640 pixels on its longer side, so a face it finds in the full photo it finds in the
 * downscaled one, where such a face is still about 40 pixels or more, the enrolment minimum. A photo then crosses to
 * a remote detector as at most 12.6 MB of pixels (50 MB for the padded retry), under the default 64 MiB gRPC message
 * limit, and memory stays bounded: `pmr analyze` with two 8000 × 8000 JPEGs in its gallery peaked at 421 MB against
 * 795 MB decoding them in full (402 MB with the same persons' ordinary photos). Every identity photo of the shared
 * test data is within 2048 × 2048 and decodes as before.
 */
export const GALLERY_IMAGE_LIMITS: ImageLimits = { maxInputPixels: 120_000_000, maxPixels: 2048 * 2048 };

export interface AcceptedImage {
  readonly person: string;
  /** Path relative to the gallery folder, `<person>/<file>`. */
  readonly file: string;
  readonly box: Box;
  readonly quality: FaceQuality;
  /** Unit-length embeddings of the chip and then of each augmentation, in order (all become templates). */
  readonly embeddings: readonly Float32Array[];
}

export interface RejectedImage {
  readonly person: string;
  readonly file: string;
  readonly reason: RejectionReason;
  readonly detail: string;
}

export interface PersonCount {
  readonly name: string;
  readonly accepted: number;
  readonly rejected: number;
  readonly templates: number;
}

export interface EnrolmentReport {
  readonly accepted: readonly AcceptedImage[];
  readonly rejected: readonly RejectedImage[];
  /** Every person folder looked at, in name order; persons with no accepted image are not in the gallery. */
  readonly persons: readonly PersonCount[];
  /** Top-level entries that were not person folders, and person folders skipped for starting with `_` or `.`. */
  readonly ignored: readonly string[];
}

function isImageName(name: string): boolean {
  return IMAGE_EXTENSIONS.includes(extname(name).toLowerCase());
}

function skippedName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw invalidArgument(`gallery folder ${dir}: no such folder`, err);
    if (code === 'ENOTDIR') throw invalidArgument(`gallery folder ${dir}: not a folder`, err);
    throw invalidArgument(`gallery folder ${dir}: cannot be read (${code ?? String(err)})`, err);
  }
}

/** Whether `path` is a folder; false for files and for entries that cannot be stat'ed (e.g. broken links). */
async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Detect and choose the one subject face of an image (see selectEnrolmentFace), retrying on a padded copy when
 * nothing is found. Faces found on the padded copy are mapped back to the image's coordinates.
 */
export async function findSubjectFace(
  image: RgbImage,
  detect: DetectFn,
  selection: EnrolmentSelectionOptions = DEFAULT_ENROLMENT_SELECTION,
  padRetry = DEFAULT_PAD_RETRY,
): Promise<EnrolmentSelection> {
  const first = selectEnrolmentFace(await detect(image), selection);
  if (first.accepted || first.reason !== 'no-face' || padRetry <= 0) return first;
  const border = Math.round(padRetry * Math.max(image.width, image.height));
  const faces = (await detect(padImage(image, border))).map((f) => unpadFace(f, border));
  const second = selectEnrolmentFace(faces, selection);
  return second.accepted || second.reason !== 'no-face' ? second : first;
}

/**
 * One file of a person's gallery, from a folder or sent over the wire: `read` decodes it (a throw rejects it as
 * 'unreadable'); null when the file is not an image by its extension.
 */
export interface GalleryPhoto {
  /** The file name within the person's folder. */
  readonly name: string;
  /** Where the file is, for a folder gallery (to send it elsewhere as it is). */
  readonly path?: string;
  readonly read: (() => Promise<RgbImage>) | null;
}

/** A gallery to enrol: its photos by person, and entries that were skipped (listed in the report as ignored). */
export interface GallerySource {
  /** Where the photos come from, for messages (a folder path, or "the job's gallery"). */
  readonly label: string;
  /** Person names in enrolment order, each with its photos in order. */
  readonly persons: ReadonlyArray<{ readonly name: string; readonly photos: readonly GalleryPhoto[] }>;
  readonly ignored: readonly string[];
}

/**
 * Lists a folder laid out as <dir>/<person>/<image> (names sorted; names starting with '_' or '.' and loose files are
 * ignored). Throws INVALID_ARGUMENT when the folder is missing.
 */
export async function galleryFolder(dir: string): Promise<GallerySource> {
  const persons: Array<{ name: string; photos: GalleryPhoto[] }> = [];
  const ignored: string[] = [];
  for (const person of await listDir(dir)) {
    const personDir = join(dir, person);
    if (skippedName(person) || !(await isDirectory(personDir))) {
      ignored.push(person);
      continue;
    }
    const entry = { name: person, photos: [] as GalleryPhoto[] };
    for (const name of await listDir(personDir)) {
      if (name.startsWith('.')) continue;
      const path = join(personDir, name);
      if (await isDirectory(path)) ignored.push(`${person}/${name}`);
      else
        entry.photos.push({
          name,
          path,
          read: isImageName(name) ? () => readImage(path, `${person}/${name}`, GALLERY_IMAGE_LIMITS) : null,
        });
    }
    persons.push(entry);
  }
  return { label: `gallery folder ${dir}`, persons, ignored };
}

/** A photo's bytes, or how to fetch them when it is enrolled (so a large gallery need not be in memory at once). */
export type PhotoData = Uint8Array | (() => Promise<Uint8Array>);

/** Photos given in memory (e.g. over gRPC) as a gallery source, grouped and ordered exactly as galleryFolder orders a folder. */
export function galleryFromPhotos(
  photos: ReadonlyArray<{ readonly person: string; readonly name: string; readonly data: PhotoData }>,
  label = 'the gallery',
): GallerySource {
  const byPerson = new Map<string, Array<{ name: string; data: PhotoData }>>();
  for (const p of photos) {
    const list = byPerson.get(p.person) ?? [];
    list.push({ name: p.name, data: p.data });
    byPerson.set(p.person, list);
  }
  const read = (data: PhotoData, what: string) => async (): Promise<RgbImage> =>
    readImage(typeof data === 'function' ? await data() : data, what, GALLERY_IMAGE_LIMITS);
  const persons = [...byPerson.keys()].sort().map((person) => {
    const files = byPerson.get(person)!.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
      name: person,
      photos: files.map((f) => ({
        name: f.name,
        read: isImageName(f.name) ? read(f.data, `${person}/${f.name}`) : null,
      })),
    };
  });
  return { label, persons, ignored: [] };
}

/**
 * Enrols a gallery folder laid out as <dir>/<person>/<image> (see galleryFolder and enrolGallerySource).
 * Throws INVALID_ARGUMENT when the folder is missing or no person has an accepted image.
 */
export async function enrolGallery(
  dir: string,
  options: EnrolOptions,
): Promise<{ gallery: Gallery; report: EnrolmentReport }> {
  return enrolGallerySource(await galleryFolder(dir), options);
}

/**
 * Each photo is decoded and its one subject face found by findSubjectFace; the chip and its augmentations are
 * embedded as templates. Non-image files are rejected as 'unreadable'. Throws INVALID_ARGUMENT when no person has an
 * accepted image.
 */
export async function enrolGallerySource(
  source: GallerySource,
  options: EnrolOptions,
): Promise<{ gallery: Gallery; report: EnrolmentReport }> {
  const selection = { ...DEFAULT_ENROLMENT_SELECTION, ...options.selection };
  const augmentations = options.augmentations ?? DEFAULT_AUGMENTATIONS;
  const accepted: AcceptedImage[] = [];
  const rejected: RejectedImage[] = [];
  const persons: PersonCount[] = [];
  const templates = new Map<string, Float32Array[]>();

  for (const entry of source.persons) {
    const person = entry.name;
    let nAccepted = 0;
    let nRejected = 0;
    const reject = (file: string, reason: RejectionReason, detail: string): void => {
      rejected.push({ person, file, reason, detail });
      nRejected++;
    };
    for (const photo of entry.photos) {
      const file = `${person}/${photo.name}`;
      if (photo.read === null) {
        reject(file, 'unreadable', `not an image file (expected ${IMAGE_EXTENSIONS.join(', ')})`);
        continue;
      }
      let image: RgbImage;
      try {
        image = await photo.read();
      } catch (err) {
        reject(file, 'unreadable', err instanceof Error ? err.message : String(err));
        continue;
      }
      const choice = await findSubjectFace(image, options.detect, selection, options.padRetry);
      if (!choice.accepted) {
        reject(file, choice.reason, choice.detail);
        continue;
      }
      const chips = augmentChip(choice.face.chip, augmentations);
      const embeddings: Float32Array[] = [];
      if (options.embedMany !== undefined) embeddings.push(...(await options.embedMany(chips)));
      else for (const chip of chips) embeddings.push(await options.embed(chip));
      accepted.push({ person, file, box: choice.face.box, quality: choice.face.quality, embeddings });
      const list = templates.get(person) ?? [];
      list.push(...embeddings);
      templates.set(person, list);
      nAccepted++;
    }
    persons.push({
      name: person,
      accepted: nAccepted,
      rejected: nRejected,
      templates: templates.get(person)?.length ?? 0,
    });
  }

  if (templates.size === 0) {
    const why =
      persons.length === 0
        ? 'it has no person folders (expected <dir>/<person>/<image>)'
        : `none of its ${persons.length} person folder(s) has an image with one usable face (${rejected.length} image(s) rejected)`;
    throw invalidArgument(`${source.label} is empty: ${why}`);
  }
  return { gallery: createGallery(templates), report: { accepted, rejected, persons, ignored: [...source.ignored] } };
}
