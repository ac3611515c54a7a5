// Benchmark: prints a Markdown table per clip — decode-only fps, whole-pipeline fps, ms per stage per analysed
// frame, embeddings computed, peak RSS and speed relative to real time. Each clip and skip mode is analysed N times
// (default 3); its row is the run of median wall time, with the range of × real time over all N beside it. Without
// clips named, a second table follows: peak RSS of Hamilton played once and six times over (memory must not grow with
// the video's length). Compare figures within one invocation, not absolute numbers across machines.
//
// The path video took before FFmpeg's libraries ran in process — an ffmpeg child writing RGB24 to a pipe — is measured
// beside, when it can be: decode-only through a system `ffmpeg` when one is on the PATH, and whole analyses with
// `--baseline DIR`, a checkout of an earlier PMR (e.g. 48cad0e, with its node_modules; it needs that system ffmpeg),
// whose runs alternate with this one's.
//
//   PMR_MODELS_DIR=../shared/models npm run bench [-- [--runs N] [--baseline DIR] clip.mp4 …]
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { spawn } from 'node:child_process';
import { measureDecodeFps, probeVideo } from '@pmr/decoder';
import { remuxVideo } from '@pmr/decoder/testing';
import { dataDir, missingData, missingModels, video } from '../src/paths.ts';
import { medianBy, parseBenchArgs } from '../src/bench-args.ts';
import { runCli } from '../src/run-cli.ts';

interface Stats {
  video: { frames: number; analysedFrames: number; duration: number; width: number; height: number };
  tracks: unknown[];
  stats: {
    embeddings: number;
    attributeFaces: number;
    elapsedSeconds: number;
    stageMs: Record<string, number>;
    peakRssMB: number;
  };
}

const CLIPS = [
  'short_hamilton_clip.mp4',
  'facenet_pytorch_walking_crowd.mp4',
  'head-pose-face-detection-female-and-male.mp4',
  'face-demographics-walking-and-pause.mp4',
];

async function analyse(path: string, extra: string[], out: string, root?: string): Promise<Stats> {
  const run = await runCli(['analyze', path, '--json', out, ...extra], { PMR_LOG_LEVEL: 'error' }, root);
  if (run.code !== 0) throw new Error(`pmr analyze ${path} failed: ${run.stderr}`);
  return JSON.parse(await readFile(out, 'utf8')) as Stats;
}

const f1 = (x: number): string => x.toFixed(1);

/**
 * Decode-only frames per second of the earlier path: a system ffmpeg decoding every frame to RGB24 on a pipe, read into
 * frame-sized buffers as PMR read them; null when no ffmpeg is on the PATH.
 */
async function pipeDecodeFps(clip: string): Promise<number | null> {
  const { width, height } = await probeVideo(clip);
  const frameSize = width * height * 3;
  const start = performance.now();
  const ffmpeg = spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-v',
      'error',
      '-i',
      clip,
      '-map',
      '0:v:0',
      '-fps_mode',
      'passthrough',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const missing = new Promise<null>((resolve) => ffmpeg.once('error', () => resolve(null)));
  const read = (async (): Promise<number> => {
    let frame = new Uint8Array(frameSize);
    let filled = 0;
    let frames = 0;
    for await (const chunk of ffmpeg.stdout as AsyncIterable<Buffer>) {
      for (let offset = 0; offset < chunk.length;) {
        const n = Math.min(frameSize - filled, chunk.length - offset);
        frame.set(chunk.subarray(offset, offset + n), filled);
        filled += n;
        offset += n;
        if (filled === frameSize) {
          frames++;
          filled = 0;
          frame = new Uint8Array(frameSize);
        }
      }
    }
    return frames / ((performance.now() - start) / 1000);
  })();
  return Promise.race([missing, read]);
}

interface Row {
  readonly path: string;
  readonly decodeFps: number | null;
  readonly runs: Stats[];
}

