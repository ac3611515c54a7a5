// Writing a video: RGB frames, each at its own time, encoded by FFmpeg's libraries into a container file, with the
// audio of a source file copied alongside in step (`pmr analyze --annotate`). Memory stays at a frame or two: audio
// packets are copied as the video reaches their time.
import { rm } from 'node:fs/promises';
import { extname } from 'node:path';
import { failedPrecondition, invalidArgument, type RgbImage } from '@pmr/common';
import {
  Codec,
  CodecContext,
  Dictionary,
  FFmpegError,
  FormatContext,
  Frame,
  Packet,
  Rational,
  SoftwareScaleContext,
  type Stream,
} from 'node-av/lib';
import {
  AV_CODEC_FLAG_GLOBAL_HEADER,
  AV_PIX_FMT_RGB24,
  AV_PIX_FMT_YUV420P,
  AV_PKT_DATA_DISPLAYMATRIX,
  AVERROR_EAGAIN,
  AVERROR_EOF,
  AVFMT_GLOBALHEADER,
  AVMEDIA_TYPE_AUDIO,
  AV_NOPTS_VALUE,
  FF_ENCODER_LIBX264,
  FF_ENCODER_MPEG4,
  SWS_BILINEAR,
} from 'node-av/constants';
import { displayMatrix } from '../video-info.ts';
import { openContainer } from './open-media.ts';
import { readOnly, startOffsetTicks } from './stream-facts.ts';
import { routeLibavLog } from './libav-log.ts';

export interface VideoWriterOptions {
  /** Size of the frames given to `write` (the encoded size is rounded down to even numbers, as 4:2:0 needs). */
  readonly width: number;
  readonly height: number;
  /** Nominal frames per second, for the encoder's rate control (the frames' times come with them). */
  readonly fps: number;
  /** `h264` (libx264, the default) or `mpeg4` (FFmpeg's own, for quick test clips). */
  readonly codec?: 'h264' | 'mpeg4';
  /** Copy the first audio stream of this file, on the same clock as the frames' times (a player's, from 0). */
  readonly audioFrom?: string;
  /** Clockwise degrees a player should turn the picture: written as the stream's display matrix. */
  readonly rotation?: 0 | 90 | 180 | 270;
  /** Seconds per timestamp tick of the video stream (default 1/90000 for h264, 1/1000 for mpeg4). */
  readonly timeBase?: { readonly num: number; readonly den: number };
}

/** The encoders, their settings and default time bases (MPEG-4 part 2 takes none finer than 1/65535 s). */
const ENCODERS = {
  h264: { name: FF_ENCODER_LIBX264, options: { preset: 'veryfast', crf: '23' }, timeBase: { num: 1, den: 90_000 } },
  mpeg4: { name: FF_ENCODER_MPEG4, options: { qscale: '2' }, timeBase: { num: 1, den: 1000 } },
} as const;

function check(code: number, what: string): void {
  if (code < 0) throw new Error(`${what}: ${new FFmpegError(code).message}`);
}

/** The audio of a source file, read packet by packet for copying. */
class AudioSource {
  readonly stream: Stream;
  readonly #format: FormatContext;
  readonly #packet = new Packet();
  readonly #offsetTicks: bigint;
  #done = false;

  private constructor(format: FormatContext, stream: Stream) {
    this.#format = format;
    this.stream = stream;
    this.#packet.alloc();
    this.#offsetTicks = startOffsetTicks(format, stream);
    readOnly(format, stream);
  }

  /** The first audio stream of `path`, or null when it has none. */
  static async open(path: string): Promise<AudioSource | null> {
    const format = await openContainer(path, 'cannot read its audio');
    await format.findStreamInfo(null);
    const stream = format.streams.find((s) => s.codecpar.codecType === AVMEDIA_TYPE_AUDIO);
    if (stream === undefined) {
      await format.closeInput();
      return null;
    }
    return new AudioSource(format, stream);
  }

