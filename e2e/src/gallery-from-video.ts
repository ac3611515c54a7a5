// Builds a gallery folder from frames of a video (`<dir>/<person>/<n>.jpg`), as a user enrolling from footage would.
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Extracts one JPEG at each of the given times (seconds) from `videoPath` into `<dir>/<person>/`. */
export async function enrolFromVideo(dir: string, person: string, videoPath: string, times: readonly number[]): Promise<void> {
  const target = join(dir, person);
  await mkdir(target, { recursive: true });
  for (const [i, t] of times.entries()) {
    await run('ffmpeg', ['-v', 'error', '-y', '-ss', String(t), '-i', videoPath, '-frames:v', '1', '-q:v', '2', join(target, `${i}.jpg`)]);
  }
}
