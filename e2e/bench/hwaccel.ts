// Benchmark for a machine with a GPU: decoding in software against `--hwaccel cuda` (and `vaapi` where it opens), one
// stream and several at once, as a GPU node decodes many cameras; then `pmr analyze` both ways on the same clips, to
// show the results agree. Runs as is on a machine without a device too: the device rows say it did not open.
//
//   node e2e/bench/hwaccel.ts [--streams 1,4,8] [--runs N] [clip.mp4 …]          (PMR_MODELS_DIR for the second table)
//
// Decode rows: every frame of each stream decoded, converted to full-size RGB and to the 128-px thumbnail the
// similar-frame measure reads (`--skip none`), or with the default skipping (only kept frames converted to full size:
// where a device gains most, the rest never leaving it but as a thumbnail). fps: frames of all streams ÷ wall time;
// CPU: user+system seconds of this process (FFmpeg's threads included) per 100 frames; Δ: mean absolute difference, per
// RGB value, of each stream's first 30 full-size frames against software decoding (a GPU scales and converts colour
// its own way).
import { cpus } from 'node:os';
import { basename } from 'node:path';
import { decodeVideo, type HwaccelChoice, type SkipOptions } from '@pmr/decoder';
import { median, parseBenchArgs } from '../src/bench-args.ts';
import { dataDir, missingData, missingModels } from '../src/paths.ts';
import { runCli } from '../src/run-cli.ts';

const CLIPS = ['facenet_pytorch_walking_crowd.mp4', 'short_hamilton_clip.mp4'];
const DEVICES: readonly HwaccelChoice[] = ['none', 'cuda', 'vaapi'];
const COMPARED_FRAMES = 30;

interface StreamRun {
  /** Source frames decoded. */
  readonly frames: number;
  readonly decoder: string;
  readonly sample: Uint8Array[];
}

async function decodeStream(
  clip: string,
  hwaccel: HwaccelChoice,
  skip: SkipOptions,
  keepSample: boolean,
): Promise<StreamRun> {
  const decoding = await decodeVideo(clip, { hwaccel, skip });
  const sample: Uint8Array[] = [];
  for await (const frame of decoding.frames) {
    if (keepSample && sample.length < COMPARED_FRAMES) sample.push(Uint8Array.from(frame.image.data));
    else decoding.recycle(frame);
  }
  return { frames: (await decoding.outcome).decodedFrames, decoder: decoding.decoder, sample };
}

function meanDifference(a: readonly Uint8Array[], b: readonly Uint8Array[]): number {
  let sum = 0;
  let count = 0;
  for (let f = 0; f < Math.min(a.length, b.length); f++) {
    const x = a[f]!;
    const y = b[f]!;
    for (let i = 0; i < x.length; i++) sum += Math.abs(x[i]! - y[i]!);
    count += x.length;
  }
  return count === 0 ? Number.NaN : sum / count;
}

/** Decode `streams` copies of `clip` at once (the first one's opening frames kept for Δ); `refused` when the device does not open. */
async function decodeRow(
  clip: string,
  hwaccel: HwaccelChoice,
  skip: SkipOptions,
  streams: number,
): Promise<{ fps: number; cpuPer100: number; runs: StreamRun[] } | { refused: string }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let runs: StreamRun[];
  try {
    runs = await Promise.all(Array.from({ length: streams }, (_, i) => decodeStream(clip, hwaccel, skip, i === 0)));
  } catch (err) {
    return { refused: err instanceof Error ? err.message : String(err) };
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const frames = runs.reduce((n, r) => n + r.frames, 0);
  return { fps: frames / seconds, cpuPer100: ((used.user + used.system) / 1e6 / frames) * 100, runs };
}

async function decodeTable(clips: readonly string[], streamCounts: readonly number[], runs: number): Promise<void> {
  console.log(`Decoding (${cpus().length} CPU cores; each row the median of ${runs} run(s)):\n`);
  console.log(
    '| clip | skip | hwaccel | decoder | streams | frames | fps (all streams) | CPU s / 100 frames | Δ vs software |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const clip of clips) {
    for (const skip of [{ method: 'none' }, { method: 'histogram' }] as const) {
      let software: StreamRun | undefined;
      for (const hwaccel of DEVICES) {
        for (const streams of streamCounts) {
          const rows = [];
          for (let i = 0; i < runs; i++) rows.push(await decodeRow(clip, hwaccel, skip, streams));
          const first = rows[0]!;
          if ('refused' in first) {
            console.log(
              `| ${basename(clip)} | ${skip.method} | ${hwaccel} | — | ${streams} | — | — | — | ${first.refused} |`,
            );
            break;
          }
          const done = rows.filter((r): r is Exclude<typeof r, { refused: string }> => !('refused' in r));
          const run = first.runs[0]!;
          if (hwaccel === 'none') software ??= run;
          const delta = software === undefined ? Number.NaN : meanDifference(run.sample, software.sample);
          console.log(
            `| ${basename(clip)} | ${skip.method} | ${hwaccel} | ${run.decoder} | ${streams} | ${first.runs.reduce((n, r) => n + r.frames, 0)} | ` +
              `${median(done.map((r) => r.fps)).toFixed(1)} | ${median(done.map((r) => r.cpuPer100)).toFixed(2)} | ${delta.toFixed(2)} |`,
          );
        }
      }
    }
  }
}

interface Analysis {
  readonly persons: ReadonlyArray<{ readonly name: string | null }>;
  readonly tracks: readonly unknown[];
  readonly video: { readonly analysedFrames: number };
  readonly stats: { readonly elapsedSeconds: number; readonly peakRssMB: number };
}

async function analyseTable(clips: readonly string[]): Promise<void> {
  const why = missingModels() ?? missingData();
  if (why !== null) {
    console.log(`\npmr analyze both ways: skipped (${why})`);
    return;
  }
  console.log('\n`pmr analyze --gallery identities --skip none` (inference on the CPU either way):\n');
  console.log('| clip | hwaccel | analysed frames | tracks | names | elapsed s | analysed fps | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const clip of clips) {
    for (const hwaccel of ['none', 'auto'] as const) {
      const run = await runCli(
        ['analyze', clip, '--gallery', `${dataDir}/identities`, '--skip', 'none', '--hwaccel', hwaccel],
        { PMR_LOG_LEVEL: 'error' },
      );
      if (run.code !== 0) {
        console.log(`| ${basename(clip)} | ${hwaccel} | failed: ${run.stderr.trim().split('\n').at(-1) ?? ''} |||||`);
        continue;
      }
      const r = JSON.parse(run.stdout) as Analysis;
      const names = [...new Set(r.persons.map((p) => p.name).filter((n) => n !== null))].sort().join(', ');
      console.log(
        `| ${basename(clip)} | ${hwaccel} | ${r.video.analysedFrames} | ${r.tracks.length} | ${names || '—'} | ${r.stats.elapsedSeconds.toFixed(2)} | ` +
          `${(r.video.analysedFrames / r.stats.elapsedSeconds).toFixed(1)} | ${r.stats.peakRssMB} |`,
      );
    }
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let streamCounts = [1, 4, 8];
  const at = argv.indexOf('--streams');
  if (at >= 0) {
    streamCounts = (argv[at + 1] ?? '').split(',').map(Number);
    argv.splice(at, 2);
    if (streamCounts.some((n) => !Number.isInteger(n) || n < 1))
      throw new Error('--streams takes whole numbers, e.g. 1,4,8');
  }
  const { runs, clips } = parseBenchArgs(argv, CLIPS, 1);
  await decodeTable(clips, streamCounts, runs);
  await analyseTable(clips);
}

await main();
