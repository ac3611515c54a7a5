// The embedded runtime: every stage in one process, wired in order. decode → detect → track → (finished tracks)
// embed + attributes → identity → assemble. Memory stays bounded by the frames in flight and the open tracks.
import type { DetectedFace, Frame } from '@pmr/common';
import { decodeVideo, type DecodedVideo, type HwaccelChoice, type SkipOptions } from '@pmr/decoder';
import { createGallery, type Gallery } from '@pmr/recognizer';
import { groupTracks, StageClock, type AnalysisResult, type DecisionSettings, type GallerySummary } from '@pmr/results';
import type { AnalysedTrack, TrackFacesObserver } from './analyse-track.ts';
import type { Engines } from './engines.ts';
import { KeptFaceRefiner } from './kept-face-refiner.ts';
import { VideoTracking, type BoxObserver } from './video-tracking.ts';

export type { BoxObserver } from './video-tracking.ts';

/**
 * How many frames' detections may be in flight at once, so the inference thread has the next frame queued while this
 * thread prepares and tracks the last. 3 is faster than 2; 4 is no faster than 3 and uses more memory
 * (docs/benchmark.md, "Process settings").
 */
const DETECT_AHEAD = 3;

export interface AnalyseOptions extends DecisionSettings {
  /** Analysis frame rate; undefined analyses every frame. */
  readonly fps?: number | undefined;
  readonly skip?: SkipOptions | undefined;
  /** Where the video is decoded (default: software). */
  readonly hwaccel?: HwaccelChoice | undefined;
}

export interface Progress {
  readonly analysedFrames: number;
  /** Source frames covered so far, and the expected total (0 when unknown). */
  readonly sourceFrames: number;
  readonly totalFrames: number;
  readonly tracks: number;
}

export interface AnalyseInput {
  readonly path: string;
  readonly engines: Engines;
  readonly gallery: { readonly gallery: Gallery; readonly summary: GallerySummary } | null;
  readonly options: AnalyseOptions;
  readonly onProgress?: (p: Progress) => void;
  readonly onBox?: BoxObserver;
  /** Sees each track's selected faces and embeddings before it is decided (evaluation scripts). */
  readonly onTrackFaces?: TrackFacesObserver;
  /** Told once where the pictures are decoded ("software", "cuda", …), for a log line. */
  readonly onDecoder?: (decoder: string) => void;
  readonly signal?: AbortSignal;
}

export async function analyseVideo(input: AnalyseInput): Promise<AnalysisResult> {
  const started = performance.now();
  const { engines, options } = input;
  const decoded = await decodeVideo(input.path, {
    ...(options.fps !== undefined && { fps: options.fps }),
    ...(options.skip !== undefined && { skip: options.skip }),
    ...(options.hwaccel !== undefined && { hwaccel: options.hwaccel }),
    ...(input.signal !== undefined && { signal: input.signal }),
  });
  input.onDecoder?.(decoded.decoder);
  const clock = new StageClock();
  const refiner = new KeptFaceRefiner(engines.detector, clock);
  const tracking = new VideoTracking({
    engines,
    identity: { gallery: input.gallery?.gallery ?? createGallery([]), threshold: options.matchThreshold },
    clock,
    refiner,
    timelineInterval: options.timelineInterval,
    onBox: input.onBox,
    onTrackFaces: input.onTrackFaces,
  });
  const totalFrames = decoded.info.frameCount;
  try {
    await detectInOrder(decoded, engines, clock, (frame, faces) => {
      const kept = tracking.track(frame, faces);
      const { analysedFrames, sourceFrames } = tracking;
      input.onProgress?.({ analysedFrames, sourceFrames, totalFrames, tracks: tracking.finishedTracks });
      refiner.start(frame.image, kept);
      decoded.recycle(frame); // detected and tracked, what refinement reads copied: its pixels are not read again
    });
  } finally {
    await refiner.settled();
  }
  tracking.finish();
  const outcome = await decoded.outcome;
  const analysed = await tracking.analysed();
  return resultOf(input, decoded, outcome, tracking, analysed, clock, started);
}

/**
 * Decodes and detects every frame, handing each frame and its faces to `onDetected` strictly in frame order.
 * Detection runs up to DETECT_AHEAD frames ahead, so the network works on one frame while this thread prepares the
 * next and tracks the last.
 */
async function detectInOrder(
  decoded: DecodedVideo,
  engines: Engines,
  clock: StageClock,
  onDetected: (frame: Frame, faces: readonly DetectedFace[]) => void,
): Promise<void> {
  const inflight: Array<{ frame: Frame; faces: Promise<DetectedFace[]> }> = [];
  const consumeOldest = async (): Promise<void> => {
    const { frame, faces } = inflight.shift()!;
    onDetected(frame, await faces);
  };
  const iterator = decoded.frames[Symbol.asyncIterator]();
  try {
    for (;;) {
      const t0 = performance.now();
      const next = await iterator.next();
      clock.add('decode', performance.now() - t0);
      if (next.done === true) break;
      const frame = next.value;
      const faces = clock.time('detect', () => engines.detector.detect(frame.image, { refineRoll: false }));
      faces.catch(() => undefined); // surfaced when consumed, in order
      inflight.push({ frame, faces });
      if (inflight.length >= DETECT_AHEAD) await consumeOldest();
    }
    while (inflight.length > 0) await consumeOldest();
  } finally {
    await Promise.allSettled(inflight.map((f) => f.faces));
  }
}

function resultOf(
  input: AnalyseInput,
  decoded: DecodedVideo,
  outcome: Awaited<DecodedVideo['outcome']>,
  tracking: VideoTracking,
  analysed: readonly AnalysedTrack[],
  clock: StageClock,
  started: number,
): AnalysisResult {
  const { info } = decoded;
  const { tracks, persons } = groupTracks(analysed, input.options);
  return {
    video: {
      path: input.path,
      width: info.width,
      height: info.height,
      fps: info.fps,
      // On the same clock as the track times: a video stream may start after the file does (0.84 s into short_hamilton_clip.mp4).
      duration: Math.round((info.startTime + info.duration) * 1000) / 1000,
      frames: outcome.sourceFrames,
      analysedFrames: tracking.analysedFrames,
      complete: outcome.complete,
      ...(outcome.error !== undefined && { error: outcome.error }),
    },
    gallery: input.gallery?.summary ?? null,
    tracks,
    persons,
    stats: {
      detections: tracking.detections,
      embeddings: tracking.embeddings,
      attributeFaces: analysed.reduce((n, a) => n + a.described, 0),
      elapsedSeconds: Math.round((performance.now() - started) / 10) / 100,
      stageMs: clock.totals(),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    },
  };
}
