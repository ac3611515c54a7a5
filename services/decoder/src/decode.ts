// decodeVideo: a video's frames as RGB24, thinned by `fps` and similar-frame skipping, in constant memory, decoded in
// process by FFmpeg's libraries.
import { failedPrecondition, invalidArgument, type Frame, type RgbImage } from '@pmr/common';
import { resolveDecodeOptions, type DecodeOptions, type DecodeSettings } from './decode-options.ts';
import { FrameSkipper, type KeptRange } from './frame-skipper.ts';
import { frameSignature, signatureDistance, SIGNATURE_SIDE, type FrameSignature } from './frame-signature.ts';
import { hardwareFor } from './media/hardware.ts';
import { openMedia, type MediaInput } from './media/open-media.ts';
import { PictureReader } from './media/picture-reader.ts';
import { PictureScaler, type Resampling } from './media/picture-scaler.ts';
import { rotateRgb, turnedSize } from './rotate.ts';
import { resamples, SlotSampler } from './sampling.ts';
import { SceneCutDetector } from './scene-cut.ts';
import { SourceClock } from './source-clock.ts';
import { thumbnailSize } from './thumbnail.ts';
import { frameBytes, type VideoInfo } from './video-info.ts';

export interface DecodeOutcome {
  /** True when the whole video was decoded: no damaged data, no read error, every expected frame. */
  readonly complete: boolean;
  /** Source frames covered by the emitted frames (last covered index + 1). */
  readonly sourceFrames: number;
  /** Frames decoded and looked at (every source frame without `fps`; the sampled ones with it). */
  readonly decodedFrames: number;
  readonly emittedFrames: number;
  /** Why the decode is not complete, as one line (damaged data, a read error, missing frames). */
  readonly error?: string;
  /** Set when decoding was stopped on purpose before the end. */
  readonly stopped?: 'max-frames' | 'consumer' | 'aborted';
}

/**
 * A decode in progress. `frames` may be iterated once; the file and decoder are released when that iteration ends for
 * any reason. `outcome` never rejects and settles when that iteration has ended (finished, broken off, aborted or
 * failed) — it stays pending if `frames` is never iterated.
 */
export interface DecodedVideo {
  readonly info: VideoInfo;
  /** Where the pictures are decoded, for one log line: "software", "cuda", or "software (…why not a device)". */
  readonly decoder: string;
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

/** How long an opened video waits for `frames` to be iterated before it is closed (iterating later fails). */
export const UNCLAIMED_DECODER_MS = 30_000;

interface Held {
  readonly image: RgbImage;
  /** A hard cut separates this frame from the decoded frame before it. */
  readonly cut: boolean;
  /** Seconds: when the picture is shown. */
  readonly pts: number;
}

/** The open file and decoder a decode reads from, released once. */
interface Source {
  readonly input: MediaInput;
  readonly reader: PictureReader;
  readonly scaler: PictureScaler;
  /** Whether it was released (an unclaimed decode is, after UNCLAIMED_DECODER_MS). */
  released(): boolean;
  release(): Promise<void>;
}

let openVideos = 0;

/** Videos this process holds open (decoded, being decoded or waiting to be): 0 once every decode has ended. */
export function openVideoCount(): number {
  return openVideos;
}

/** The decoder's one-line description when pictures are decoded in software: why, when a device was wanted. */
function softwareBecause(hwaccel: DecodeSettings['hwaccel'], device: string | undefined, codec: string): string {
  if (device !== undefined) return `software (${device} cannot decode ${codec})`;
  return hwaccel === 'auto' ? 'software (no CUDA or VAAPI device)' : 'software';
}

async function openSource(
  path: string,
  options: DecodeOptions,
): Promise<{ source: Source; settings: DecodeSettings; decoder: string }> {
  const input = await openMedia(path);
  try {
    const settings = resolveDecodeOptions(options, input.info.fps);
    const hardware = await hardwareFor(settings.hwaccel);
    const reader = await PictureReader.open(input, { hardware });
    const scaler = new PictureScaler(reader.onDevice ? hardware : null);
    let released: Promise<void> | undefined;
    openVideos++;
    const release = (): Promise<void> => {
      released ??= (async () => {
        scaler.close();
        reader.close();
        await input.close();
        openVideos--;
      })();
      return released;
    };
    const decoder = reader.onDevice
      ? hardware!.name
      : softwareBecause(settings.hwaccel, hardware?.name, input.info.codec);
    return { source: { input, reader, scaler, released: () => released !== undefined, release }, settings, decoder };
  } catch (err) {
    await input.close();
    throw err;
  }
}

/**
 * Open `path` and prepare to stream its frames (display orientation, RGB24) with similar-frame skipping.
 * Unreadable files and invalid options throw INVALID_ARGUMENT here, an unavailable `hwaccel` device
 * FAILED_PRECONDITION; a video with no decodable frame makes the iteration throw INVALID_ARGUMENT; a video that breaks
 * after some frames ends the iteration normally with `outcome.complete === false` and the reason in `outcome.error`.
 */
export async function decodeVideo(path: string, options: DecodeOptions = {}): Promise<DecodedVideo> {
  const { source, settings, decoder } = await openSource(path, options);
  const { info } = source.input;
  const unclaimed = setTimeout(() => void source.release(), UNCLAIMED_DECODER_MS).unref();
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
      clearTimeout(unclaimed);
      return streamFrames(source, settings, settle, free);
    },
  };
  return { info, decoder, frames, outcome, recycle };
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
  return {
    index,
    pts,
    sourceFirst: range.first,
    sourceLast: range.last,
    ptsLast,
    lastDuration: clock.at(range.last + 1) - ptsLast,
    sceneCut: cut,
    image,
  };
}

