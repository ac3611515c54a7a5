// Gallery photos far larger than any detector needs, as a careless user sends them: an identity photo enlarged to
// side × side pixels and saved as a JPEG (8000² at quality 85: 1.5 to 3 MB), in a folder laid out as a gallery
// (<dir>/<person>/<file>).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { dataDir } from './paths.ts';

/** Identity photos (under the shared identities) of people in short_hamilton_clip.mp4 and one who is not. */
export const HUGE_PHOTO_SOURCES: ReadonlyArray<{ readonly person: string; readonly photo: string }> = [
  { person: 'barack_obama', photo: 'barack_obama/obama.jpg' },
  { person: 'lin_manuel_miranda', photo: 'lin_manuel_miranda/lin-manuel-miranda.png' },
  { person: 'joe_biden', photo: 'joe_biden/biden2.jpg' },
];

export interface HugePhoto {
  readonly person: string;
  readonly fileName: string;
  readonly path: string;
}

/** Writes `<dir>/<person>/huge.jpg` for the first `count` sources, each side × side; returns where they are. */
export async function writeHugePhotos(
  dir: string,
  count = HUGE_PHOTO_SOURCES.length,
  side = 8000,
): Promise<HugePhoto[]> {
  const out: HugePhoto[] = [];
  for (const { person, photo } of HUGE_PHOTO_SOURCES.slice(0, count)) {
    await mkdir(join(dir, person), { recursive: true });
    const path = join(dir, person, 'huge.jpg');
    await sharp(join(dataDir, 'identities', photo))
      .resize(side, side, { fit: 'cover' })
      .jpeg({ quality: 85 })
      .toFile(path);
    out.push({ person, fileName: `${person}/huge.jpg`, path });
  }
  return out;
}
