// The still photos of the shared test media as described photos (MobileFaceNet and FaceRes descriptors), through
// production's enrolment: the same detector, face selection, alignment, padded retry and augmentations. For
// e2e/bench/recognition.ts; a JSON cache spares the models on a rerun.
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RgbImage } from '@pmr/common';
import { readImage } from '@pmr/common/image';
import type { DescribedFace, DescribedImage, Gallery } from '@pmr/recognizer';
import { enrolGallery, findSubjectFace, type DetectFn, type EnrolmentReport } from '@pmr/recognizer/enrol';

export interface Describers {
  readonly detect: DetectFn;
  /** MobileFaceNet, as production embeds (unit length). */
  readonly embed: (chip: RgbImage) => Promise<Float32Array>;
  /** The FaceRes descriptor the age/gender run yields (unit length). */
  readonly faceres: (chip: RgbImage) => Promise<Float32Array>;
}

export interface StillSet {
  readonly images: DescribedImage[];
  readonly rejected: string[];
}

export interface Stranger {
  readonly file: string;
  readonly face: DescribedFace;
}

function sum(vectors: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < v.length; i++) out[i] = out[i]! + v[i]!;
  return out;
}

/**
 * Enrols a <dir>/<person>/<photo> folder as production does and keeps each accepted photo's descriptors; also
 * returns the MobileFaceNet gallery production would search.
 */
export async function describeGalleryFolder(
  dir: string,
  d: Describers,
): Promise<StillSet & { gallery: Gallery; report: EnrolmentReport }> {
  const faceresOf = new Map<Float32Array, Float32Array>();
  const embed = async (chip: RgbImage): Promise<Float32Array> => {
    const [e, f] = await Promise.all([d.embed(chip), d.faceres(chip)]);
    faceresOf.set(e, f);
    return e;
  };
  const { gallery, report } = await enrolGallery(dir, { detect: d.detect, embed });
  const images = report.accepted.map((a): DescribedImage => {
    const f = a.embeddings.map((e) => faceresOf.get(e)!);
    return {
      person: a.person,
      file: a.file,
      face: { mobilefacenet: a.embeddings[0]!, faceres: f[0]!, quality: a.quality.score },
      templateSum: { mobilefacenet: sum(a.embeddings), faceres: sum(f) },
    };
  });
  return { images, rejected: report.rejected.map((r) => `${r.file} (${r.reason})`), gallery, report };
}

/** The 42 UTKFace strangers (attributes/utkface_*), through the same face selection and padded retry as enrolment. */
export async function describeStrangers(
  dataDir: string,
  d: Describers,
): Promise<{ strangers: Stranger[]; missed: string[] }> {
  const dir = join(dataDir, 'attributes');
  const strangers: Stranger[] = [];
  const missed: string[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.startsWith('utkface_')).sort()) {
    const choice = await findSubjectFace(await readImage(join(dir, file)), d.detect);
    if (!choice.accepted) {
      missed.push(`${file} (${choice.reason})`);
      continue;
    }
    const [mobilefacenet, faceres] = await Promise.all([d.embed(choice.face.chip), d.faceres(choice.face.chip)]);
    strangers.push({ file, face: { mobilefacenet, faceres, quality: choice.face.quality.score } });
  }
  return { strangers, missed };
}

// The cache: descriptors as base64 float32, under a key naming the models and the data folder.
const b64 = (v: Float32Array): string => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
const f32 = (s: string): Float32Array => {
  const b = Buffer.from(s, 'base64');
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};

export interface DescribedStills {
  readonly sets: Readonly<Record<string, StillSet>>;
  readonly strangers: Stranger[];
  readonly strangersMissed: string[];
}

interface CachedFace {
  m: string;
  f: string | null;
  q: number;
}

export async function readStillsCache(path: string, key: string): Promise<DescribedStills | null> {
  if (!existsSync(path)) return null;
  const raw = JSON.parse(await readFile(path, 'utf8')) as {
    key: string;
    sets: Record<
      string,
      { rejected: string[]; images: Array<{ person: string; file: string; face: CachedFace; ms: string; fs: string }> }
    >;
    strangers: Array<{ file: string; face: CachedFace }>;
    strangersMissed: string[];
  };
  if (raw.key !== key) return null;
  const face = (c: CachedFace): DescribedFace => ({
    mobilefacenet: f32(c.m),
    faceres: c.f === null ? null : f32(c.f),
    quality: c.q,
  });
  const sets: Record<string, StillSet> = {};
  for (const [name, s] of Object.entries(raw.sets)) {
    sets[name] = {
      rejected: s.rejected,
      images: s.images.map((im) => ({
        person: im.person,
        file: im.file,
        face: face(im.face) as DescribedImage['face'],
        templateSum: { mobilefacenet: f32(im.ms), faceres: f32(im.fs) },
      })),
    };
  }
  return {
    sets,
    strangers: raw.strangers.map((s) => ({ file: s.file, face: face(s.face) })),
    strangersMissed: raw.strangersMissed,
  };
}

export async function writeStillsCache(path: string, key: string, stills: DescribedStills): Promise<void> {
  const face = (f: DescribedFace): CachedFace => ({
    m: b64(f.mobilefacenet),
    f: f.faceres === null ? null : b64(f.faceres),
    q: f.quality,
  });
  const sets = Object.fromEntries(
    Object.entries(stills.sets).map(([name, s]) => [
      name,
      {
        rejected: s.rejected,
        images: s.images.map((im) => ({
          person: im.person,
          file: im.file,
          face: face(im.face),
          ms: b64(im.templateSum.mobilefacenet),
          fs: b64(im.templateSum.faceres),
        })),
      },
    ]),
  );
  const strangers = stills.strangers.map((s) => ({ file: s.file, face: face(s.face) }));
  await writeFile(path, JSON.stringify({ key, sets, strangers, strangersMissed: stills.strangersMissed }));
}
