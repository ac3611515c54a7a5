// What a video file holds, from the facts its container gives (read by media/stream-facts.ts). Pure: no I/O.
import { invalidArgument } from '@pmr/common';

export interface VideoInfo {
  /** The path as given. */
  readonly path: string;
  /** The demuxer's name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  readonly container: string;
  /** Codec of the video stream, e.g. "h264". */
  readonly codec: string;
  /** Display size: after rotation, i.e. the size of the decoded (upright) frames. */
  readonly width: number;
  readonly height: number;
  /**
   * Clockwise degrees (0, 90, 180 or 270) a player turns the coded picture to show it — the convention of the
   * legacy `rotate` tag and of phones (a portrait iPhone clip reads 90). From the display matrix when there is one,
   * else from the `rotate` tag.
   */
  readonly rotation: 0 | 90 | 180 | 270;
  /**
   * Frames per second (average frame rate, else the real base rate): the nominal rate. Decoded frames carry their own
   * timestamps; the rate stands in only where there is none (a frame with no time, the video's last frame's length)
   * and decides whether `fps` sampling thins at all.
   */
  readonly fps: number;
  /**
   * Seconds from the container's start to the first video frame (stream start − container start, ≥ 0), on the clock a
   * player shows. 0.844 for short_hamilton_clip.mp4.
   */
  readonly startTime: number;
  /** Seconds: the video stream's duration, else the container's. */
  readonly duration: number;
  /** Number of video frames: the container's count when it has one, else round(duration × fps). */
  readonly frameCount: number;
  /**
   * True when `frameCount` came from the container, false when it is an estimate. AVI's count is taken as an estimate:
   * it includes the empty chunks that mark skipped frames (a variable-rate source written to AVI holds 19 pictures in
   * 51 chunks), which are no pictures to decode.
   */
  readonly frameCountExact: boolean;
  readonly hasAudio: boolean;
}

/** What the container says of its first video stream, in plain numbers (0 or null where it says nothing). */
export interface StreamFacts {
  /** Demuxer name. */
  readonly container: string;
  readonly codec: string;
  /** Size of the coded picture (before rotation). */
  readonly codedWidth: number;
  readonly codedHeight: number;
  /** Frames per second; 0 when unknown. */
  readonly averageFrameRate: number;
  readonly baseFrameRate: number;
  /** Clockwise degrees from the stream's display matrix, null without one. */
  readonly matrixRotation: number | null;
  /** The stream's legacy `rotate` metadata tag, null without one. */
  readonly rotateTag: string | null;
  /** Seconds; null when unknown. */
  readonly streamStart: number | null;
  readonly containerStart: number | null;
  readonly streamDuration: number | null;
  readonly containerDuration: number | null;
  /** The container's frame count for the stream; 0 when it has none. */
  readonly frameCount: number;
  readonly hasAudio: boolean;
}

/** Bytes of one decoded RGB24 frame of the video. */
export function frameBytes(info: Pick<VideoInfo, 'width' | 'height'>): number {
  return info.width * info.height * 3;
}

/** Demuxers that read one still picture rather than a video; such input is rejected. */
const STILL_FORMATS = new Set(['image2', 'webp_pipe', 'png_pipe', 'jpeg_pipe', 'bmp_pipe', 'tiff_pipe']);

/** Whether a demuxer reads a single still picture (which belongs to the image path, not the video one). */
export function isStillFormat(container: string): boolean {
  return STILL_FORMATS.has(container);
}

/** Normalise any angle to the nearest of 0/90/180/270 (frames are only turned by right angles). */
export function normaliseRotation(degrees: number): 0 | 90 | 180 | 270 {
  const quarter = ((Math.round(degrees / 90) % 4) + 4) % 4;
  return ([0, 90, 180, 270] as const)[quarter]!;
}

/**
 * Clockwise degrees of a display matrix (nine 16.16 / 2.30 fixed-point numbers, as FFmpeg's display.h has them);
 * null for a degenerate matrix. FFmpeg's own av_display_rotation_get answers the counter-clockwise angle, the negation.
 */
export function matrixRotationDegrees(matrix: Int32Array): number | null {
  const a = matrix[0]! / 65536;
  const b = matrix[1]! / 65536;
  const c = matrix[3]! / 65536;
  const d = matrix[4]! / 65536;
  const scaleX = Math.hypot(a, c);
  const scaleY = Math.hypot(b, d);
  if (scaleX === 0 || scaleY === 0) return null;
  return (Math.atan2(b / scaleY, a / scaleX) * 180) / Math.PI;
}

/** The display matrix of a clockwise turn by a right angle (what a rotated phone video carries). */
export function displayMatrix(clockwise: 0 | 90 | 180 | 270): Int32Array {
  const radians = (clockwise * Math.PI) / 180;
  const fixed = (v: number): number => Math.round(v * 65536);
  // rows (a b u; c d v; x y w): a = cos, b = sin, c = −sin, d = cos; w = 1 in 2.30
  return Int32Array.from([
    fixed(Math.cos(radians)),
    fixed(Math.sin(radians)),
    0,
    fixed(-Math.sin(radians)),
    fixed(Math.cos(radians)),
    0,
    0,
    0,
    1 << 30,
  ]);
}

function rotationOf(facts: StreamFacts): 0 | 90 | 180 | 270 {
  if (facts.matrixRotation !== null) return normaliseRotation(facts.matrixRotation);
  const tag = Number(facts.rotateTag ?? 0);
  return Number.isFinite(tag) ? normaliseRotation(tag) : 0;
}

function positive(value: number | null): number {
  return value !== null && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Turn a container's facts into a VideoInfo, or an INVALID_ARGUMENT naming `path` (null facts: no video stream). */
export function videoInfoOf(path: string, facts: StreamFacts | null, container = facts?.container ?? ''): VideoInfo {
  if (isStillFormat(container)) throw invalidArgument(`${path}: is a still image (${container}), not a video`);
  if (facts === null) throw invalidArgument(`${path}: not a video (no video stream found)`);
  if (!(facts.codedWidth > 0 && facts.codedHeight > 0))
    throw invalidArgument(`${path}: video stream has no picture size`);
  const fps = positive(facts.averageFrameRate) || positive(facts.baseFrameRate);
  if (fps <= 0) throw invalidArgument(`${path}: video stream has no frame rate`);
  const rotation = rotationOf(facts);
  const turned = rotation === 90 || rotation === 270;
  const duration = positive(facts.streamDuration) || positive(facts.containerDuration);
  const counted = container === 'avi' ? 0 : Math.trunc(positive(facts.frameCount));
  const offset = (facts.streamStart ?? 0) - (facts.containerStart ?? 0);
  return {
    path,
    container,
    codec: facts.codec,
    width: turned ? facts.codedHeight : facts.codedWidth,
    height: turned ? facts.codedWidth : facts.codedHeight,
    rotation,
    fps,
    startTime: Number.isFinite(offset) && offset > 0 ? offset : 0,
    duration,
    frameCount: counted > 0 ? counted : Math.round(duration * fps),
    frameCountExact: counted > 0,
    hasAudio: facts.hasAudio,
  };
}
