// Multi-face tracker of the SORT / ByteTrack family: Kalman motion, IoU assignment in two score passes,
// tentative → confirmed tracks, ageing in seconds of video, bounded best-face selection per track.

import { clipBox, failedPrecondition, invalidArgument, type Box } from '@pmr/common';
import { associate } from './association.ts';
import { resolveTrackerOptions, type ResolvedTrackerOptions, type TrackerOptions } from './options.ts';
import { Track, type TrackSnapshot } from './track.ts';
import type { FinishedTrack, FrameMeta, TrackableFace, TrackedFace, TrackerUpdate } from './types.ts';

/**
 * A tracker's whole state as plain data (numbers, arrays, plain objects; the faces it holds are shared as they are),
 * settings included: what {@link Tracker.snapshot} returns and {@link Tracker.restore} takes. Serialisable as long as
 * the faces are (with `node:v8`, or structuredClone).
 */
export interface TrackerSnapshot<F> {
  readonly options: ResolvedTrackerOptions;
  /** Live tracks, in creation order. */
  readonly tracks: readonly TrackSnapshot<F>[];
  readonly nextSerial: number;
  readonly nextId: number;
  /** The previous frame's pts; null before the first frame. */
  readonly lastPts: number | null;
  readonly ended: boolean;
}

/**
 * Tracks faces across the analysed frames of one video. Pure logic: feed it each frame's detections in
 * time order with {@link Tracker.update}, then call {@link Tracker.finish} once at the end.
 *
 * Per frame:
 * 1. Confirmed tracks unseen for more than `maxAgeSeconds` (by `pts`) are dropped and returned in
 *    `finished`. A track unseen for exactly `maxAgeSeconds` is still alive.
 * 2. Every track's Kalman filter predicts its box over the actual time since the previous frame, so frames
 *    skipped by the decoder or missed detections (coasting) do not break the motion model.
 * 3. Detections with `score ≥ highScore` are matched (cost 1 − IoU of the boxes clipped to the frame,
 *    optimal assignment, pairs allowed at IoU ≥ `iouGate`) to the confirmed tracks, whether seen last frame
 *    or coasting; the ones left over are then matched to tentative tracks, so a fresh tentative track cannot
 *    take a detection from an established one.
 * 4. Detections with `lowScore ≤ score < highScore` are matched to the confirmed tracks still unmatched.
 *    They only continue confirmed tracks: they never start a track nor help confirm a tentative one.
 * 5. Each high-score detection still unmatched starts a tentative track. A tentative track must be matched
 *    by a high-score detection in every following analysed frame (as in ByteTrack; no coasting) and is
 *    discarded silently at its first miss. It is confirmed when it has `minHits` detections; it then gets the
 *    next id (1, 2, … in order of confirmation; tracks confirmed in the same frame are numbered in order of
 *    creation, i.e. detection order) and its earlier detections are reported retroactively in `assigned`.
 *
 * Short clips: at {@link Tracker.finish}, the tentative tracks still alive — those matched in the last frame,
 * which the end of the video cut short before they could gather `minHits` detections — are confirmed and
 * reported. So a face seen in a single frame of a one-frame clip, or first seen in the last frame(s) of a
 * video, is reported; a face seen once and then missed in the next analysed frame is not. Their detections,
 * never listed in `assigned`, come in their `lateAssigned`.
 *
 * Every track offers each of its detections to a `FaceSelector`: it keeps at most `facesPerTrack` faces,
 * ranked by `quality.score`, at least `minSelectionGapSeconds` apart, so memory per track is bounded whatever
 * its length; `update` names the faces of its frame that were kept. Everything is deterministic for the same input.
 *
 * Checkpoints: {@link Tracker.snapshot} after any call and {@link Tracker.restore} give a tracker that goes on exactly
 * as the original would, for the same further input.
 */
export class Tracker<F extends TrackableFace> {
  private readonly options: ResolvedTrackerOptions;
  /** Live tracks, in creation order. */
  private tracks: Track<F>[] = [];
  private nextSerial = 1;
  private nextId = 1;
  private lastPts: number | undefined;
  private ended = false;

  /** @throws PmrError INVALID_ARGUMENT when an option is out of range. */
  constructor(options: TrackerOptions = {}) {
    this.options = resolveTrackerOptions(options);
  }

  /**
   * A tracker in exactly the state of `snapshot`, with its settings.
   * @throws PmrError INVALID_ARGUMENT when the snapshot's settings are out of range.
   */
  static restore<F extends TrackableFace>(snapshot: TrackerSnapshot<F>): Tracker<F> {
    const tracker = new Tracker<F>(snapshot.options);
    tracker.tracks = snapshot.tracks.map((t) => Track.restore(t));
    tracker.nextSerial = snapshot.nextSerial;
    tracker.nextId = snapshot.nextId;
    tracker.lastPts = snapshot.lastPts ?? undefined;
    tracker.ended = snapshot.ended;
    return tracker;
  }

  /** The whole state as plain data, copied except for the faces (see {@link TrackerSnapshot}). */
  snapshot(): TrackerSnapshot<F> {
    return {
      options: { ...this.options },
      tracks: this.tracks.map((t) => t.snapshot()),
      nextSerial: this.nextSerial,
      nextId: this.nextId,
      lastPts: this.lastPts ?? null,
      ended: this.ended,
    };
  }

  /** The settings in use, defaults filled in. */
  get settings(): ResolvedTrackerOptions {
    return this.options;
  }

  /** Number of live tracks, tentative ones included. */
  get liveTracks(): number {
    return this.tracks.length;
  }

