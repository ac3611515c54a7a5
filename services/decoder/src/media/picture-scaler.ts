// Decoded pictures to packed RGB24 at a chosen size, by FFmpeg's scaler, into the caller's buffer. The picture's own
// colour description is honoured (a BT.709 video is converted with BT.709's matrix, as the ffmpeg tool does). A picture
// decoded on a device is scaled there and only the result comes back (hardware.ts).
import { Frame, SoftwareScaleContext } from 'node-av/lib';
import { AV_PIX_FMT_RGB24 } from 'node-av/constants';
import type { DeviceScaler, Hardware } from './hardware.ts';

/**
 * How the picture is resampled: `area` averages every source pixel under an output one (the thumbnails the
 * similar-frame measures compare), `bilinear` interpolates (full-size and analysis-size frames).
 */
export type Resampling = 'area' | 'bilinear';

/** Converters are kept per source format and size, output size and resampling: a few per video. */
const MAX_CONTEXTS = 8;

/** A scaler and the picture it writes (rows possibly padded), for one source format and size and one output size. */
interface Converter {
  readonly context: SoftwareScaleContext;
  readonly target: Frame;
}

/** Copy the packed rows of an RGB picture whose rows may be padded to `out`. */
function copyPacked(picture: Frame, rowBytes: number, rows: number, out: Uint8Array): void {
  const data = picture.data![0]!;
  const stride = picture.linesize[0]!;
  if (stride === rowBytes) {
    out.set(data.subarray(0, rowBytes * rows));
    return;
  }
  for (let y = 0; y < rows; y++) out.set(data.subarray(y * stride, y * stride + rowBytes), y * rowBytes);
}

export class PictureScaler {
  readonly #converters = new Map<string, Converter>();
  readonly #device: DeviceScaler | null;

  constructor(hardware: Hardware | null) {
    this.#device = hardware?.scaler() ?? null;
  }

  /** Write `frame` resized to `width`×`height` as packed RGB24 into `out` (width × height × 3 bytes). */
  async toRgb(frame: Frame, width: number, height: number, resampling: Resampling, out: Uint8Array): Promise<void> {
    if (out.length !== width * height * 3)
      throw new RangeError(`toRgb: output holds ${out.length} bytes, need ${width * height * 3}`);
    if (frame.isHwFrame()) {
      if (this.#device === null) throw new Error('a picture decoded on a device reached a scaler without one');
      out.set(await this.#device.toRgb(frame, width, height));
      return;
    }
    const { context, target } = this.#context(frame, width, height, resampling);
    const scaled = await context.scaleFrame(target, frame);
    if (scaled < 0)
      throw new Error(`scaling a ${frame.width}×${frame.height} picture to ${width}×${height} failed (${scaled})`);
    copyPacked(target, width * 3, height, out);
  }

  #context(frame: Frame, width: number, height: number, resampling: Resampling): Converter {
    const key = `${frame.format}:${frame.width}x${frame.height}>${width}x${height}:${resampling}`;
    let converter = this.#converters.get(key);
    if (converter === undefined) {
      if (this.#converters.size >= MAX_CONTEXTS) this.#release();
      // configured by the first scaleFrame from the pictures themselves, colour matrix and range included
      const context = new SoftwareScaleContext();
      context.allocContext();
      if (context.setOption('sws_flags', resampling) < 0)
        throw new Error(`the scaler takes no ${resampling} resampling`);
      const target = new Frame();
      target.alloc();
      target.width = width;
      target.height = height;
      target.format = AV_PIX_FMT_RGB24;
      if (target.getBuffer(0) < 0) throw new Error(`cannot allocate a ${width}×${height} picture`);
      converter = { context, target };
      this.#converters.set(key, converter);
    }
    return converter;
  }

  #release(): void {
    for (const { context, target } of this.#converters.values()) {
      context.freeContext();
      target.free();
    }
    this.#converters.clear();
  }

  close(): void {
    this.#release();
    this.#device?.close();
  }
}
