// Test media: where the shared clips are, and small clips made on the fly in os.tmpdir() with FFmpeg's libraries.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RgbImage } from '@pmr/common';
import { dataMissing, requireParts } from '@pmr/common/testing/require-parts';
import { remuxVideo, writeClip, type TimedImage } from '../src/testing/media.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
export const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
export const videosDir = join(dataDir, 'videos');
export const hamilton = join(videosDir, 'short_hamilton_clip.mp4');
export const crowd1080p = join(videosDir, 'facenet_pytorch_walking_crowd.mp4');

/** Why the tests on shared clips must skip here, or undefined when they can run (a failure under PMR_REQUIRE_ALL=1). */
export function clipsSkip(...clips: string[]): string | undefined {
  return requireParts(dataMissing(...clips));
}

/** A fresh temporary folder, removed by the returned function. */
export function tempFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pmr-decoder-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Hamilton remuxed with its index (moov) first and audio dropped, so that a prefix of it is still a playable file. */
export async function makeFaststart(dir: string): Promise<string> {
  const out = join(dir, 'faststart.mp4');
  await remuxVideo(hamilton, out, { videoOnly: true, faststart: true });
  return out;
}

/** The first `fraction` of a file's bytes, written next to it. */
export function cutFile(path: string, fraction: number, name: string, dir: string): string {
  const bytes = readFileSync(path);
  const out = join(dir, name);
  writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return out;
}

/** A faststart file cut a few bytes after its index: it opens fine but holds no whole frame. */
export function cutAfterIndex(faststart: string, dir: string): string {
  const bytes = readFileSync(faststart);
  const mdat = bytes.indexOf('mdat');
  const out = join(dir, 'index-only.mp4');
  writeFileSync(out, bytes.subarray(0, mdat + 200));
  return out;
}

/** A `width`×`height` RGB image filled by `pixel(x, y)`. */
export function paint(
  width: number,
  height: number,
  pixel: (x: number, y: number) => readonly [number, number, number],
): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(pixel(x, y), (y * width + x) * 3);
  return { width, height, data };
}

/** Frame `k` of a moving test pattern: colour bars with a white square that steps right by 4 px a frame. */
export function testPattern(width: number, height: number, k: number): RgbImage {
  const bars: Array<readonly [number, number, number]> = [
    [200, 30, 30],
    [30, 200, 30],
    [30, 30, 200],
    [200, 200, 30],
    [30, 200, 200],
    [200, 30, 200],
  ];
  const square = (4 * k) % width;
  return paint(width, height, (x, y) =>
    y < 12 && x >= square && x < square + 12 ? [255, 255, 255] : bars[Math.floor((x * bars.length) / width)]!,
  );
}

/**
 * A 64×32, 10-frame clip at 10 fps, black with a white 16×16 square in the top-left corner (mpeg4), marked to be shown
 * turned 90° clockwise (a display matrix on the stream, as a phone writes).
 */
export async function makeRotatedMarker(dir: string): Promise<string> {
  const out = join(dir, 'marker-rotated.mp4');
  const marker = paint(64, 32, (x, y) => (x < 16 && y < 16 ? [255, 255, 255] : [0, 0, 0]));
  const frames: TimedImage[] = Array.from({ length: 10 }, (_, i) => ({ image: marker, time: i / 10 }));
  await writeClip(out, frames, { fps: 10, codec: 'mpeg4', rotation: 90 });
  return out;
}

/** Hamilton's first 20 frames stream-copied, marked to be shown turned 90° clockwise. */
export async function makeRotatedHamilton(dir: string): Promise<string> {
  const out = join(dir, 'hamilton-rotated.mp4');
  await remuxVideo(hamilton, out, { videoOnly: true, maxVideoPackets: 20, rotation: 90 });
  return out;
}

/**
 * A variable-rate clip (64×48 test pattern, mpeg4): 10 frames at 10 fps, then 10 at 2 fps, i.e. frames at 0, 0.1, …,
 * 0.9 s, then 1, 1.5, …, 5.5 s — in Matroska, and copied into AVI, which being a constant-rate container marks each
 * gap with empty chunks (its frame count counts them too).
 */
export async function makeVariableRate(
  dir: string,
): Promise<{ readonly mkv: string; readonly avi: string; readonly times: readonly number[] }> {
  const mkv = join(dir, 'variable-rate.mkv');
  const avi = join(dir, 'variable-rate.avi');
  const times = [...Array.from({ length: 10 }, (_, i) => i / 10), ...Array.from({ length: 10 }, (_, i) => 1 + i / 2)];
  await writeClip(
    mkv,
    times.map((time, k) => ({ image: testPattern(64, 48, k), time })),
    { fps: 10, codec: 'mpeg4', timeBase: { num: 1, den: 100 } },
  );
  await remuxVideo(mkv, avi);
  return { mkv, avi, times };
}
