// Making test media with FFmpeg's libraries (no ffmpeg tool needed): stream copies with a changed container, rotation,
// length or loop count; clips encoded from generated or decoded frames; single frames. For tests and benchmarks only.
import type { RgbImage } from '@pmr/common';
import { Dictionary, FFmpegError, FormatContext, Packet, type Stream } from 'node-av/lib';
import {
  AVMEDIA_TYPE_AUDIO,
  AVMEDIA_TYPE_VIDEO,
  AVSEEK_FLAG_BACKWARD,
  AV_NOPTS_VALUE,
  AV_PKT_DATA_DISPLAYMATRIX,
} from 'node-av/constants';
import { decodeVideo } from '../decode.ts';
import { openContainer } from '../media/open-media.ts';
import { VideoWriter, type VideoWriterOptions } from '../media/video-writer.ts';
import { displayMatrix } from '../video-info.ts';

function check(code: number, what: string): void {
  if (code < 0) throw new Error(`${what}: ${new FFmpegError(code).message}`);
}

export interface RemuxOptions {
  /** Keep the video stream only (default: the video stream and the first audio stream). */
  readonly videoOnly?: boolean;
  /** Write the index first (MP4): a prefix of the file is then a playable file. */
  readonly faststart?: boolean;
  /** Mark the video to be shown turned clockwise by this much (a display matrix, as phones write). */
  readonly rotation?: 0 | 90 | 180 | 270;
  /** Copy only the first this many video packets (and the other streams up to them). */
  readonly maxVideoPackets?: number;
  /** Play the input this many times over, each copy after the last (default 1). */
  readonly repeat?: number;
}

/** Copy `input`'s packets into `output` (its container from the extension), unchanged apart from what `options` say. */
export async function remuxVideo(input: string, output: string, options: RemuxOptions = {}): Promise<void> {
  const source = await openContainer(input);
  const target = new FormatContext();
  try {
    check(await source.findStreamInfo(null), `reading ${input}`);
    const video = source.streams.find((s) => s.codecpar.codecType === AVMEDIA_TYPE_VIDEO);
    if (video === undefined) throw new Error(`${input} has no video stream`);
    const audio =
      options.videoOnly === true ? undefined : source.streams.find((s) => s.codecpar.codecType === AVMEDIA_TYPE_AUDIO);
    check(target.allocOutputContext2(null, null, output), `cannot write ${output}`);
    const copies = new Map<
      number,
      { readonly out: Stream; readonly from: Stream; start: bigint | null; end: bigint; offset: bigint }
    >();
    for (const from of audio === undefined ? [video] : [video, audio]) {
      const out = target.newStream(null);
      check(from.codecpar.copy(out.codecpar), 'copying stream parameters');
      out.codecpar.codecTag = 0;
      out.timeBase = from.timeBase;
      if (from === video && options.rotation !== undefined)
        out.codecpar.addCodedSideData(AV_PKT_DATA_DISPLAYMATRIX, Buffer.from(displayMatrix(options.rotation).buffer));
      copies.set(from.index, { out, from, start: null, end: 0n, offset: 0n });
    }
    check(await target.openOutput(), `cannot create ${output}`);
    const header = options.faststart === true ? Dictionary.fromObject({ movflags: '+faststart' }) : null;
    check(await target.writeHeader(header), `writing ${output}`);
    header?.free();
    const packet = new Packet();
    packet.alloc();
    let videoPackets = 0;
    const limit = options.maxVideoPackets ?? Infinity;
    for (let round = 0; round < (options.repeat ?? 1) && videoPackets < limit; round++) {
      if (round > 0) {
        check(await source.seekFrame(-1, 0n, AVSEEK_FLAG_BACKWARD), `rewinding ${input}`);
        for (const copy of copies.values()) copy.offset = copy.end - (copy.start ?? 0n); // each copy starts where the last ended
      }
      while ((await source.readFrame(packet)) >= 0) {
        const copy = copies.get(packet.streamIndex);
        if (copy === undefined || (copy.from === video && videoPackets >= limit)) {
          packet.unref();
          continue;
        }
        if (copy.from === video) videoPackets++;
        const at = packet.pts === AV_NOPTS_VALUE ? packet.dts : packet.pts;
        if (round === 0 && at !== AV_NOPTS_VALUE && (copy.start === null || at < copy.start)) copy.start = at;
        for (const field of ['pts', 'dts'] as const) if (packet[field] !== AV_NOPTS_VALUE) packet[field] += copy.offset;
        const last = (packet.pts === AV_NOPTS_VALUE ? packet.dts : packet.pts) + packet.duration;
        if (last > copy.end) copy.end = last;
        packet.rescaleTs(copy.from.timeBase, copy.out.timeBase);
        packet.streamIndex = copy.out.index;
        packet.pos = -1n;
        check(await target.interleavedWriteFrame(packet), `writing ${output}`);
      }
    }
    packet.free();
    check(await target.writeTrailer(), `finishing ${output}`);
  } finally {
    await target.closeOutput();
    target.freeContext();
    await source.closeInput();
  }
}

/** A frame of a clip to write: the picture and when it is shown (seconds). */
export interface TimedImage {
  readonly image: RgbImage;
  readonly time: number;
}

/** Encode `frames` (all of one size, times increasing) into `path`. */
export async function writeClip(
  path: string,
  frames: Iterable<TimedImage> | AsyncIterable<TimedImage>,
  options: Omit<VideoWriterOptions, 'width' | 'height'>,
): Promise<void> {
  let writer: VideoWriter | null = null;
  try {
    for await (const { image, time } of frames) {
      writer ??= await VideoWriter.create(path, { ...options, width: image.width, height: image.height });
      await writer.write(image, time);
    }
    if (writer === null) throw new Error(`no frames to write to ${path}`);
    await writer.finish();
  } catch (err) {
    await writer?.discard();
    throw err;
  }
}

/** The frames of several videos one after another (each shifted to start where the one before ended), for writeClip. */
export async function* framesOf(videos: readonly string[]): AsyncGenerator<TimedImage> {
  let offset = 0;
  for (const video of videos) {
    const decoding = await decodeVideo(video, { skip: { method: 'none' } });
    let first: number | null = null;
    let end = offset;
    for await (const frame of decoding.frames) {
      first ??= frame.pts;
      const time = offset + frame.pts - first;
      end = time + frame.lastDuration;
      yield { image: frame.image, time };
    }
    offset = end;
  }
}

/** The first source frame of `video` shown at or after `time` seconds (as `ffmpeg -ss` picks it), upright RGB. */
export async function frameAt(video: string, time: number): Promise<RgbImage> {
  const decoding = await decodeVideo(video, { skip: { method: 'none' } });
  let last: RgbImage | null = null;
  for await (const frame of decoding.frames) {
    last = frame.image;
    if (frame.pts >= time - 1e-6) return frame.image;
  }
  if (last === null) throw new Error(`${video} has no frame`);
  return last;
}

/** Source frame `index` (from 0) of `video`, upright RGB. */
export async function frameNumber(video: string, index: number): Promise<RgbImage> {
  const decoding = await decodeVideo(video, { skip: { method: 'none' } });
  for await (const frame of decoding.frames) if (frame.sourceFirst === index) return frame.image;
  throw new Error(`${video} has no frame ${index}`);
}
