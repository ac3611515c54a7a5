// Benchmark: prints a Markdown table per clip — decode-only fps, whole-pipeline fps, ms per stage per analysed
// frame, embeddings computed, peak RSS and speed relative to real time. Each clip and skip mode is analysed N times
// (default 3); its row is the run of median wall time, with the range of × real time over all N beside it. Compare
// figures within one invocation, not absolute numbers across machines.
//
//   PMR_MODELS_DIR=../shared/models npm run bench [-- [--runs N] clip.mp4 …]
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { measureDecodeFps } from '@pmr/decoder';
import { dataDir, missingData, missingModels } from '../src/paths.ts';
import { medianBy, parseBenchArgs } from '../src/bench-args.ts';
import { runCli } from '../src/run-cli.ts';

interface Stats {
  video: { frames: number; analysedFrames: number; duration: number; width: number; height: number };
  tracks: unknown[];
  stats: { embeddings: number; attributeFaces: number; elapsedSeconds: number; stageMs: Record<string, number>; peakRssMB: number };
}

const CLIPS = ['short_hamilton_clip.mp4', 'facenet_pytorch_walking_crowd.mp4', 'head-pose-face-detection-female-and-male.mp4', 'face-demographics-walking-and-pause.mp4'];

async function analyse(path: string, extra: string[], out: string): Promise<Stats> {
  const run = await runCli(['analyze', path, '--json', out, ...extra], { PMR_LOG_LEVEL: 'error' });
  if (run.code !== 0) throw new Error(`pmr analyze ${path} failed: ${run.stderr}`);
  return JSON.parse(await readFile(out, 'utf8')) as Stats;
}

const f1 = (x: number): string => x.toFixed(1);

async function main(): Promise<void> {
  const why = missingModels() ?? missingData();
  if (why !== null) {
    console.error(`benchmark needs the models and test media: ${why}`);
    process.exitCode = 1;
    return;
  }
  const { runs, clips } = parseBenchArgs(process.argv.slice(2), CLIPS);
  const dir = await mkdtemp(join(tmpdir(), 'pmr-bench-'));
  const gallery = join(dataDir, 'identities');
  console.log(`${runs} run(s) per row; each row is the run of median wall time, × real time over all runs in brackets.\n`);
  console.log('| clip | size | skip | decode-only fps | source frames | analysed | pipeline fps (analysed) | × real time | decode | detect | track | embed | attributes | embed ms/face | attributes ms/face | embeddings | tracks | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const clip of clips) {
    const decode = await measureDecodeFps(clip);
    for (const skip of ['histogram', 'none'] as const) {
      const all: Stats[] = [];
      for (let i = 0; i < runs; i++) all.push(await analyse(clip, ['--gallery', gallery, '--skip', skip], join(dir, `${basename(clip)}.${skip}.${i}.json`)));
      const r = medianBy(all, (x) => x.stats.elapsedSeconds);
      const speed = (x: Stats): number => x.video.duration / x.stats.elapsedSeconds;
      const speeds = all.map(speed);
      const range = runs > 1 ? ` (${Math.min(...speeds).toFixed(2)}–${Math.max(...speeds).toFixed(2)})` : '';
      const n = Math.max(1, r.video.analysedFrames);
      const perFrame = (stage: string): string => f1((r.stats.stageMs[stage] ?? 0) / n);
      const perFace = (stage: string, faces: number): string => f1((r.stats.stageMs[stage] ?? 0) / Math.max(1, faces));
      console.log(
        `| ${basename(clip)} | ${r.video.width}×${r.video.height} | ${skip} | ${f1(decode.fps)} | ${r.video.frames} | ${r.video.analysedFrames} | ` +
          `${f1(r.video.analysedFrames / r.stats.elapsedSeconds)} | ${speed(r).toFixed(2)}${range} | ` +
          `${perFrame('decode')} | ${perFrame('detect')} | ${perFrame('track')} | ${perFrame('embed')} | ${perFrame('attributes')} | ` +
          `${perFace('embed', r.stats.embeddings)} | ${perFace('attributes', r.stats.attributeFaces)} | ` +
          `${r.stats.embeddings} | ${r.tracks.length} | ${Math.max(...all.map((x) => x.stats.peakRssMB))} |`,
      );
    }
  }
  console.log('\nStage columns: milliseconds per analysed frame; per-face columns: per face embedded/analysed; peak RSS: the highest of the runs. Elapsed time excludes model loading and gallery enrolment.');
}

await main();
