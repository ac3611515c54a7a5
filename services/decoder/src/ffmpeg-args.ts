// The ffmpeg command line for streaming raw RGB24 frames. Pure: builds an argument array, never a shell string.
import { LOG_ARGS } from './ffmpeg-log.ts';

/** The showinfo instance that reports every decoded source frame (the first filter of the chain). */
export const SOURCE_FRAMES = 'Parsed_showinfo_0';
/** With `sampleFps`: the showinfo instance that reports the frames kept (third in the chain, after select). */
export const SAMPLED_FRAMES = 'Parsed_showinfo_2';

/**
 * Arguments to decode the first video stream of `input` (already `file:`-prefixed) to packed RGB24 on stdout.
 * ffmpeg auto-rotates by default, so frames come out in display orientation. showinfo reports every source frame's
 * timestamp on stderr (ffmpeg-log.ts). With `sampleFps` = N, select keeps the first frame of each 1/N-second slot
 * (slot = round(t·N), by the frame's own time t, so it thins a variable-rate video evenly), and a second showinfo
 * reports the frames kept. `-fps_mode passthrough` and the input's time base: frames go out as they are, never
 * duplicated (the rawvideo muxer would otherwise fill a video stream that starts late — hamilton's starts 0.84 s after
 * its audio — from time 0), and two frames less than a nominal frame period apart keep distinct timestamps (in the
 * muxer's default time base, 1 / frame rate, they would collide and ffmpeg report an error).
 */
export function decodeArgs(input: string, sampleFps?: number): string[] {
  const info = 'showinfo=checksum=0'; // checksums off: they would cost a pass over every frame
  const filters = sampleFps === undefined ? info : `${info},${selectOnePerSlot(sampleFps)},${info}`;
  return ['-hide_banner', '-nostdin', ...LOG_ARGS, '-i', input, '-map', '0:v:0', '-an', '-sn', '-dn', '-vf', filters, '-fps_mode', 'passthrough', '-enc_time_base', '-1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
}

/** select filter keeping the first frame whose slot round(t·N) is past the last kept frame's (commas escaped for -vf). */
function selectOnePerSlot(fps: number): string {
  const rate = formatRate(fps);
  return `select=isnan(prev_selected_t)+gte(floor(t*${rate}+0.5)-floor(prev_selected_t*${rate}+0.5)\\,1)`;
}

/** A positive finite rate as ffmpeg reads it: a plain decimal rounded to 6 places. */
export function formatRate(fps: number): string {
  const rounded = Math.round(fps * 1e6) / 1e6;
  if (!Number.isFinite(rounded) || rounded <= 0) throw new RangeError(`fps must be a positive number (≥ 0.000001), got ${fps}`);
  return String(rounded);
}
