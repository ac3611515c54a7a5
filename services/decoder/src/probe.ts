// probeVideo: what a video file holds, through ffprobe.
import { invalidArgument } from '@pmr/common';
import { ffprobeBinary, firstErrorLine, mediaInput, runTool, type ToolPaths } from './tools.ts';
import { parseProbeJson, type VideoInfo } from './video-info.ts';

/**
 * Probe a video file. A missing file, a non-video (text, still image, audio only) or an unreadable/corrupt file
 * is an INVALID_ARGUMENT PmrError with a one-line message starting with the path; a missing ffprobe is
 * FAILED_PRECONDITION.
 */
export async function probeVideo(path: string, opts?: ToolPaths): Promise<VideoInfo> {
  const media = await mediaInput(path);
  const args = ['-v', 'error', '-hide_banner', '-print_format', 'json', '-show_format', '-show_streams', media.input];
  const result = await runTool(ffprobeBinary(opts), args);
  if (result.code !== 0) {
    const reason = result.timedOut ? 'ffprobe timed out' : firstErrorLine(result.stderr, media.input) || `ffprobe exited with code ${String(result.code)}`;
    throw invalidArgument(`${path}: not a readable video (${reason})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(result.stdout);
  } catch (err) {
    throw invalidArgument(`${path}: not a readable video (ffprobe gave no JSON)`, err);
  }
  return parseProbeJson(path, json);
}
