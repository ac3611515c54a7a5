// The embedded runtime: every stage in one process, wired in order. decode → detect → track → (finished tracks)
// embed + attributes → identity → assemble. Memory stays bounded by the frames in flight and the open tracks.
import type { Box, DetectedFace, Frame } from '@pmr/common';
import { decodeVideo, type HwaccelChoice, type SkipOptions } from '@pmr/decoder';
import { FrameTimes, TrackLog, Tracker, type FinishedTrack, type FrameSpan, type TrackedFace } from '@pmr/tracker';
import { createGallery, type Gallery } from '@pmr/recognizer';
import { groupTracks, type DecisionSettings } from '@pmr/results';
import type { AnalysisResult, GallerySummary } from '@pmr/results';
import { analyseTrack, type AnalysedTrack } from './analyse-track.ts';
import type { Engines } from './engines.ts';


import { StageClock } from '@pmr/results';

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

/** Sees every box assigned to a track, with the source-frame span it stands for (for annotation). */
export type BoxObserver = (span: FrameSpan, trackId: number, box: Box) => void;

export interface AnalyseInput {
  readonly path: string;
  readonly engines: Engines;
  readonly gallery: { readonly gallery: Gallery; readonly summary: GallerySummary } | null;
  readonly options: AnalyseOptions;
  readonly onProgress?: (p: Progress) => void;
  readonly onBox?: BoxObserver;
  /** Told once where the pictures are decoded ("software", "cuda", …), for a log line. */
  readonly onDecoder?: (decoder: string) => void;
  readonly signal?: AbortSignal;
}

