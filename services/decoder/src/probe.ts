// probeVideo: what a video file holds, read by FFmpeg's demuxers.
import { openMedia } from './media/open-media.ts';
import type { VideoInfo } from './video-info.ts';

/**
 * Probe a video file. A missing file, a non-video (text, still image, audio only) or an unreadable/corrupt file
 * is an INVALID_ARGUMENT PmrError with a one-line message starting with the path.
 */
export async function probeVideo(path: string): Promise<VideoInfo> {
  const input = await openMedia(path);
  await input.close();
  return input.info;
}