function printRow(clip: string, skip: string, row: Row): void {
  const r = medianBy(row.runs, (x) => x.stats.elapsedSeconds);
  const speed = (x: Stats): number => x.video.duration / x.stats.elapsedSeconds;
  const speeds = row.runs.map(speed);
  const range = row.runs.length > 1 ? ` (${Math.min(...speeds).toFixed(2)}–${Math.max(...speeds).toFixed(2)})` : '';
  const n = Math.max(1, r.video.analysedFrames);
  const perFrame = (stage: string): string => f1((r.stats.stageMs[stage] ?? 0) / n);
  const perFace = (stage: string, faces: number): string => f1((r.stats.stageMs[stage] ?? 0) / Math.max(1, faces));
  console.log(
    `| ${basename(clip)} | ${r.video.width}×${r.video.height} | ${skip} | ${row.path} | ${row.decodeFps === null ? '—' : f1(row.decodeFps)} | ${r.video.frames} | ${r.video.analysedFrames} | ` +
      `${f1(r.video.analysedFrames / r.stats.elapsedSeconds)} | ${speed(r).toFixed(2)}${range} | ` +
      `${perFrame('decode')} | ${perFrame('detect')} | ${perFrame('track')} | ${perFrame('embed')} | ${perFrame('attributes')} | ` +
      `${perFace('embed', r.stats.embeddings)} | ${perFace('attributes', r.stats.attributeFaces)} | ` +
      `${r.stats.embeddings} | ${r.tracks.length} | ${Math.max(...row.runs.map((x) => x.stats.peakRssMB))} |`,
  );
}

/** `clip` played `times` times in a row (video only, stream copy): a long video with the content of a short one. */
async function loopedClip(clip: string, times: number, dir: string): Promise<string> {
  const out = join(dir, `${basename(clip, '.mp4')}.x${times}.mp4`);
  await remuxVideo(clip, out, { videoOnly: true, repeat: times });
  return out;
}

/** Peak RSS against video length: Hamilton once and six times over, one run each per skip mode. */
async function lengthTable(dir: string, gallery: string): Promise<void> {
  console.log(
    '\n| clip | duration s | source frames | skip | analysed | tracks | wall s | × real time | peak RSS MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  const clip = video('short_hamilton_clip.mp4');
  for (const times of [1, 6]) {
    const path = times === 1 ? clip : await loopedClip(clip, times, dir);
    for (const skip of ['histogram', 'none'] as const) {
      const r = await analyse(path, ['--gallery', gallery, '--skip', skip], join(dir, `length.${times}.${skip}.json`));
      console.log(
        `| ${basename(clip)} ×${times} | ${f1(r.video.duration)} | ${r.video.frames} | ${skip} | ${r.video.analysedFrames} | ${r.tracks.length} | ` +
          `${f1(r.stats.elapsedSeconds)} | ${(r.video.duration / r.stats.elapsedSeconds).toFixed(2)} | ${r.stats.peakRssMB} |`,
      );
    }
  }
}

async function main(): Promise<void> {
  const why = missingModels() ?? missingData();
  if (why !== null) {
    console.error(`benchmark needs the models and test media: ${why}`);
    process.exitCode = 1;
    return;
  }
  const { runs, clips, named, baseline } = parseBenchArgs(process.argv.slice(2), CLIPS);
  const dir = await mkdtemp(join(tmpdir(), 'pmr-bench-'));
  const gallery = join(dataDir, 'identities');
  console.log(
    `${runs} run(s) per row; each row is the run of median wall time, × real time over all runs in brackets.`,
  );
  if (baseline !== undefined)
    console.log(`Baseline: ${baseline} (ffmpeg child writing to a pipe), its runs alternating with this checkout's.`);
  console.log('');
  console.log(
    '| clip | size | skip | video path | decode-only fps | source frames | analysed | pipeline fps (analysed) | × real time | decode | detect | track | embed | attributes | embed ms/face | attributes ms/face | embeddings | tracks | peak RSS MB |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const clip of clips) {
    const decodeFps = (await measureDecodeFps(clip)).fps;
    const pipeFps = await pipeDecodeFps(clip);
    for (const skip of ['histogram', 'none'] as const) {
      const here: Row = { path: 'in process', decodeFps, runs: [] };
      const before: Row = { path: 'ffmpeg pipe (baseline)', decodeFps: pipeFps, runs: [] };
      for (let i = 0; i < runs; i++) {
        const args = ['--gallery', gallery, '--skip', skip];
        here.runs.push(await analyse(clip, args, join(dir, `${basename(clip)}.${skip}.${i}.json`)));
        if (baseline !== undefined)
          before.runs.push(
            await analyse(clip, args, join(dir, `${basename(clip)}.${skip}.${i}.baseline.json`), baseline),
          );
      }
      printRow(clip, skip, here);
      if (baseline !== undefined) printRow(clip, skip, before);
      else if (pipeFps !== null)
        console.log(`| ${basename(clip)} | | ${skip} | ffmpeg pipe | ${f1(pipeFps)} | | | | | | | | | | | | | | |`);
    }
  }
  console.log(
    '\nStage columns: milliseconds per analysed frame; per-face columns: per face embedded/analysed; peak RSS: the highest of the runs. Elapsed time excludes model loading and gallery enrolment.',
  );
  if (!named) await lengthTable(dir, gallery);
}

await main();
