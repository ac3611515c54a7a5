// One track's state: motion filter, counters, bounded face selection and, while tentative, its detections.

import type { Box } from '@pmr/common';
import { FaceSelector } from './face-selector.ts';
import { BoxKalman } from './kalman.ts';
import type { FinishedTrack, FrameMeta, SelectedFace, TrackableFace, TrackedFace } from './types.ts';

/** Internal to the tracker: mutable, not exported from the package. */
export class Track<F extends TrackableFace> {
  /** Creation order, from 1; orders confirmation so that ids are deterministic. */
  readonly serial: number;
  /** Public id, given at confirmation; 0 while tentative. */
  id = 0;
  hits = 1;
  readonly firstPts: number;
  readonly firstFrame: number;
  lastPts: number;
  lastFrame: number;
  private readonly motion: BoxKalman;
  private readonly selector: FaceSelector<SelectedFace<F>>;
  /** Detections while tentative (at most minHits − 1 plus the confirming one); emptied at confirmation. */
  private pending: SelectedFace<F>[] = [];

  constructor(serial: number, frame: FrameMeta, face: F, facesPerTrack: number, minGapSeconds: number) {
    this.serial = serial;
    this.firstPts = frame.pts;
    this.firstFrame = frame.index;
    this.lastPts = frame.pts;
    this.lastFrame = frame.index;
    this.motion = new BoxKalman(face.box);
    this.selector = new FaceSelector(facesPerTrack, minGapSeconds);
    this.record(frame, face);
  }

  get confirmed(): boolean {
    return this.id > 0;
  }

  /** Advance the motion estimate by `dt` seconds. */
  predict(dt: number): void {
    this.motion.predict(dt);
  }

  /** The predicted (or, right after a hit, corrected) box. */
  box(): Box {
    return this.motion.box();
  }

  /** Assign a detection of this frame to the track; returns whether the track keeps it among its selected faces. */
  hit(frame: FrameMeta, face: F): boolean {
    this.motion.update(face.box);
    this.hits++;
    this.lastPts = frame.pts;
    this.lastFrame = frame.index;
    return this.record(frame, face);
  }

  /** Give the track its id; returns its tentative detections, now reportable. */
  confirm(id: number): TrackedFace<F>[] {
    this.id = id;
    const late = this.pending.map((p) => ({ trackId: id, frameIndex: p.frameIndex, pts: p.pts, face: p.face }));
    this.pending = [];
    return late;
  }

  /** Summary of a confirmed track. */
  finished(lateAssigned: readonly TrackedFace<F>[] = []): FinishedTrack<F> {
    return {
      trackId: this.id,
      firstPts: this.firstPts,
      lastPts: this.lastPts,
      firstFrame: this.firstFrame,
      lastFrame: this.lastFrame,
      hits: this.hits,
      selected: this.selector.selected().map((c) => c.item),
      lateAssigned,
    };
  }

  /** Faces currently held by the track (selection plus tentative detections); bounded. */
  get heldFaces(): number {
    return this.selector.size + this.pending.length;
  }

  private record(frame: FrameMeta, face: F): boolean {
    const entry: SelectedFace<F> = { frameIndex: frame.index, pts: frame.pts, face };
    const kept = this.selector.offer({ item: entry, pts: frame.pts, score: face.quality.score });
    if (!this.confirmed) this.pending.push(entry);
    return kept;
  }
}
