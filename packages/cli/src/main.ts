// Composition root of the `pmr` command: environment → logger → engines → command → output → release.
import { writeFile } from 'node:fs/promises';
import { PmrError } from '@pmr/common';
import { createLogger } from '@pmr/common/logger';
import { setLibavLogSink } from '@pmr/decoder';
import { DEFAULT_MATCH_THRESHOLD } from '@pmr/recognizer';
import { buildAgeGenderModel, defaultCacheDir } from '@pmr/models';
import type { AnalysisResult } from '@pmr/results';
import {
  parseCommand,
  USAGE,
  UsageError,
  type AnalyzeCommand,
  type ClusterCommand,
  type DetectCommand,
} from './args.ts';
import { readCliEnv, type CliEnv } from './env.ts';
import { progressBar } from './progress.ts';
import { loadEngines, type Engines } from '@pmr/runtime';
import { loadGallery } from '@pmr/runtime';
import { analyseVideo } from '@pmr/runtime';
import { detectImage } from '@pmr/runtime';
import { annotateVideo, AnnotationRecorder } from '@pmr/runtime';
import { DEFAULT_ANALYSIS } from '@pmr/results';
import { runCluster } from './cluster/run-cluster.ts';
import { galleryProblem, inputFileProblem, outputPathProblems } from './path-checks.ts';
import { announceReading } from './supervise.ts';

async function withEngines<T>(
  env: CliEnv,
  cmd: AnalyzeCommand | DetectCommand,
  run: (engines: Engines) => Promise<T>,
): Promise<T> {
  const engines = await loadEngines({
    modelsDir: env.modelsDir,
    detector: cmd.detector,
    threads: env.threads,
    ageGender: cmd.ageGender,
  });
  try {
    return await run(engines);
  } finally {
    await engines.release();
  }
}

async function runAnalyze(cmd: AnalyzeCommand, env: CliEnv): Promise<void> {
  const log = createLogger({ name: 'pmr', level: env.logLevel });
  setLibavLogSink((message) => log.debug({ ffmpeg: message }, 'FFmpeg complained'));
  const result = await withEngines(env, cmd, async (engines) => {
    const gallery = cmd.gallery === undefined ? null : await loadGallery(cmd.gallery, engines);
    if (gallery !== null)
      log.info({ persons: gallery.summary.persons, rejected: gallery.summary.rejected.length }, 'gallery enrolled');
    const bar = progressBar(process.stderr, 'analysing');
    const recorder = cmd.annotate === undefined ? null : new AnnotationRecorder();
    const controller = new AbortController();
    const onSignal = (): void => controller.abort();
    process.once('SIGINT', onSignal);
    try {
      announceReading(cmd.video);
      return await analyseVideo({
        path: cmd.video,
        engines,
        gallery,
        options: {
          ...DEFAULT_ANALYSIS,
          fps: cmd.fps,
          skip: { method: cmd.skip, ...(cmd.skipThreshold !== undefined && { threshold: cmd.skipThreshold }) },
          hwaccel: cmd.hwaccel,
          matchThreshold: cmd.threshold ?? DEFAULT_ANALYSIS.matchThreshold,
        },
        onProgress: (p) => bar.update(p),
        onDecoder: (decoder) => log.info({ video: cmd.video, decoder }, 'decoding the video'),
        ...(recorder !== null && { onBox: recorder.observer }),
        signal: controller.signal,
      }).then(async (res) => {
        bar.done();
        if (recorder !== null && cmd.annotate !== undefined)
          await annotateVideo(cmd.video, cmd.annotate, recorder, res, cmd.hwaccel);
        return res;
      });
    } finally {
      process.off('SIGINT', onSignal);
      bar.done();
    }
  });
  await writeResult(cmd, result);
}

/** The result as JSON on stdout or in --json, and a warning when the video was not decoded to the end. */
async function writeResult(cmd: AnalyzeCommand, result: AnalysisResult): Promise<void> {
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (cmd.json === undefined) process.stdout.write(json);
  else await writeFile(cmd.json, json);
  if (!result.video.complete)
    process.stderr.write(`pmr: warning: video incomplete: ${result.video.error ?? 'decoding stopped early'}\n`);
}

