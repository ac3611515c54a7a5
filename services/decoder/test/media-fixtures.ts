// Test media: where the shared clips are, whether ffmpeg is here, and small clips made on the fly in os.tmpdir().
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..', '..', '..');
export const dataDir = process.env.PMR_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
export const videosDir = join(dataDir, 'videos');
export const hamilton = join(videosDir, 'short_hamilton_clip.mp4');
export const crowd1080p = join(videosDir, 'facenet_pytorch_walking_crowd.mp4');

function runs(binary: string): boolean {
  return spawnSync(binary, ['-version'], { stdio: 'ignore' }).status === 0;
}

/** Why the real-ffmpeg tests cannot run here, or null when they can. */
export function ffmpegMissing(...clips: string[]): string | null {
  if (!runs(process.env.PMR_FFMPEG ?? 'ffmpeg') || !runs(process.env.PMR_FFPROBE ?? 'ffprobe')) return 'ffmpeg/ffprobe not found on PATH (set PMR_FFMPEG/PMR_FFPROBE)';
  for (const clip of clips) {
    if (!existsSync(clip)) return `test clip missing: ${clip} (set PMR_DATA_DIR)`;
  }
  return null;
}

/** A fresh temporary folder, removed by the returned function. */
export function tempFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pmr-decoder-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function ffmpeg(args: string[]): void {
  execFileSync(process.env.PMR_FFMPEG ?? 'ffmpeg', ['-hide_banner', '-nostdin', '-v', 'error', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Hamilton remuxed with its index (moov) first and audio dropped, so that a prefix of it is still a playable file. */
export function makeFaststart(dir: string): string {
  const out = join(dir, 'faststart.mp4');
  ffmpeg(['-i', hamilton, '-map', '0:v:0', '-c', 'copy', '-movflags', '+faststart', out]);
  return out;
}

/** The first `fraction` of a file's bytes, written next to it. */
export function cutFile(path: string, fraction: number, name: string, dir: string): string {
  const bytes = readFileSync(path);
  const out = join(dir, name);
  writeFileSync(out, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return out;
}

/** A faststart file cut a few bytes after its index: it probes fine but holds no whole frame. */
export function cutAfterIndex(faststart: string, dir: string): string {
  const bytes = readFileSync(faststart);
  const mdat = bytes.indexOf('mdat');
  const out = join(dir, 'index-only.mp4');
  writeFileSync(out, bytes.subarray(0, mdat + 200));
  return out;
}

/**
 * A 64×32, 10-frame clip, black with a white 16×16 square in the top-left corner (mpeg4, built into every
 * ffmpeg), remuxed with `-metadata:s:v rotate=90`, which puts a display matrix on the stream.
 */
export function makeRotatedMarker(dir: string): string {
  const plain = join(dir, 'marker.mp4');
  const rotated = join(dir, 'marker-rotated.mp4');
  ffmpeg(['-f', 'lavfi', '-i', 'color=c=black:s=64x32:r=10:d=1,drawbox=x=0:y=0:w=16:h=16:c=white:t=fill', '-c:v', 'mpeg4', '-q:v', '2', '-pix_fmt', 'yuv420p', plain]);
  ffmpeg(['-i', plain, '-c', 'copy', '-metadata:s:v', 'rotate=90', rotated]);
  return rotated;
}

/** Hamilton's first 20 frames stream-copied with `rotate=90` metadata. */
export function makeRotatedHamilton(dir: string): string {
  const out = join(dir, 'hamilton-rotated.mp4');
  ffmpeg(['-i', hamilton, '-map', '0:v:0', '-frames:v', '20', '-c', 'copy', '-metadata:s:v', 'rotate=90', out]);
  return out;
}

/**
 * A variable-rate clip (64×48 test pattern, mpeg4): 10 frames at 10 fps, then 10 at 2 fps, i.e. frames at 0, 0.1, …,
 * 0.9 s, then 1, 1.5, …, 5.5 s — in Matroska, and copied into AVI, which being a constant-rate container marks each
 * gap with empty chunks (its frame count says 1102 for these 20 pictures).
 */
export function makeVariableRate(dir: string): { readonly mkv: string; readonly avi: string; readonly times: readonly number[] } {
  const mkv = join(dir, 'variable-rate.mkv');
  const avi = join(dir, 'variable-rate.avi');
  const graph = 'testsrc=size=64x48:rate=10:d=1[a];testsrc=size=64x48:rate=2:d=5[b];[a][b]concat=n=2:v=1,settb=1/100[v]';
  ffmpeg(['-filter_complex', graph, '-map', '[v]', '-fps_mode', 'passthrough', '-c:v', 'mpeg4', '-q:v', '2', mkv]);
  ffmpeg(['-i', mkv, '-c', 'copy', avi]);
  const times = [...Array.from({ length: 10 }, (_, i) => i / 10), ...Array.from({ length: 10 }, (_, i) => 1 + i / 2)];
  return { mkv, avi, times };
}

/** Pids of `ffmpeg` children of this process still in the process table (zombies included). */
export function ffmpegChildren(): number[] {
  const out = spawnSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, comm]) => comm === 'ffmpeg')
    .map(([pid]) => Number(pid));
}
