// One track's state: motion filter, counters, bounded face selection and, while tentative, its detections.

import type { Box } from '@pmr/common';
import { FaceSelector, type FaceSelectorSnapshot } from './face-selector.ts';
import { BoxKalman, type KalmanSnapshot } from './kalman.ts';
import type { FinishedTrack, FrameMeta, SelectedFace, TrackableFace, TrackedFace } from './types.ts';

/** A track's whole state as plain data (as long as its faces are); the faces are shared, not copied. */
export interface TrackSnapshot<F> {
  readonly serial: number;
  readonly id: number;
  readonly hits: number;
  readonly firstPts: number;
  readonly firstFrame: number;
  readonly lastPts: number;
  readonly lastFrame: number;
  readonly motion: KalmanSnapshot;
  readonly selector: FaceSelectorSnapshot<SelectedFace<F>>;
  readonly pending: readonly SelectedFace<F>[];
}

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

  private constructor(
    serial: number,
    first: Pick<FrameMeta, 'pts' | 'index'>,
    motion: BoxKalman,
    selector: FaceSelector<SelectedFace<F>>,
  ) {
    this.serial = serial;
    this.firstPts = first.pts;
    this.firstFrame = first.index;
    this.lastPts = first.pts;
    this.lastFrame = first.index;
    this.motion = motion;
    this.selector = selector;
  }

  /** A new tentative track, started by its first detection. */
  static start<F extends TrackableFace>(
    serial: number,
    frame: FrameMeta,
    face: F,
    facesPerTrack: number,
    minGapSeconds: number,
  ): Track<F> {
    const track = new Track<F>(serial, frame, new BoxKalman(face.box), new FaceSelector(facesPerTrack, minGapSeconds));
    track.record(frame, face);
    return track;
  }

  /** A track in exactly the state of `snapshot`. */
  static restore<F extends TrackableFace>(snapshot: TrackSnapshot<F>): Track<F> {
    const track = new Track<F>(
      snapshot.serial,
      { pts: snapshot.firstPts, index: snapshot.firstFrame },
      BoxKalman.restore(snapshot.motion),
      FaceSelector.restore(snapshot.selector),
    );
    track.id = snapshot.id;
    track.hits = snapshot.hits;
    track.lastPts = snapshot.lastPts;
    track.lastFrame = snapshot.lastFrame;
    track.pending = snapshot.pending.slice();
    return track;
  }

  /** The state as plain data (see {@link Track.restore}). */
  snapshot(): TrackSnapshot<F> {
    return {
      serial: this.serial,
      id: this.id,
      hits: this.hits,
      firstPts: this.firstPts,
      firstFrame: this.firstFrame,
      lastPts: this.lastPts,
      lastFrame: this.lastFrame,
      motion: this.motion.snapshot(),
      selector: this.selector.snapshot(),
      pending: this.pending.slice(),
    };
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