  /** Number of faces the live tracks hold in total (selections plus tentative detections); bounded. */
  get heldFaces(): number {
    return this.tracks.reduce((n, t) => n + t.heldFaces, 0);
  }

  /**
   * Process the detections of one frame. Faces with an empty box (width or height ≤ 0) cannot be tracked and
   * are ignored, as are faces scoring below `lowScore`.
   * @throws PmrError INVALID_ARGUMENT on a malformed frame or face, or a `pts` earlier than the previous frame's;
   *   FAILED_PRECONDITION after {@link Tracker.finish}.
   */
  update(frame: FrameMeta, faces: readonly F[]): TrackerUpdate<F> {
    if (this.ended) throw failedPrecondition('tracker.update called after finish()');
    checkFrame(frame, this.lastPts);
    faces.forEach(checkFace);
    const dt = this.lastPts === undefined ? 0 : frame.pts - this.lastPts;
    this.lastPts = frame.pts;
    const o = this.options;

    const finished: FinishedTrack<F>[] = [];
    this.tracks = this.tracks.filter((t) => {
      if (!t.confirmed || frame.pts - t.lastPts <= o.maxAgeSeconds) return true;
      finished.push(t.finished());
      return false;
    });
    for (const t of this.tracks) t.predict(dt);

    const usable = faces.filter((f) => f.box.width > 0 && f.box.height > 0);
    const high = usable.filter((f) => f.score >= o.highScore);
    const low = usable.filter((f) => f.score >= o.lowScore && f.score < o.highScore);
    const confirmed = this.tracks.filter((t) => t.confirmed);
    const tentative = this.tracks.filter((t) => !t.confirmed);
    const pairs: { track: Track<F>; face: F }[] = [];
    const clip = (b: Box): Box => clipBox(b, frame.width, frame.height);
    const pass = (tracks: readonly Track<F>[], dets: readonly F[]): { tracks: Track<F>[]; dets: F[] } => {
      const a = associate(
        tracks.map((t) => clip(t.box())),
        dets.map((d) => clip(d.box)),
        o.iouGate,
      );
      for (const m of a.matches) pairs.push({ track: pick(tracks, m.track), face: pick(dets, m.detection) });
      return {
        tracks: a.unmatchedTracks.map((i) => pick(tracks, i)),
        dets: a.unmatchedDetections.map((i) => pick(dets, i)),
      };
    };
    const first = pass(confirmed, high);
    const fresh = pass(tentative, first.dets).dets;
    pass(first.tracks, low);

    const assigned: TrackedFace<F>[] = [];
    const kept: F[] = [];
    for (const { track, face } of pairs) {
      if (track.hit(frame, face)) kept.push(face);
      if (track.confirmed) assigned.push({ trackId: track.id, frameIndex: frame.index, pts: frame.pts, face });
    }
    const hitNow = new Set(pairs.map((p) => p.track));
    this.tracks = this.tracks.filter((t) => t.confirmed || hitNow.has(t));
    for (const face of fresh) {
      this.tracks.push(Track.start(this.nextSerial++, frame, face, o.facesPerTrack, o.minSelectionGapSeconds));
      kept.push(face); // a new track keeps its first face
    }
    for (const t of this.tracks) {
      if (!t.confirmed && t.hits >= o.minHits) assigned.push(...t.confirm(this.nextId++));
    }
    assigned.sort((a, b) => a.frameIndex - b.frameIndex || a.trackId - b.trackId);
    finished.sort((a, b) => a.trackId - b.trackId);
    return { assigned, finished, kept: faces.filter((f) => kept.includes(f)) };
  }

  /**
   * A scene cut: nothing on screen before it continues after it. Ends every live track exactly as {@link finish}
   * does (tentative tracks matched in the last frame are confirmed), but the tracker goes on and ids keep counting.
   */
  cut(): FinishedTrack<F>[] {
    if (this.ended) throw failedPrecondition('tracker.cut called after finish()');
    const out: FinishedTrack<F>[] = [];
    for (const t of this.tracks) if (t.confirmed) out.push(t.finished());
    for (const t of this.tracks) if (!t.confirmed) out.push(t.finished(t.confirm(this.nextId++)));
    this.tracks = [];
    return out.sort((a, b) => a.trackId - b.trackId);
  }

  /**
   * End of video: return every live confirmed track, plus the tentative tracks matched in the last frame
   * (confirmed now, see the class notes), sorted by track id. Further `update` calls throw; a second `finish` returns [].
   */
  finish(): FinishedTrack<F>[] {
    if (this.ended) return [];
    const out = this.cut();
    this.ended = true;
    return out;
  }
}

function pick<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new RangeError(`index ${i} out of range`);
  return item;
}

function checkFrame(frame: FrameMeta, lastPts: number | undefined): void {
  if (!Number.isInteger(frame.index) || frame.index < 0)
    throw invalidArgument(`frame.index must be an integer ≥ 0, got ${frame.index}`);
  if (!Number.isFinite(frame.pts)) throw invalidArgument(`frame.pts must be finite, got ${frame.pts}`);
  if (lastPts !== undefined && frame.pts < lastPts) {
    throw invalidArgument(`frames must come in time order: pts ${frame.pts} after ${lastPts}`);
  }
  if (!(frame.width > 0 && frame.height > 0))
    throw invalidArgument(`frame size must be positive, got ${frame.width}x${frame.height}`);
}

function checkFace(f: TrackableFace, i: number): void {
  const { x, y, width, height } = f.box;
  if (![x, y, width, height, f.score, f.quality.score].every(Number.isFinite)) {
    throw invalidArgument(`face ${i}: box, score and quality.score must be finite numbers`);
  }
}
