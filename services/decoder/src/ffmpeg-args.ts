// The ffmpeg command line for streaming raw RGB24 frames. Pure: builds an argument array, never a shell string.
import { FRAME_INFO_FILTER, LOG_ARGS } from './ffmpeg-log.ts';

/**
 * Arguments to decode the first video stream of `input` (already `file:`-prefixed) to packed RGB24 on stdout.
 * ffmpeg auto-rotates by default, so frames come out in display orientation. `-fps_mode passthrough` always: the
 * rawvideo muxer would otherwise be fed constant-rate output from time 0, duplicating the first frame to fill a
 * video stream that starts late (hamilton's starts 0.84 s after its audio). With `sampleFps`, `-vf fps=N` thins;
 * without, showinfo reports every frame's timestamp on stderr, and the output keeps the input's time base: in the
 * rawvideo muxer's default one (1 / frame rate) two frames of a variable-rate video less than a frame period apart get
 * the same timestamp, which it rejects with an error. The log carries level tags to tell errors apart (ffmpeg-log.ts).
 */
export function decodeArgs(input: string, sampleFps?: number): string[] {
  const frames = sampleFps === undefined ? ['-vf', FRAME_INFO_FILTER, '-enc_time_base', '-1'] : ['-vf', `fps=${formatRate(sampleFps)}`];
  return ['-hide_banner', '-nostdin', ...LOG_ARGS, '-i', input, '-map', '0:v:0', '-an', '-sn', '-dn', ...frames, '-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
}

/** A positive finite rate as ffmpeg reads it: a plain decimal rounded to 6 places. */
export function formatRate(fps: number): string {
  const rounded = Math.round(fps * 1e6) / 1e6;
  if (!Number.isFinite(rounded) || rounded <= 0) throw new RangeError(`fps must be a positive number (≥ 0.000001), got ${fps}`);
  return String(rounded);
}
