// What ffprobe tells about a video, read out of its JSON. Pure: no I/O.
import { invalidArgument } from '@pmr/common';

export interface VideoInfo {
  /** The path as given. */
  readonly path: string;
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  readonly container: string;
  /** Codec of the first video stream, e.g. "h264". */
  readonly codec: string;
  /** Display size: after rotation, i.e. the size of the decoded (auto-rotated) frames. */
  readonly width: number;
  readonly height: number;
  /**
   * Clockwise degrees (0, 90, 180 or 270) a player turns the coded picture to show it — the convention of the
   * legacy `rotate` tag and of phones (a portrait iPhone clip reads 90). From the display matrix when there is one
   * (ffprobe's side-data `rotation` is counter-clockwise, so it is negated), else from `tags.rotate`.
   */
  readonly rotation: 0 | 90 | 180 | 270;
  /**
   * Frames per second (avg_frame_rate, else r_frame_rate): the nominal rate. Decoded frames carry ffmpeg's own
   * timestamps; the rate stands in only where there is none (a frame ffmpeg gave no time, the video's last frame's
   * length) and decides whether `fps` sampling thins at all.
   */
  readonly fps: number;
  /**
   * Seconds from the container's start to the first video frame (stream start_time − format start_time, ≥ 0):
   * frame i is shown at `startTime + i / fps`, as a player's clock reads. 0.844 for short_hamilton_clip.mp4.
   */
  readonly startTime: number;
  /** Seconds: the video stream's duration, else the container's. */
  readonly duration: number;
  /** Number of video frames: the container's count when it has one, else round(duration × fps). */
  readonly frameCount: number;
  /**
   * True when `frameCount` came from the container (nb_frames), false when it is an estimate. AVI's count is taken as
   * an estimate: it includes the empty chunks that mark skipped frames (a variable-rate source written to AVI holds
   * 19 pictures in 51 chunks), which are no pictures to decode.
   */
  readonly frameCountExact: boolean;
  readonly hasAudio: boolean;
}

/** Bytes of one decoded RGB24 frame of the video. */
export function frameBytes(info: Pick<VideoInfo, 'width' | 'height'>): number {
  return info.width * info.height * 3;
}

/** Demuxers that read one still picture (or text) rather than a video; such input is rejected. */
const STILL_FORMATS = new Set(['image2', 'tty', 'webp_pipe', 'png_pipe', 'jpeg_pipe', 'bmp_pipe', 'tiff_pipe']);

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  start_time?: string;
  nb_frames?: string;
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
  disposition?: Record<string, number>;
}

interface ProbeJson {
  streams?: ProbeStream[];
  format?: { format_name?: string; duration?: string; start_time?: string };
}

/** Parse a rate such as "2997/100" or "25"; 0 when missing or meaningless ("0/0"). */
export function parseRate(rate: string | undefined): number {
  if (rate === undefined) return 0;
  const [num, den = '1'] = rate.split('/');
  const value = Number(num) / Number(den);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Normalise any angle to the nearest of 0/90/180/270 (ffmpeg only auto-rotates by right angles). */
export function normaliseRotation(degrees: number): 0 | 90 | 180 | 270 {
  const quarter = ((Math.round(degrees / 90) % 4) + 4) % 4;
  return ([0, 90, 180, 270] as const)[quarter]!;
}

function rotationOf(stream: ProbeStream): 0 | 90 | 180 | 270 {
  const matrix = stream.side_data_list?.find((s) => typeof s.rotation === 'number');
  if (matrix?.rotation !== undefined) return normaliseRotation(-matrix.rotation);
  const tag = Number(stream.tags?.rotate ?? 0);
  return Number.isFinite(tag) ? normaliseRotation(tag) : 0;
}

function positive(text: string | undefined): number {
  const value = Number(text);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function startOffset(stream: string | undefined, container: string | undefined): number {
  const offset = Number(stream ?? 0) - Number(container ?? 0);
  return Number.isFinite(offset) && offset > 0 ? offset : 0;
}

/** Turn ffprobe's `-show_format -show_streams` JSON into a VideoInfo, or an INVALID_ARGUMENT naming `path`. */
export function parseProbeJson(path: string, json: unknown): VideoInfo {
  const probe = (typeof json === 'object' && json !== null ? json : {}) as ProbeJson;
  const container = probe.format?.format_name ?? '';
  const streams = probe.streams ?? [];
  if (STILL_FORMATS.has(container)) throw invalidArgument(`${path}: is a still image or text (${container}), not a video`);
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  if (video === undefined) throw invalidArgument(`${path}: not a video (no video stream found)`);
  const codedWidth = video.width ?? 0;
  const codedHeight = video.height ?? 0;
  if (codedWidth <= 0 || codedHeight <= 0) throw invalidArgument(`${path}: video stream has no picture size`);
  const fps = parseRate(video.avg_frame_rate) || parseRate(video.r_frame_rate);
  if (fps <= 0) throw invalidArgument(`${path}: video stream has no frame rate`);
  const rotation = rotationOf(video);
  const turned = rotation === 90 || rotation === 270;
  const duration = positive(video.duration) || positive(probe.format?.duration);
  const counted = container === 'avi' ? 0 : Math.trunc(positive(video.nb_frames));
  return {
    path,
    container,
    codec: video.codec_name ?? 'unknown',
    width: turned ? codedHeight : codedWidth,
    height: turned ? codedWidth : codedHeight,
    rotation,
    fps,
    startTime: startOffset(video.start_time, probe.format?.start_time),
    duration,
    frameCount: counted > 0 ? counted : Math.round(duration * fps),
    frameCountExact: counted > 0,
    hasAudio: streams.some((s) => s.codec_type === 'audio'),
  };
}
