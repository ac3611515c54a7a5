// Builds a gallery folder from frames of a video (`<dir>/<person>/<n>.jpg`), as a user enrolling from footage would.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeJpeg } from '@pmr/common/image';
import { frameAt } from '@pmr/decoder/testing';

/** Writes the frame shown at each of the given times (seconds) of `videoPath` as a JPEG into `<dir>/<person>/`. */
export async function enrolFromVideo(
  dir: string,
  person: string,
  videoPath: string,
  times: readonly number[],
): Promise<void> {
  const target = join(dir, person);
  await mkdir(target, { recursive: true });
  for (const [i, t] of times.entries())
    await writeFile(join(target, `${i}.jpg`), await encodeJpeg(await frameAt(videoPath, t), 95));
}