  /**
   * Hand `write` each audio packet that starts before `until` seconds (on the source's player clock), shifted onto
   * that clock; the first packet at or after it stays for the next call.
   */
  async copyUntil(until: number, write: (packet: Packet) => Promise<void>): Promise<void> {
    const { num, den } = this.stream.timeBase;
    while (!this.#done) {
      if (this.#packet.size === 0) {
        const read = await this.#format.readFrame(this.#packet);
        if (read < 0) {
          this.#done = true;
          return;
        }
        if (this.#packet.streamIndex !== this.stream.index) {
          this.#packet.unref();
          continue;
        }
        if (this.#packet.pts !== AV_NOPTS_VALUE) this.#packet.pts -= this.#offsetTicks;
        if (this.#packet.dts !== AV_NOPTS_VALUE) this.#packet.dts -= this.#offsetTicks;
      }
      const at = this.#packet.pts === AV_NOPTS_VALUE ? 0 : (Number(this.#packet.pts) * num) / den;
      if (at >= until) return;
      await write(this.#packet);
      this.#packet.unref();
    }
  }

  async close(): Promise<void> {
    this.#packet.free();
    await this.#format.closeInput();
  }
}

/** The audio copied into the file: where it comes from, and its stream in the file. */
interface CopiedAudio {
  readonly source: AudioSource;
  readonly stream: Stream;
}

export class VideoWriter {
  readonly #path: string;
  readonly #format: FormatContext;
  readonly #encoder: CodecContext;
  readonly #video: Stream;
  readonly #audio: CopiedAudio | null;
  readonly #scaler = new SoftwareScaleContext();
  readonly #frame = new Frame();
  readonly #packet = new Packet();
  readonly #size: { readonly width: number; readonly height: number };
  readonly #secondsPerTick: number;
  /** One nominal frame period, in ticks. */
  readonly #period: bigint;
  #lastTick = -1n;
  #lastTime = 0;

  private constructor(
    path: string,
    format: FormatContext,
    encoder: CodecContext,
    video: Stream,
    audio: CopiedAudio | null,
    size: { width: number; height: number },
  ) {
    this.#path = path;
    this.#format = format;
    this.#encoder = encoder;
    this.#video = video;
    this.#audio = audio;
    this.#size = size;
    this.#secondsPerTick = encoder.timeBase.num / encoder.timeBase.den;
    this.#period = BigInt(
      Math.max(1, Math.round(encoder.framerate.den / encoder.framerate.num / this.#secondsPerTick)),
    );
    this.#frame.alloc();
    this.#packet.alloc();
    const out = { width: encoder.width, height: encoder.height };
    this.#scaler.getContext(
      size.width,
      size.height,
      AV_PIX_FMT_RGB24,
      out.width,
      out.height,
      AV_PIX_FMT_YUV420P,
      SWS_BILINEAR,
    );
    this.#frame.width = out.width;
    this.#frame.height = out.height;
    this.#frame.format = AV_PIX_FMT_YUV420P;
    check(this.#frame.getBuffer(0), 'allocating a frame');
  }

  /** Create `path` (its container from the extension: .mp4, .mkv, .avi, …) and get ready to write frames. */
  static async create(path: string, options: VideoWriterOptions): Promise<VideoWriter> {
    const { width, height, fps } = options;
    if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 2 && height >= 2))
      throw invalidArgument(`video size must be at least 2×2, got ${width}×${height}`);
    if (!(fps > 0)) throw invalidArgument(`fps must be positive, got ${fps}`);
    routeLibavLog();
    const audio = options.audioFrom === undefined ? null : await AudioSource.open(options.audioFrom);
    const format = new FormatContext();
    let encoder: CodecContext | null = null;
    let created = false;
    const cleanup = async (): Promise<void> => {
      encoder?.freeContext();
      if (created) {
        await format.closeOutput();
        await rm(path, { force: true });
      }
      format.freeContext();
      await audio?.close();
    };
    try {
      let known: boolean;
      try {
        known = format.allocOutputContext2(null, null, path) >= 0;
      } catch {
        known = false; // node-av throws for a container it does not know
      }
      if (!known) throw invalidArgument(`${path}: cannot write ${extname(path) || 'extension-less'} files`);
      const spec = ENCODERS[options.codec ?? 'h264'];
      const codec = Codec.findEncoderByName(spec.name);
      if (codec === null) throw failedPrecondition(`the ${spec.name} encoder is missing from this FFmpeg build`);
      encoder = new CodecContext();
      encoder.allocContext3(codec);
      encoder.width = width - (width % 2);
      encoder.height = height - (height % 2);
      encoder.pixelFormat = AV_PIX_FMT_YUV420P;
      const tb = options.timeBase ?? spec.timeBase;
      encoder.timeBase = new Rational(tb.num, tb.den);
      encoder.framerate = new Rational(Math.round(fps * 1000), 1000);
      if ((format.oformat!.flags & AVFMT_GLOBALHEADER) !== 0) encoder.setFlags(AV_CODEC_FLAG_GLOBAL_HEADER);
      const settings = Dictionary.fromObject({ ...spec.options });
      check(await encoder.open2(codec, settings), `opening the ${spec.name} encoder`);
      settings.free();
      const video = format.newStream(null);
      check(video.codecpar.fromContext(encoder), 'video stream parameters');
      video.timeBase = encoder.timeBase;
      video.avgFrameRate = encoder.framerate; // the nominal rate, which containers such as Matroska record
      if (options.rotation !== undefined && options.rotation !== 0)
        video.codecpar.addCodedSideData(AV_PKT_DATA_DISPLAYMATRIX, Buffer.from(displayMatrix(options.rotation).buffer));
      let copied: CopiedAudio | null = null;
      if (audio !== null) {
        const stream = format.newStream(null);
        check(audio.stream.codecpar.copy(stream.codecpar), 'audio stream parameters');
        stream.codecpar.codecTag = 0;
        stream.timeBase = audio.stream.timeBase;
        copied = { source: audio, stream };
      }
      check(await format.openOutput(), `cannot create ${path}`);
      created = true;
      check(await format.writeHeader(null), `writing the header of ${path}`);
      return new VideoWriter(path, format, encoder, video, copied, { width, height });
    } catch (err) {
      await cleanup();
      throw err;
    }
  }

  /** Encode `image` (the size given at creation) shown from `time` seconds; times must increase. */
  async write(image: RgbImage, time: number): Promise<void> {
    if (image.width !== this.#size.width || image.height !== this.#size.height)
      throw invalidArgument(
        `frame is ${image.width}×${image.height}, the video ${this.#size.width}×${this.#size.height}`,
      );
    const tick = BigInt(Math.round(time / this.#secondsPerTick));
    if (tick <= this.#lastTick) throw invalidArgument(`frame times must increase: ${time} s after ${this.#lastTime} s`);
    this.#lastTick = tick;
    this.#lastTime = time;
    check(this.#frame.makeWritable(), 'making the frame writable');
    await this.#scaler.scale(
      [image.data as Buffer],
      [image.width * 3],
      0,
      image.height,
      this.#frame.data!,
      this.#frame.linesize,
    );
    this.#frame.pts = tick;
    await this.#encode(this.#frame);
    await this.#copyAudio(time);
  }

  /** Flush the encoder, copy the audio up to `end` seconds (default: the last frame's time) and close the file. */
  async finish(end = this.#lastTime): Promise<void> {
    try {
      await this.#encode(null);
      await this.#copyAudio(end);
      check(await this.#format.writeTrailer(), `finishing ${this.#path}`);
    } finally {
      await this.#close();
    }
  }

  /** Close without finishing and remove the partial file. */
  async discard(): Promise<void> {
    await this.#close();
    await rm(this.#path, { force: true });
  }

  async #encode(frame: Frame | null): Promise<void> {
    let sent = await this.#encoder.sendFrame(frame);
    if (sent < 0 && sent !== AVERROR_EAGAIN) check(sent, 'encoding');
    for (;;) {
      const got = await this.#encoder.receivePacket(this.#packet);
      if (got === AVERROR_EAGAIN || got === AVERROR_EOF) {
        if (sent !== AVERROR_EAGAIN) return;
        sent = await this.#encoder.sendFrame(frame); // the encoder was full: its packets are out, the frame goes in now
        continue;
      }
      check(got, 'encoding');
      // a nominal length: the container takes the last frame's from it (the others end where the next one starts)
      if (this.#packet.duration <= 0n) this.#packet.duration = this.#period;
      this.#packet.rescaleTs(this.#encoder.timeBase, this.#video.timeBase);
      this.#packet.streamIndex = this.#video.index;
      check(await this.#format.interleavedWriteFrame(this.#packet), `writing ${this.#path}`);
    }
  }

  async #copyAudio(until: number): Promise<void> {
    const audio = this.#audio;
    if (audio === null) return;
    await audio.source.copyUntil(until, async (packet) => {
      packet.rescaleTs(audio.source.stream.timeBase, audio.stream.timeBase);
      packet.streamIndex = audio.stream.index;
      packet.pos = -1n;
      check(await this.#format.interleavedWriteFrame(packet), `writing ${this.#path}`);
    });
  }

  async #close(): Promise<void> {
    this.#frame.free();
    this.#packet.free();
    this.#scaler.freeContext();
    this.#encoder.freeContext();
    await this.#format.closeOutput();
    this.#format.freeContext();
    await this.#audio?.source.close();
  }
}