export async function analyseVideo(input: AnalyseInput): Promise<AnalysisResult> {
  const started = performance.now();
  const { engines, options } = input;
  const identity = { gallery: input.gallery?.gallery ?? createGallery([]), threshold: options.matchThreshold };
  const decoded = await decodeVideo(input.path, {
    ...(options.fps !== undefined && { fps: options.fps }),
    ...(options.skip !== undefined && { skip: options.skip }),
    ...(options.hwaccel !== undefined && { hwaccel: options.hwaccel }),
    ...(input.signal !== undefined && { signal: input.signal }),
  });
  const { info } = decoded;
  input.onDecoder?.(decoded.decoder);
  const tracker = new Tracker<DetectedFace>();
  const times = new FrameTimes();
  const log = new TrackLog(options.timelineInterval);
  const pending: Array<Promise<AnalysedTrack>> = [];
  const clock = new StageClock();
  let queue: Promise<void> = Promise.resolve();
  let detections = 0;
  let analysedFrames = 0;
  let sourceFrames = 0;
  let embeddings = 0;

  const recordBoxes = (assigned: ReadonlyArray<TrackedFace<DetectedFace>>): void => {
    for (const a of assigned) {
      const span = times.get(a.frameIndex);
      if (span === undefined) continue;
      log.record(a.trackId, span, a.face.box);
      input.onBox?.(span, a.trackId, a.face.box);
    }
  };
  // Roll refinement (detector.refine) is done only for the faces a track keeps, from the parts of their frame it reads,
  // beside the detection of the next frames.
  // `refined` gives a kept face's refined version. Detection scored every face's quality unrefined, so the tracks keep
  // the same faces as when every face is refined at detection, and the results are the same (the distributed detector
  // refines every face). `refining` holds the refinements still running, so none outlives this call.
  const refined = new WeakMap<DetectedFace, Promise<DetectedFace>>();
  const refining = new Set<Promise<unknown>>();
  const refinedTrack = async (t: FinishedTrack<DetectedFace>): Promise<FinishedTrack<DetectedFace>> => ({
    ...t,
    selected: await Promise.all(t.selected.map(async (s) => ({ ...s, face: (await refined.get(s.face)) ?? s.face }))),
  });
  const finish = (tracks: ReadonlyArray<FinishedTrack<DetectedFace>>): void => {
    for (const t of tracks) {
      recordBoxes(t.lateAssigned);
      const track = log.take(t.trackId);
      if (track === undefined) continue;
      embeddings += t.selected.length;
      // Tracks are analysed one after another, alongside the detection of the frames that follow.
      const analysis = queue.then(async () => analyseTrack(await refinedTrack(t), track, engines, identity, clock));
      queue = analysis.then(
        () => undefined,
        () => undefined,
      );
      analysis.catch(() => undefined); // surfaced by Promise.all below; avoids an unhandled rejection meanwhile
      pending.push(analysis);
    }
  };

  /** Tracks the frame's faces; returns the faces a track now keeps. */
  const track = (frame: Frame, faces: readonly DetectedFace[]): readonly DetectedFace[] => {
    detections += faces.length;
    const span: FrameSpan = { sourceFirst: frame.sourceFirst, sourceLast: frame.sourceLast, pts: frame.pts, end: frame.ptsLast + frame.lastDuration };
    times.add(frame.index, span);
    const t1 = performance.now();
    if (frame.sceneCut) finish(tracker.cut());
    const { assigned, finished, kept } = tracker.update({ index: frame.index, pts: frame.pts, width: frame.image.width, height: frame.image.height }, faces);
    recordBoxes(assigned);
    clock.add('track', performance.now() - t1);
    finish(finished);
    analysedFrames++;
    sourceFrames = frame.sourceLast + 1;
    input.onProgress?.({ analysedFrames, sourceFrames, totalFrames: info.frameCount, tracks: pending.length });
    return kept;
  };

  // Detection runs up to DETECT_AHEAD frames ahead of tracking, so the network works on one frame while this thread
  // prepares the next and tracks the last; results are still consumed strictly in frame order.
  const inflight: Array<{ frame: Frame; faces: Promise<DetectedFace[]> }> = [];
  const consumeOldest = async (): Promise<void> => {
    const { frame, faces } = inflight.shift()!;
    const kept = track(frame, await faces);
    // What the kept faces' refinement reads of the frame is copied out, so the frame goes back to the decoder now.
    const toRefine = kept.length === 0 ? null : engines.detector.refinementInput(frame.image, kept);
    decoded.recycle(frame); // detected and tracked: its pixels are not read again
    if (toRefine === null) return;
    const done = clock.time('detect', () => engines.detector.refine(toRefine));
    kept.forEach((face, i) => {
      const one = done.then((faces) => faces[i]!);
      one.catch(() => undefined); // a face displaced later is never awaited; one still kept surfaces it
      refined.set(face, one);
    });
    const settled = done.then(
      () => undefined,
      () => undefined, // surfaced by the analysis of the track that keeps the face
    );
    refining.add(settled);
    void settled.then(() => refining.delete(settled));
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
    await Promise.allSettled([...inflight.map((f) => f.faces), ...refining]);
  }
  const t2 = performance.now();
  finish(tracker.finish());
  clock.add('track', performance.now() - t2);
  const outcome = await decoded.outcome;
  const analysed = await Promise.all(pending);

  const { tracks, persons } = groupTracks(analysed, options);
  return {
    video: {
      path: input.path,
      width: info.width,
      height: info.height,
      fps: info.fps,
      // On the same clock as the track times: a video stream may start after the file does (0.84 s into short_hamilton_clip.mp4).
      duration: Math.round((info.startTime + info.duration) * 1000) / 1000,
      frames: outcome.sourceFrames,
      analysedFrames,
      complete: outcome.complete,
      ...(outcome.error !== undefined && { error: outcome.error }),
    },
    gallery: input.gallery?.summary ?? null,
    tracks,
    persons,
    stats: {
      detections,
      embeddings,
      attributeFaces: analysed.reduce((n, a) => n + a.described, 0),
      elapsedSeconds: Math.round((performance.now() - started) / 10) / 100,
      stageMs: clock.totals(),
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    },
  };
}
