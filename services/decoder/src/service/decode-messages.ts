// DecoderService requests to stage options, and stage results to pmr.v1 messages. Pure, except that a frame
// asked for as JPEG is encoded (sharp).
import { invalidArgument, type Frame } from '@pmr/common';
import { encodeJpeg } from '@pmr/common/image';
import type { DecodeOptions } from '../decode-options.ts';
import type { DecodeOutcome } from '../decode.ts';
import type { SkipMethod, SkipOptions } from '../frame-signature.ts';
import type { VideoInfo } from '../video-info.ts';
import type {
  DecodeOutcomeMessage,
  DecodeVideoRequest__Output,
  FrameMessage,
  VideoInfoMessage,
} from './common-bridge.ts';

/** How the frames of one DecodeVideo call travel. */
export type FrameEncoding = 'rgb24' | 'jpeg';

/** A DecodeVideo request as the stage's options (ranges are checked by the stage) and the frame encoding. */
export interface DecodePlan {
  readonly options: DecodeOptions;
  readonly encoding: FrameEncoding;
}

/** pmr.v1.SkipMethod names to the stage's methods (UNSPECIFIED: the default, histogram). */
export const SKIP_METHODS: Readonly<Record<string, SkipMethod>> = {
  SKIP_METHOD_UNSPECIFIED: 'histogram',
  SKIP_METHOD_NONE: 'none',
  SKIP_METHOD_HISTOGRAM: 'histogram',
  SKIP_METHOD_SSIM: 'ssim',
};

const ENCODINGS: Readonly<Record<string, FrameEncoding>> = {
  IMAGE_ENCODING_UNSPECIFIED: 'rgb24',
  IMAGE_ENCODING_RGB24: 'rgb24',
  IMAGE_ENCODING_JPEG: 'jpeg',
};

/** @throws PmrError INVALID_ARGUMENT for an unknown enum value (a number the proto does not name). */
export function decodePlan(request: DecodeVideoRequest__Output): DecodePlan {
  const method = SKIP_METHODS[String(request.skipMethod)];
  if (method === undefined)
    throw invalidArgument(`skip_method ${String(request.skipMethod)} is not a known SkipMethod`);
  const encoding = ENCODINGS[String(request.encoding)];
  if (encoding === undefined)
    throw invalidArgument(`encoding ${String(request.encoding)} is not a known ImageEncoding`);
  const skip: SkipOptions = {
    method,
    ...(request.skipThreshold === undefined ? {} : { threshold: request.skipThreshold }),
    ...(request.maxGap === undefined ? {} : { maxGap: request.maxGap }),
  };
  const options: DecodeOptions = {
    skip,
    ...(request.fps === undefined ? {} : { fps: request.fps }),
    ...(request.maxFrames === undefined ? {} : { maxFrames: request.maxFrames }),
    ...(request.cutThreshold === undefined ? {} : { cutThreshold: request.cutThreshold }),
  };
  return { options, encoding };
}

/** The stage's VideoInfo as a message; `source` is the source as the caller gave it (never the resolved path). */
export function videoInfoToMessage(info: VideoInfo, source: string): VideoInfoMessage {
  return {
    source,
    container: info.container,
    codec: info.codec,
    width: info.width,
    height: info.height,
    rotation: info.rotation,
    fps: info.fps,
    startTime: info.startTime,
    duration: info.duration,
    frameCount: info.frameCount,
    frameCountExact: info.frameCountExact,
    hasAudio: info.hasAudio,
  };
}

/** A decoded frame as a message with its pixels inline (RGB24 shares the frame's buffer; JPEG is encoded). */
export async function frameToMessage(
  frame: Frame,
  jobId: string,
  encoding: FrameEncoding,
  jpegQuality: number,
): Promise<FrameMessage> {
  const { width, height } = frame.image;
  const image =
    encoding === 'jpeg'
      ? { encoding: 'IMAGE_ENCODING_JPEG' as const, width, height, data: await encodeJpeg(frame.image, jpegQuality) }
      : { encoding: 'IMAGE_ENCODING_RGB24' as const, width, height, data: frame.image.data };
  return {
    jobId,
    index: frame.index,
    pts: frame.pts,
    sourceFirst: frame.sourceFirst,
    sourceLast: frame.sourceLast,
    ptsLast: frame.ptsLast,
    sceneCut: frame.sceneCut,
    image,
    frameDuration: frame.lastDuration,
  };
}

export function outcomeToMessage(outcome: DecodeOutcome): DecodeOutcomeMessage {
  return {
    complete: outcome.complete,
    sourceFrames: outcome.sourceFrames,
    decodedFrames: outcome.decodedFrames,
    emittedFrames: outcome.emittedFrames,
    error: outcome.error ?? (outcome.stopped === 'max-frames' ? 'stopped at max_frames' : ''),
  };
}