/** Writes pictures as upright RGB images of one size (turned by the video's rotation), through a scratch buffer when turned. */
class UprightImages {
  readonly #scaler: PictureScaler;
  readonly #rotation: 0 | 90 | 180 | 270;
  readonly #width: number;
  readonly #height: number;
  readonly #resampling: Resampling;
  #coded: Uint8Array | null = null;

  constructor(
    scaler: PictureScaler,
    rotation: 0 | 90 | 180 | 270,
    size: { width: number; height: number },
    resampling: Resampling,
  ) {
    this.#scaler = scaler;
    this.#rotation = rotation;
    this.#width = size.width;
    this.#height = size.height;
    this.#resampling = resampling;
  }

  async write(picture: Parameters<PictureScaler['toRgb']>[0], out: Uint8Array): Promise<RgbImage> {
    const coded = turnedSize(this.#width, this.#height, this.#rotation);
    if (this.#rotation === 0) {
      await this.#scaler.toRgb(picture, coded.width, coded.height, this.#resampling, out);
      return { width: this.#width, height: this.#height, data: out };
    }
    this.#coded ??= new Uint8Array(out.length);
    await this.#scaler.toRgb(picture, coded.width, coded.height, this.#resampling, this.#coded);
    return rotateRgb({ ...coded, data: this.#coded }, this.#rotation, out);
  }
}

async function* streamFrames(
  source: Source,
  s: DecodeSettings,
  settle: (outcome: DecodeOutcome) => void,
  free: Uint8Array[],
): AsyncGenerator<Frame, void, undefined> {
  const { info } = source.input;
  const sampler = resamples(s.fps, info.fps) ? new SlotSampler(s.fps) : null;
  let read = 0;
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

  const frameSize = frameBytes(info);
  const full = new UprightImages(source.scaler, info.rotation, info, 'bilinear');
  const thumbSize = thumbnailSize(info.width, info.height, SIGNATURE_SIDE);
  const thumbs = new UprightImages(source.scaler, info.rotation, thumbSize, 'area');
  const thumb = new Uint8Array(thumbSize.width * thumbSize.height * 3);
  const skipper = new FrameSkipper<FrameSignature, Held>({
    threshold: s.threshold,
    maxGap: s.maxGap,
    distance: signatureDistance,
  });
  const cuts = new SceneCutDetector(s.cutThreshold);
  const clock = new SourceClock(info.fps, info.startTime);
  try {
    if (source.released())
      throw failedPrecondition(
        `${info.path}: the video was closed, its frames not read within ${UNCLAIMED_DECODER_MS / 1000} s`,
      );
    for (;;) {
      if (aborted(s.signal)) break;
      const picture = await source.reader.read();
      if (picture === null || aborted(s.signal)) break;
      const index = read++;
      clock.record(index, picture.time);
      if (sampler !== null && !sampler.keeps(clock.at(index))) continue;
      decoded++;
      const small = await thumbs.write(picture.frame, thumb);
      const signature = frameSignature(s.method, small);
      const cut = cuts.push(signature.kind === 'histogram' ? signature.histogram : SceneCutDetector.histogramOf(small));
      if (!skipper.keeps(index, signature, cut)) {
        skipper.pass(index);
        continue;
      }
      const image = await full.write(picture.frame, free.pop() ?? new Uint8Array(frameSize));
      // kept, as keeps() said: forced, so that push does not measure the distance a second time
      const { closed } = skipper.push(index, signature, { image, pts: clock.at(index), cut }, true);
      if (closed !== null) {
        covered = closed.last + 1;
        yield toFrame(closed, emitted++, clock);
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
    const problems = [...source.reader.problems];
    if (info.frameCountExact && read < info.frameCount) problems.push(`got ${read} of ${info.frameCount} frames`);
    if (decoded === 0)
      throw invalidArgument(
        `${info.path}: no decodable frame (${problems.join('; ') || 'no picture in the video stream'})`,
      );
    complete = problems.length === 0;
    if (!complete) error = problems.join('; ');
    const last = skipper.finish(read - 1); // the last analysed frame stands for every source frame after it
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
    await source.release();
    if (!finished && stopped === undefined && error === undefined) stopped = aborted(s.signal) ? 'aborted' : 'consumer';
    if (stopped !== undefined) complete = false;
    settle(report());
  }
}
