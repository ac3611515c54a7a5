// The embedded runtime's tracking side: each detected frame goes through the tracker, each box into its track's
// timeline, and each finished track is analysed (embed, describe, decide) one after another, alongside the detection
// of the frames that follow.
import type { Box, DetectedFace, Frame } from '@pmr/common';
import { FrameTimes, TrackLog, Tracker, type FinishedTrack, type FrameSpan, type TrackedFace } from '@pmr/tracker';
import type { StageClock } from '@pmr/results';
import { analyseTrack, type AnalysedTrack, type IdentityPolicy, type TrackFacesObserver } from './analyse-track.ts';
import type { Engines } from './engines.ts';
import type { KeptFaceRefiner } from './kept-face-refiner.ts';

/** Sees every box assigned to a track, with the source-frame span it stands for (for annotation). */
export type BoxObserver = (span: FrameSpan, trackId: number, box: Box) => void;

export interface VideoTrackingDeps {
  readonly engines: Engines;
  readonly identity: IdentityPolicy;
  readonly clock: StageClock;
  readonly refiner: KeptFaceRefiner;
  /** Seconds between box-timeline samples per track. */
  readonly timelineInterval: number;
  readonly onBox?: BoxObserver | undefined;
  readonly onTrackFaces?: TrackFacesObserver | undefined;
}

export class VideoTracking {
  readonly #deps: VideoTrackingDeps;
  readonly #tracker = new Tracker<DetectedFace>();
  readonly #times = new FrameTimes();
  readonly #log: TrackLog;
  readonly #analyses: Array<Promise<AnalysedTrack>> = [];
  /** The last track analysis queued: the next one starts after it. */
  #queue: Promise<void> = Promise.resolve();
  detections = 0;
  analysedFrames = 0;
  /** Source frames covered so far. */
  sourceFrames = 0;
  embeddings = 0;

  constructor(deps: VideoTrackingDeps) {
    this.#deps = deps;
    this.#log = new TrackLog(deps.timelineInterval);
  }

  /** Tracks the next frame's faces (frames come in order); returns the faces a track now keeps. */
  track(frame: Frame, faces: readonly DetectedFace[]): readonly DetectedFace[] {
    this.detections += faces.length;
    const span: FrameSpan = {
      sourceFirst: frame.sourceFirst,
      sourceLast: frame.sourceLast,
      pts: frame.pts,
      end: frame.ptsLast + frame.lastDuration,
    };
    this.#times.add(frame.index, span);
    const start = performance.now();
    if (frame.sceneCut) this.#analyse(this.#tracker.cut());
    const meta = { index: frame.index, pts: frame.pts, width: frame.image.width, height: frame.image.height };
    const { assigned, finished, kept } = this.#tracker.update(meta, faces);
    this.#record(assigned);
    this.#deps.clock.add('track', performance.now() - start);
    this.#analyse(finished);
    this.analysedFrames++;
    this.sourceFrames = frame.sourceLast + 1;
    return kept;
  }

  /** The video ended: every open track finishes. */
  finish(): void {
    const start = performance.now();
    this.#analyse(this.#tracker.finish());
    this.#deps.clock.add('track', performance.now() - start);
  }

  /** Tracks finished so far. */
  get finishedTracks(): number {
    return this.#analyses.length;
  }

  /** Every finished track's analysis, in the order they finished. */
  analysed(): Promise<AnalysedTrack[]> {
    return Promise.all(this.#analyses);
  }

  #record(assigned: ReadonlyArray<TrackedFace<DetectedFace>>): void {
    for (const a of assigned) {
      const span = this.#times.get(a.frameIndex);
      if (span === undefined) continue;
      this.#log.record(a.trackId, span, a.face.box);
      this.#deps.onBox?.(span, a.trackId, a.face.box);
    }
  }

  #analyse(tracks: ReadonlyArray<FinishedTrack<DetectedFace>>): void {
    const { engines, identity, clock, refiner } = this.#deps;
    for (const t of tracks) {
      this.#record(t.lateAssigned);
      const record = this.#log.take(t.trackId);
      if (record === undefined) continue;
      this.embeddings += t.selected.length;
      const analysis = this.#queue.then(async () =>
        analyseTrack(await refiner.refinedTrack(t), record, engines, identity, clock, this.#deps.onTrackFaces),
      );
      this.#queue = analysis.then(
        () => undefined,
        () => undefined,
      );
      analysis.catch(() => undefined); // surfaced by analysed(); avoids an unhandled rejection meanwhile
      this.#analyses.push(analysis);
    }
  }
}
