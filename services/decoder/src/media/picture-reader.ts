// Decoded pictures of an opened video, one at a time, in presentation order, with their timestamps: FFmpeg's demuxer
// and decoder driven in process (each call runs on libuv's thread pool, so JavaScript goes on meanwhile). A damaged
// packet does not stop the reading (as the ffmpeg tool, it is noted and decoding goes on with the next one); a read
// error ends it early, and both are told in `problems`.
import { Codec, CodecContext, Dictionary, FFmpegError, Frame, Packet } from 'node-av/lib';
import { AVERROR_EAGAIN, AVERROR_EOF, AV_NOPTS_VALUE } from 'node-av/constants';
import { invalidArgument } from '@pmr/common';
import type { Hardware } from './hardware.ts';
import type { MediaInput } from './open-media.ts';
import { readOnly, startOffsetTicks } from './stream-facts.ts';

/** A decoded picture, valid until the next `read()`. */
export interface DecodedPicture {
  readonly frame: Frame;
  /** Seconds on a player's clock (the container's start is 0); null when the picture has no timestamp. */
  readonly time: number | null;
}

export interface PictureReaderOptions {
  /** Decode on this device (frames stay there until scaled); null decodes in software. */
  readonly hardware: Hardware | null;
  /** Decoder threads; default FFmpeg's "auto" (one per core, plus one). */
  readonly threads?: number;
}

/** Most distinct problems kept for the report. */
const MAX_PROBLEMS = 4;

export class PictureReader {
  readonly #input: MediaInput;
  readonly #codec: CodecContext;
  readonly #packet = new Packet();
  readonly #frame = new Frame();
  readonly #problems: string[] = [];
  /** Ticks of the video stream's time base by which timestamps are shifted so that the container starts at 0. */
  readonly #offsetTicks: bigint;
  readonly #secondsPerTick: number;
  #draining = false;
  /** A packet the decoder has not taken yet. */
  #holding = false;
  #ended = false;
  #flushed = false;

  private constructor(input: MediaInput, codec: CodecContext) {
    this.#input = input;
    this.#codec = codec;
    this.#packet.alloc();
    this.#frame.alloc();
    const { num, den } = input.video.timeBase;
    this.#secondsPerTick = num / den;
    this.#offsetTicks = startOffsetTicks(input.format, input.video);
  }

  /** Open the decoder for the input's video stream (in software when `hardware` cannot decode its codec). */
  static async open(input: MediaInput, options: PictureReaderOptions): Promise<PictureReader> {
    const { codecpar } = input.video;
    const codec = Codec.findDecoder(codecpar.codecId);
    if (codec === null) throw invalidArgument(`${input.info.path}: no decoder for its ${input.info.codec} video`);
    const context = new CodecContext();
    context.allocContext3(codec);
    context.parametersToContext(codecpar);
    context.pktTimebase = input.video.timeBase;
    const hardware = options.hardware !== null && decodesOn(codec, options.hardware) ? options.hardware : null;
    if (hardware !== null) {
      context.hwDeviceCtx = hardware.deviceContext;
      context.setHardwarePixelFormat(hardware.pixelFormat);
    }
    readOnly(input.format, input.video);
    const settings = Dictionary.fromObject({
      threads: options.threads === undefined ? 'auto' : String(options.threads),
    });
    const opened = await context.open2(codec, settings);
    settings.free();
    if (opened < 0) {
      context.freeContext();
      throw invalidArgument(
        `${input.info.path}: cannot decode its ${input.info.codec} video (${new FFmpegError(opened).message})`,
      );
    }
    return new PictureReader(input, context);
  }

  /** Whether the decoder opened on a device. */
  get onDevice(): boolean {
    return this.#codec.hwDeviceCtx !== null;
  }

  /** What went wrong so far, one phrase each (damaged packets, a read error), at most MAX_PROBLEMS distinct ones. */
  get problems(): readonly string[] {
    return this.#problems;
  }

  /** The next picture, or null after the last. The previous picture is released. */
  async read(): Promise<DecodedPicture | null> {
    this.#frame.unref();
    for (;;) {
      if (this.#draining) {
        const got = await this.#codec.receiveFrame(this.#frame);
        if (got >= 0) return { frame: this.#frame, time: this.#timeOf(this.#frame) };
        this.#draining = false;
        if (got === AVERROR_EOF) return null;
        if (got !== AVERROR_EAGAIN) this.#note('decoding', got);
        if (this.#flushed) return null;
      }
      if (this.#ended) {
        await this.#codec.sendPacket(null);
        this.#flushed = true;
        this.#draining = true;
        continue;
      }
      await this.#feed();
    }
  }

  /** Send the next packet of the video stream to the decoder (or note the end of the file). */
  async #feed(): Promise<void> {
    if (!this.#holding) {
      const read = await this.#input.format.readFrame(this.#packet);
      if (read < 0) {
        if (read !== AVERROR_EOF) this.#note('reading', read);
        this.#ended = true;
        return;
      }
      if (this.#packet.streamIndex !== this.#input.video.index) {
        this.#packet.unref();
        return;
      }
      this.#holding = true;
    }
    const sent = await this.#codec.sendPacket(this.#packet);
    this.#draining = true;
    if (sent === AVERROR_EAGAIN) return; // pictures must be taken out first; the packet is sent again after that
    this.#holding = false;
    this.#packet.unref();
    if (sent < 0) this.#note('decoding', sent);
  }

  #timeOf(frame: Frame): number | null {
    const ts = frame.bestEffortTimestamp;
    return ts === AV_NOPTS_VALUE ? null : Number(ts - this.#offsetTicks) * this.#secondsPerTick;
  }

  #note(what: string, code: number): void {
    const problem = `${what}: ${new FFmpegError(code).message}`;
    if (this.#problems.length < MAX_PROBLEMS && !this.#problems.includes(problem)) this.#problems.push(problem);
  }

  /** Release the decoder (the input is the caller's to close). */
  close(): void {
    this.#frame.free();
    this.#packet.free();
    this.#codec.freeContext();
  }
}

/** Whether `codec` can decode on the device (it lists a configuration for the device's type). */
function decodesOn(codec: Codec, hardware: Hardware): boolean {
  for (let i = 0; ; i++) {
    const config = codec.getHwConfig(i);
    if (config === null) return false;
    if (config.deviceType === hardware.deviceType) return true;
  }
}
