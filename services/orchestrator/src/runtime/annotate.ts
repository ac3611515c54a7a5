// `--annotate OUT.mp4`: the video again with every track's box, label and id drawn, encoded with ffmpeg.
// Boxes come from the analysis (recorded per analysed frame); labels are known only once the analysis is done,
// so drawing is a second decoding pass. Keeps two frames in memory (the one drawn and the one before); the recorded
// boxes grow with the video.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import sharp from 'sharp';
import type { Box } from '@pmr/common';
import { decodeVideo } from '@pmr/decoder';
import type { AnalysisResult } from '../result.ts';
import type { BoxObserver } from './analyse-video.ts';
import { annotationSvg, type LabelledBox } from './annotation-svg.ts';
import { ConstantRateSlots } from './constant-rate-slots.ts';

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

export async function annotateVideo(input: string, output: string, recorder: AnnotationRecorder, result: AnalysisResult): Promise<void> {
  const labels = new Map(result.tracks.map((t) => [t.id, t.label]));
  const decoded = await decodeVideo(input, { skip: { method: 'none' } });
  const { width, height, fps } = decoded.info;
  const rate = fps || 25;
  const ffmpeg = spawn(
    'ffmpeg',
    ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-r', String(rate), '-i', 'pipe:0',
     '-i', input, '-map', '0:v', '-map', '1:a?', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
     '-c:a', 'copy', '-shortest', output],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  ffmpeg.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = once(ffmpeg, 'close');
  const frames = recorder.frames();
  const slots = new ConstantRateSlots(rate);
  const write = async (pixels: Uint8Array, times: number): Promise<void> => {
    for (let i = 0; i < times; i++) if (!ffmpeg.stdin.write(pixels)) await once(ffmpeg.stdin, 'drain');
  };
  let previous: Uint8Array | null = null;
  let k = 0;
  try {
    for await (const frame of decoded.frames) {
      while (k + 1 < frames.length && frames[k + 1]!.start <= frame.pts + 1e-6) k++;
      const rec = frames[k];
      const boxes: LabelledBox[] =
        rec !== undefined && frame.pts + 1e-6 >= rec.start && frame.pts < rec.end
          ? rec.boxes.map((b) => ({ box: b.box, text: `#${b.trackId} ${labels.get(b.trackId) ?? ''}`, known: !(labels.get(b.trackId) ?? 'unknown').startsWith('unknown-') }))
          : [];
      const pixels =
        boxes.length === 0
          ? frame.image.data
          : await sharp(frame.image.data, { raw: { width, height, channels: 3 } })
              .composite([{ input: Buffer.from(annotationSvg(width, height, boxes)) }])
              .removeAlpha()
              .raw()
              .toBuffer();
      // the raw input has no timestamps: the frames go in at a constant rate, each as often as its time asks
      await write(previous ?? pixels, slots.arrive(frame.pts));
      previous = pixels;
    }
    if (previous !== null) await write(previous, slots.finish());
  } finally {
    ffmpeg.stdin.end();
  }
  const [code] = (await exited) as [number | null];
  if (code !== 0) throw new Error(`ffmpeg could not write ${output}: ${stderr.trim().split('\n').at(-1) ?? `exit ${code}`}`);
}
