// The ffmpeg command line for streaming raw RGB24 frames. Pure: builds an argument array, never a shell string.

/**
 * Arguments to decode the first video stream of `input` (already `file:`-prefixed) to packed RGB24 on stdout.
 * ffmpeg auto-rotates by default, so frames come out in display orientation. Without `sampleFps` every decoded
 * frame is passed through unchanged in number (`-fps_mode passthrough`); with it, `-vf fps=N` thins them.
 */
export function decodeArgs(input: string, sampleFps?: number): string[] {
  const rate = sampleFps === undefined ? ['-fps_mode', 'passthrough'] : ['-vf', `fps=${formatRate(sampleFps)}`];
  return ['-hide_banner', '-nostdin', '-v', 'error', '-i', input, '-map', '0:v:0', '-an', '-sn', '-dn', ...rate, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
}

/** A positive finite rate as ffmpeg reads it (plain decimal, no exponent). */
export function formatRate(fps: number): string {
  if (!Number.isFinite(fps) || fps <= 0) throw new RangeError(`fps must be a positive number, got ${fps}`);
  return String(Math.round(fps * 1e6) / 1e6);
}