/** `analyze --remote`: the same analysis on a cluster's orchestrator, the same output. */
async function runAnalyzeRemote(cmd: AnalyzeCommand, address: string): Promise<void> {
  const { analyseRemote } = await import('./remote/analyse-remote.ts'); // loaded only here: the gRPC client
  const bar = progressBar(process.stderr, 'analysing');
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.once('SIGINT', onSignal);
  let result: AnalysisResult;
  try {
    result = await analyseRemote({
      address,
      video: cmd.video,
      ...(cmd.gallery !== undefined && { galleryDir: cmd.gallery }),
      ...(cmd.collection !== undefined && { collectionId: cmd.collection }),
      ...(cmd.fps !== undefined && { fps: cmd.fps }),
      skip: cmd.skip,
      onProgress: (p) =>
        bar.update({
          analysedFrames: p.framesAnalysed,
          sourceFrames: Math.round(p.fraction * p.framesTotal),
          totalFrames: p.framesTotal,
        }),
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
    bar.done();
  }
  await writeResult(cmd, result);
}

/** `pmr cluster`: the first SIGINT/SIGTERM stops the services in order, a second one kills them. */
async function runClusterCommand(cmd: ClusterCommand, env: CliEnv): Promise<number> {
  const stop = new AbortController();
  const kill = new AbortController();
  const onSignal = (): void => (stop.signal.aborted ? kill.abort() : stop.abort());
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await runCluster(
      {
        listen: cmd.listen,
        port: cmd.port,
        mediaRoots: cmd.mediaRoots,
        natsStore: cmd.natsStore,
        store: cmd.store,
        logLevel: cmd.logLevel ?? env.logLevel,
      },
      {
        env: process.env,
        cwd: process.cwd(),
        stdout: process.stdout,
        stderr: process.stderr,
        stopSignal: stop.signal,
        killSignal: kill.signal,
      },
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function runDetect(cmd: DetectCommand, env: CliEnv): Promise<void> {
  const result = await withEngines(env, cmd, async (engines) => {
    const gallery = cmd.gallery === undefined ? null : await loadGallery(cmd.gallery, engines);
    return detectImage(cmd.image, engines, gallery, cmd.threshold ?? DEFAULT_MATCH_THRESHOLD);
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

/**
 * Before anything is loaded or analysed: outputs that cannot be written are a usage error (exit 2, one line); a video
 * or image that is missing or empty, or a gallery that is no folder, an error (exit 1) as the decoder or the gallery
 * would give it; every path capped in the message.
 */
function checkPaths(cmd: AnalyzeCommand | DetectCommand): void {
  if (cmd.command === 'analyze') {
    const problems = outputPathProblems(cmd, cmd.video);
    if (problems.length > 0) throw new UsageError(problems.join('; '), { showUsage: false });
  }
  const problem =
    inputFileProblem(cmd.command === 'analyze' ? cmd.video : cmd.image) ??
    (cmd.gallery === undefined ? undefined : galleryProblem(cmd.gallery));
  if (problem !== undefined) throw new PmrError('INVALID_ARGUMENT', problem);
}

/** Runs the command line and returns the exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  let debug = false;
  try {
    const cmd = parseCommand(argv);
    const env = readCliEnv(process.env);
    debug = env.debug;
    switch (cmd.command) {
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      case 'analyze':
        checkPaths(cmd);
        if (cmd.remote !== undefined) await runAnalyzeRemote(cmd, cmd.remote);
        else await runAnalyze(cmd, env);
        return 0;
      case 'cluster':
        return await runClusterCommand(cmd, env);
      case 'detect':
        checkPaths(cmd);
        await runDetect(cmd, env);
        return 0;
      case 'models-build': {
        const built = await buildAgeGenderModel({ cacheDir: defaultCacheDir() });
        process.stdout.write(`${built.path}\nsha256 ${built.sha256} (${built.size} bytes)\n`);
        return 0;
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`pmr: ${err.message}\n${err.showUsage ? `${USAGE}\n` : ''}`);
      return 2;
    }
    const message = err instanceof PmrError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`pmr: ${message.split('\n')[0]}\n`);
    if (debug && err instanceof Error && err.stack !== undefined) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
