// decodeVideo: stream RGB24 frames out of ffmpeg, thinned by similar-frame skipping, in constant memory.
import { resolve } from 'node:path';
import { failedPrecondition, invalidArgument, type Frame, type RgbImage } from '@pmr/common';
import { resolveDecodeOptions, type DecodeOptions, type DecodeSettings } from './decode-options.ts';
import { decodeArgs } from './ffmpeg-args.ts';
import { startFfmpeg, type FfmpegProcess } from './ffmpeg-process.ts';
import { FrameSkipper, type KeptRange } from './frame-skipper.ts';
import { frameSignature, signatureDistance, type FrameSignature } from './frame-signature.ts';
import { probeVideo } from './probe.ts';
import { SceneCutDetector } from './scene-cut.ts';
import { readRawFrames } from './raw-frames.ts';
import { resamples } from './sampling.ts';
import type { SourceClock } from './source-clock.ts';
import { SourceFrames } from './source-frames.ts';
import { ffmpegBinary, firstErrorLine } from './tools.ts';
import { frameBytes, type VideoInfo } from './video-info.ts';

export interface DecodeOutcome {
  /** True when the whole video was decoded: ffmpeg exited 0, printed no error and gave every expected frame. */
  readonly complete: boolean;
  /** Source frames covered by the emitted frames (last covered index + 1). */
  readonly sourceFrames: number;
  /** Frames read from ffmpeg (equals sourceFrames without `fps`; fewer with it). */
  readonly decodedFrames: number;
  readonly emittedFrames: number;
  /** Why the decode is not complete, as one line (decode errors, missing frames, exit status). */
  readonly error?: string;
  /** Set when decoding was stopped on purpose before the end. */
  readonly stopped?: 'max-frames' | 'consumer' | 'aborted';
}

/**
 * A decode in progress. `frames` may be iterated once; ffmpeg starts on the first `next()` and is killed (and
 * reaped) when the iteration ends for any reason. `outcome` never rejects and settles when that iteration has
 * ended (finished, broken off, aborted or failed) — it stays pending if `frames` is never iterated.
 */
export interface DecodedVideo {
  readonly info: VideoInfo;
  readonly frames: AsyncIterable<Frame>;
  readonly outcome: Promise<DecodeOutcome>;
  /**
   * Hand back a frame once nothing reads its pixels any more: the decoder fills the same buffer with a later frame
   * instead of allocating one (at most RECYCLED_FRAMES are kept). Optional; a frame handed back must not be used.
   */
  recycle(frame: Frame): void;
}

/** Frame buffers kept for reuse by `recycle`. */
export const RECYCLED_FRAMES = 4;

/** How long an ffmpeg started beside the probe waits for `frames` to be iterated before it is killed. */
export const UNCLAIMED_DECODER_MS = 30_000;

interface Held {
  readonly image: RgbImage;
  /** A hard cut separates this frame from the decoded frame before it. */
  readonly cut: boolean;
  /** Seconds: when the picture is shown (ffmpeg's timestamp for it). */
  readonly pts: number;
}

/**
 * Probe `path` and prepare to stream its frames (display orientation, RGB24) with similar-frame skipping. Without
 * `fps` resampling, ffmpeg's arguments do not depend on the probe, so ffmpeg starts at once beside ffprobe (each takes
 * 0.15–0.25 s to start on the 2-core build machine) and is handed to the first iteration; not iterated within
 * UNCLAIMED_DECODER_MS, it is killed. With `fps`, ffmpeg starts on the first `next()`.
 * Probe failures and invalid options throw INVALID_ARGUMENT here; a video with no decodable frame makes the
 * iteration throw INVALID_ARGUMENT; a video that breaks after some frames ends the iteration normally with
 * `outcome.complete === false` and the reason in `outcome.error`.
 */
export async function decodeVideo(path: string, options: DecodeOptions = {}): Promise<DecodedVideo> {
  const input = `file:${resolve(path)}`;
  const ffmpeg = ffmpegBinary(options);
  let early: FfmpegProcess | undefined = options.fps === undefined && !aborted(options.signal) ? startFfmpeg(ffmpeg, decodeArgs(input)) : undefined;
  const dropEarly = (): void => {
    early?.discard();
    early = undefined;
  };
  let info: VideoInfo;
  let settings: DecodeSettings;
  try {
    info = await probeVideo(path, options);
    settings = resolveDecodeOptions(options, info.fps);
  } catch (err) {
    const exited = early?.exited;
    dropEarly();
    await exited; // reaped before the error is seen: no ffmpeg outlives a failed decodeVideo
    throw err;
  }
  const unclaimed = early === undefined ? undefined : setTimeout(dropEarly, UNCLAIMED_DECODER_MS).unref();
  const claim = (): FfmpegProcess | undefined => {
    clearTimeout(unclaimed);
    const run = early;
    early = undefined;
    return run;
  };
  let settle: (outcome: DecodeOutcome) => void = () => undefined;
  const outcome = new Promise<DecodeOutcome>((done) => (settle = done));
  const free: Uint8Array[] = [];
  const frameSize = frameBytes(info);
  const recycle = (frame: Frame): void => {
    const { data } = frame.image;
    if (data.length === frameSize && free.length < RECYCLED_FRAMES && !free.includes(data)) free.push(data);
  };
  let iterated = false;
  const frames: AsyncIterable<Frame> = {
    [Symbol.asyncIterator]: () => {
      if (iterated) throw failedPrecondition(`${path}: frames can be iterated only once`);
      iterated = true;
      return streamFrames(info, input, ffmpeg, claim, settings, settle, free);
    },
  };
  return { info, frames, outcome, recycle };
}

function aborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** The signal's reason when it is an Error, else a standard AbortError. */
function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('This operation was aborted', 'AbortError');
}

function toFrame(range: KeptRange<Held>, index: number, clock: SourceClock): Frame {
  const { image, pts, cut } = range.item;
  const ptsLast = clock.at(range.last);
  // the next source frame has been read by the time a range closes; after the video's last one the clock counts a period
  return { index, pts, sourceFirst: range.first, sourceLast: range.last, ptsLast, lastDuration: clock.at(range.last + 1) - ptsLast, sceneCut: cut, image };
}

async function* streamFrames(
  info: VideoInfo,
  input: string,
  ffmpeg: string,
  claimStarted: () => FfmpegProcess | undefined,
  s: DecodeSettings,
  settle: (outcome: DecodeOutcome) => void,
  free: Uint8Array[],
): AsyncGenerator<Frame, void, undefined> {
  const sampleFps = resamples(s.fps, info.fps) ? s.fps : undefined;
  let decoded = 0;
  let emitted = 0;
  let covered = 0;
  let complete = false;
  let error: string | undefined;
  let stopped: DecodeOutcome['stopped'];
  let finished = false;
  const report = (): DecodeOutcome => ({
    complete,
    sourceFrames: covered,
    decodedFrames: decoded,
    emittedFrames: emitted,
    ...(error === undefined ? {} : { error }),
    ...(stopped === undefined ? {} : { stopped }),
  });
  const started = claimStarted();
  if (aborted(s.signal)) {
    started?.discard();
    stopped = 'aborted';
    settle(report());
    throw abortError(s.signal);
  }

  const run = started ?? startFfmpeg(ffmpeg, decodeArgs(input, sampleFps));
  const { exited } = run;
  const onAbort = (): void => run.kill();
  s.signal?.addEventListener('abort', onAbort, { once: true });

  const frameSize = frameBytes(info);
  let spare: Uint8Array | null = null;
  const allocate = (): Uint8Array => {
    const buffer = spare ?? free.pop() ?? new Uint8Array(frameSize);
    spare = null;
    return buffer;
  };
  const skipper = new FrameSkipper<FrameSignature, Held>({ threshold: s.threshold, maxGap: s.maxGap, distance: signatureDistance });
  const cuts = new SceneCutDetector(s.cutThreshold);
  const source = new SourceFrames((filter, n) => run.frameTime(filter, n), sampleFps !== undefined, info.fps, info.startTime);
  const { clock } = source;
  try {
    for await (const data of readRawFrames(run.output, frameSize, allocate)) {
      const shown = await source.shown(decoded);
      if (aborted(s.signal)) break;
      decoded++;
      const image: RgbImage = { width: info.width, height: info.height, data };
      const signature = frameSignature(s.method, image);
      const cut = cuts.push(signature.kind === 'histogram' ? signature.histogram : SceneCutDetector.histogramOf(image));
      const pushed = skipper.push(shown, signature, { image, pts: clock.at(shown), cut }, cut);
      if (!pushed.kept) spare = data;
      if (pushed.closed !== null) {
        covered = pushed.closed.last + 1;
        yield toFrame(pushed.closed, emitted++, clock);
        if (emitted >= s.maxFrames) {
          stopped = 'max-frames';
          return;
        }
      }
    }
    if (aborted(s.signal)) {
      stopped = 'aborted';
      throw abortError(s.signal);
    }
    const exit = await exited;
    if (exit.spawnError !== undefined) throw failedPrecondition(`cannot run ${ffmpeg}: ${exit.spawnError.message}`, exit.spawnError);
    const problems: string[] = [];
    const ffmpegSaid = firstErrorLine(run.errors(), input);
    if (ffmpegSaid !== '') problems.push(`ffmpeg: ${ffmpegSaid}`);
    if (exit.code !== 0) problems.push(`ffmpeg exited with ${exit.code === null ? `signal ${String(exit.signal)}` : `code ${exit.code}`}`);
    const sourceFrames = await source.count();
    if (info.frameCountExact && sourceFrames < info.frameCount) problems.push(`got ${sourceFrames} of ${info.frameCount} frames`);
    if (decoded === 0) throw invalidArgument(`${info.path}: no decodable frame (${problems.join('; ') || 'ffmpeg gave no output'})`);
    complete = problems.length === 0;
    if (!complete) error = problems.join('; ');
    const last = skipper.finish(sourceFrames - 1); // the last analysed frame stands for every source frame after it
    finished = true;
    if (last !== null) {
      covered = last.last + 1;
      yield toFrame(last, emitted++, clock);
    }
  } catch (err) {
    if (stopped === undefined) {
      error = err instanceof Error ? err.message : String(err);
      complete = false;
    }
    throw err;
  } finally {
    s.signal?.removeEventListener('abort', onAbort);
    run.kill();
    await exited;
    if (!finished && stopped === undefined && error === undefined) stopped = aborted(s.signal) ? 'aborted' : 'consumer';
    if (stopped !== undefined) complete = false;
    settle(report());
  }
}
