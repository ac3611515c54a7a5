// Composition root of the `pmr` command: environment → logger → engines → command → output → release.
import { writeFile } from 'node:fs/promises';
import { createLogger, PmrError } from '@pmr/common';
import { DEFAULT_MATCH_THRESHOLD } from '@pmr/recognizer';
import { buildAgeGenderModel, defaultCacheDir } from '@pmr/models';
import { parseCommand, USAGE, UsageError, type AnalyzeCommand, type DetectCommand } from './args.ts';
import { readCliEnv, type CliEnv } from './env.ts';
import { progressBar } from './progress.ts';
import { loadEngines, type Engines } from '../runtime/engines.ts';
import { loadGallery } from '../runtime/gallery.ts';
import { analyseVideo } from '../runtime/analyse-video.ts';
import { detectImage } from '../runtime/detect-image.ts';
import { annotateVideo, AnnotationRecorder } from '../runtime/annotate.ts';
import { DEFAULT_ANALYSIS } from '../runtime/defaults.ts';

async function withEngines<T>(env: CliEnv, cmd: AnalyzeCommand | DetectCommand, run: (engines: Engines) => Promise<T>): Promise<T> {
  const engines = await loadEngines({ modelsDir: env.modelsDir, detector: cmd.detector, threads: env.threads, ageGender: cmd.ageGender });
  try {
    return await run(engines);
  } finally {
    await engines.release();
  }
}

async function runAnalyze(cmd: AnalyzeCommand, env: CliEnv): Promise<void> {
  const log = createLogger({ name: 'pmr', level: env.logLevel });
  const result = await withEngines(env, cmd, async (engines) => {
    const gallery = cmd.gallery === undefined ? null : await loadGallery(cmd.gallery, engines);
    if (gallery !== null) log.info({ persons: gallery.summary.persons, rejected: gallery.summary.rejected.length }, 'gallery enrolled');
    const bar = progressBar(process.stderr, 'analysing');
    const recorder = cmd.annotate === undefined ? null : new AnnotationRecorder();
    const controller = new AbortController();
    const onSignal = (): void => controller.abort();
    process.once('SIGINT', onSignal);
    try {
      return await analyseVideo({
        path: cmd.video,
        engines,
        gallery,
        options: {
          ...DEFAULT_ANALYSIS,
          fps: cmd.fps,
          skip: { method: cmd.skip, ...(cmd.skipThreshold !== undefined && { threshold: cmd.skipThreshold }) },
          matchThreshold: cmd.threshold ?? DEFAULT_ANALYSIS.matchThreshold,
        },
        onProgress: (p) => bar.update(p),
        ...(recorder !== null && { onBox: recorder.observer }),
        signal: controller.signal,
      }).then(async (res) => {
        bar.done();
        if (recorder !== null && cmd.annotate !== undefined) await annotateVideo(cmd.video, cmd.annotate, recorder, res);
        return res;
      });
    } finally {
      process.off('SIGINT', onSignal);
      bar.done();
    }
  });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (cmd.json === undefined) process.stdout.write(json);
  else await writeFile(cmd.json, json);
  if (!result.video.complete) process.stderr.write(`pmr: warning: video incomplete: ${result.video.error ?? 'decoding stopped early'}\n`);
}

async function runDetect(cmd: DetectCommand, env: CliEnv): Promise<void> {
  const result = await withEngines(env, cmd, async (engines) => {
    const gallery = cmd.gallery === undefined ? null : await loadGallery(cmd.gallery, engines);
    return detectImage(cmd.image, engines, gallery, cmd.threshold ?? DEFAULT_MATCH_THRESHOLD);
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
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
        await runAnalyze(cmd, env);
        return 0;
      case 'detect':
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
      process.stderr.write(`pmr: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    const message = err instanceof PmrError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`pmr: ${message.split('\n')[0]}\n`);
    if (debug && err instanceof Error && err.stack !== undefined) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
