// Where a DecodeJob's video is read from: a path under the media roots, or an upload copied from the object store into
// a temporary folder chunk by chunk (FFmpeg needs a file it can seek in; the decoder holds a few chunks at a time).
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { JetStreamBus } from '@pmr/common/messaging';
import type { DecodeJob__Output } from '@pmr/common/proto/generated/pmr/v1/DecodeJob.ts';
import { resolveSource } from './source-policy.ts';

export interface LocalVideo {
  /** The file FFmpeg opens. */
  readonly path: string;
  /** What the video is called in results and messages: the job's path, or the upload's object name. */
  readonly source: string;
  /** True when `path` is a temporary copy of an upload (a path no message may show). */
  readonly copied: boolean;
  /** Removes the temporary copy, if one was made. */
  cleanup(): Promise<void>;
}

export interface MediaRoots {
  readonly roots: readonly string[];
  readonly realRoots: readonly string[];
}

/** @throws SourceDenied for a path outside the roots; the object store's errors for a missing or damaged upload. */
export async function localVideo(
  bus: JetStreamBus,
  job: DecodeJob__Output,
  media: MediaRoots,
  signal: AbortSignal,
): Promise<LocalVideo> {
  if (job.source === 'upload' && job.upload !== null && job.upload !== undefined) {
    const dir = await mkdtemp(join(tmpdir(), 'pmr-decoder-'));
    const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
    const path = join(dir, `video${extname(job.upload.name).slice(0, 16)}`);
    try {
      await pipeline(await bus.readLarge(job.upload), createWriteStream(path), { signal });
    } catch (err) {
      await cleanup();
      throw err;
    }
    return { path, source: job.upload.name, copied: true, cleanup };
  }
  const source = job.path ?? '';
  return {
    path: await resolveSource(source, media.roots, media.realRoots),
    source,
    copied: false,
    cleanup: () => Promise.resolve(),
  };
}
