// Opening a video file with FFmpeg's demuxers, narrowly: only the `file` protocol, only the containers PMR accepts.
// A name such as "concat:…", "http://…" or "-x" is a plain file here, never a protocol or an option.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { invalidArgument } from '@pmr/common';
import { Dictionary, FFmpegError, FormatContext, type Stream } from 'node-av/lib';
import { AV_DISPOSITION_ATTACHED_PIC, AVMEDIA_TYPE_AUDIO, AVMEDIA_TYPE_VIDEO } from 'node-av/constants';
import { isStillFormat, videoInfoOf, type VideoInfo } from '../video-info.ts';
import { routeLibavLog } from './libav-log.ts';
import { INDEX_CUT_OFF_REASON, mp4IndexCutOff } from './mp4-index.ts';
import { streamFacts } from './stream-facts.ts';

/**
 * Demuxers FFmpeg may pick (by their first name): the containers cameras, phones, editors and screen recorders write,
 * raw H.264/HEVC elementary streams, and the still-image ones, opened only to be refused with a clear message. No
 * playlist, concat or network demuxers (hls, dash, concat, sdp, …), whose files name other files or hosts to read.
 */
export const ACCEPTED_CONTAINERS: readonly string[] = [
  'mov',
  'matroska',
  'avi',
  'mpegts',
  'mpeg',
  'flv',
  'asf',
  'ogg',
  'gif',
  'ivf',
  'h264',
  'hevc',
  'm4v',
  'image2',
  'png_pipe',
  'jpeg_pipe',
  'webp_pipe',
  'bmp_pipe',
  'tiff_pipe',
];

/** An opened video file: its demuxer, the video stream decoded and what it holds. Close it when done. */
export interface MediaInput {
  readonly format: FormatContext;
  readonly video: Stream;
  readonly info: VideoInfo;
  close(): Promise<void>;
}

/** Check that `path` is a non-empty string naming an existing, non-empty regular file; INVALID_ARGUMENT otherwise. */
export async function checkMediaPath(path: unknown): Promise<string> {
  if (typeof path !== 'string' || path.length === 0) throw invalidArgument('video path must be a non-empty string');
  if (path.includes('\0')) throw invalidArgument('video path must not contain NUL characters');
  let info;
  try {
    info = await stat(path);
  } catch {
    throw invalidArgument(`${path}: no such file`);
  }
  if (!info.isFile()) throw invalidArgument(`${path}: not a regular file`);
  if (info.size === 0) throw invalidArgument(`${path}: the file is empty (0 bytes)`);
  return path;
}

/** The first video stream that is a video (not a cover picture). */
function videoStream(format: FormatContext): Stream | undefined {
  return format.streams.find(
    (s) => s.codecpar.codecType === AVMEDIA_TYPE_VIDEO && !s.hasDisposition(AV_DISPOSITION_ATTACHED_PIC),
  );
}

/**
 * `path`'s container, opened narrowly (the `file` protocol, the accepted demuxers), or INVALID_ARGUMENT
 * "<path>: <failure> (<FFmpeg's reason>)" when it does not open ("<path>: <failure>: <why>" for an MP4 cut off before
 * its index was written, see mp4-index.ts).
 */
export async function openContainer(path: string, failure = 'not a readable video'): Promise<FormatContext> {
  routeLibavLog();
  const format = new FormatContext();
  const options = Dictionary.fromObject({
    protocol_whitelist: 'file',
    format_whitelist: ACCEPTED_CONTAINERS.join(','),
  });
  const opened = await format.openInput(`file:${resolve(path)}`, null, options);
  options.free();
  if (opened < 0) {
    format.freeContext();
    if (await mp4IndexCutOff(path)) throw invalidArgument(`${path}: ${failure}: ${INDEX_CUT_OFF_REASON}`);
    throw invalidArgument(`${path}: ${failure} (${new FFmpegError(opened).message})`);
  }
  return format;
}

/**
 * Open `path` and read what it holds. A missing file, a non-video (text, still image, audio only) or an unreadable or
 * corrupt file is an INVALID_ARGUMENT PmrError with a one-line message starting with the path.
 */
export async function openMedia(path: string): Promise<MediaInput> {
  await checkMediaPath(path);
  const format = await openContainer(path);
  const close = (): Promise<void> => format.closeInput();
  try {
    const container = format.iformat?.name ?? '';
    if (isStillFormat(container)) videoInfoOf(path, null, container); // throws: stills are not read any further
    const found = await format.findStreamInfo(null);
    if (found < 0) throw invalidArgument(`${path}: not a readable video (${new FFmpegError(found).message})`);
    const video = videoStream(format);
    const hasAudio = format.streams.some((s) => s.codecpar.codecType === AVMEDIA_TYPE_AUDIO);
    const facts = video === undefined ? null : streamFacts(format, video, hasAudio);
    const info = videoInfoOf(path, facts, container);
    return { format, video: video!, info, close };
  } catch (err) {
    await close();
    throw err;
  }
}
