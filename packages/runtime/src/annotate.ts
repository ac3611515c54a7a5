// `--annotate OUT.mp4`: the video again with every track's box, label and id drawn, encoded by FFmpeg's libraries.
// Boxes come from the analysis (recorded per analysed frame); labels are known only once the analysis is done,
// so drawing is a second decoding pass. Keeps a frame or two in memory (the one drawn, the encoder's); the recorded
// boxes grow with the video.
import sharp from 'sharp';
import type { Box } from '@pmr/common';
import { decodeVideo, VideoWriter, type HwaccelChoice } from '@pmr/decoder';
import type { AnalysisResult } from '@pmr/results';
import type { BoxObserver } from './analyse-video.ts';
import { annotationSvg, type LabelledBox } from './annotation-svg.ts';

interface RecordedFrame {
  readonly start: number;
  readonly end: number;
  readonly boxes: Array<{ trackId: number; box: Box }>;
}

/** Collects the tracked boxes of every analysed frame (some arrive late, when a track is confirmed). */
export class AnnotationRecorder {
  readonly #frames = new Map<number, RecordedFrame>();
  readonly observer: BoxObserver = (span, trackId, box) => {
    const frame = this.#frames.get(span.pts) ?? { start: span.pts, end: span.end, boxes: [] };
    frame.boxes.push({ trackId, box });
    this.#frames.set(span.pts, frame);
  };

  /** The recorded frames in time order. */
  frames(): RecordedFrame[] {
    return [...this.#frames.values()].sort((a, b) => a.start - b.start);
  }
}

/**
 * Write `output` (H.264 in the container its extension names) with every recorded box drawn and labelled, each frame at
 * its own time and the source's audio copied alongside, so the copy plays in step with its sound as the source does.
 * A failure removes the partial file.
 */
export async function annotateVideo(
  input: string,
  output: string,
  recorder: AnnotationRecorder,
  result: AnalysisResult,
  hwaccel: HwaccelChoice = 'none',
): Promise<void> {
  const labels = new Map(result.tracks.map((t) => [t.id, t.label]));
  const decoded = await decodeVideo(input, { skip: { method: 'none' }, hwaccel });
  const { width, height, fps } = decoded.info;
  const writer = await VideoWriter.create(output, { width, height, fps, audioFrom: input });
  const frames = recorder.frames();
  let k = 0;
  let end = 0;
  try {
    for await (const frame of decoded.frames) {
      while (k + 1 < frames.length && frames[k + 1]!.start <= frame.pts + 1e-6) k++;
      const rec = frames[k];
      const boxes: LabelledBox[] =
        rec !== undefined && frame.pts + 1e-6 >= rec.start && frame.pts < rec.end
          ? rec.boxes.map((b) => ({
              box: b.box,
              text: `#${b.trackId} ${labels.get(b.trackId) ?? ''}`,
              known: !(labels.get(b.trackId) ?? 'unknown').startsWith('unknown-'),
            }))
          : [];
      const image =
        boxes.length === 0
          ? frame.image
          : {
              width,
              height,
              data: await sharp(frame.image.data, { raw: { width, height, channels: 3 } })
                .composite([{ input: Buffer.from(annotationSvg(width, height, boxes)) }])
                .removeAlpha()
                .raw()
                .toBuffer(),
            };
      await writer.write(image, frame.pts);
      end = frame.ptsLast + frame.lastDuration;
      decoded.recycle(frame);
    }
    await writer.finish(end);
  } catch (err) {
    await writer.discard();
    throw err;
  }
}
