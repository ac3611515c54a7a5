// Tracker settings: documented defaults and validation.

import { invalidArgument } from '@pmr/common';

/** Settings of a `Tracker`; every field is optional and has a documented default. */
export interface TrackerOptions {
  /**
   * Detections scoring at least this take part in the first association pass and may start tracks
   * (default 0.6, the YuNet detection threshold that worked in the model sanity check).
   */
  highScore?: number;
  /**
   * Detections scoring in [lowScore, highScore) only continue confirmed tracks in the second pass; below
   * lowScore they are ignored (default 0.3). The detector must be run with a threshold ≤ lowScore for the
   * second pass to see anything; with lowScore = highScore it is off.
   */
  lowScore?: number;
  /** Minimum IoU between a predicted track box and a detection for them to be matched (default 0.3). */
  iouGate?: number;
  /**
   * How long a track survives without detections, coasting on its motion prediction, in seconds of video
   * (default 1). A track unseen for longer is finished; a face coming back later gets a new id.
   * (Tentative tracks do not coast: they are dropped at their first missed frame.)
   */
  maxAgeSeconds?: number;
  /** Detections needed before a tentative track is confirmed and gets an id (default 2). */
  minHits?: number;
  /** Most faces kept per track for recognition / attributes (default 5). */
  facesPerTrack?: number;
  /** Minimum time between two kept faces of a track, in seconds (default 0.5). */
  minSelectionGapSeconds?: number;
}

/** {@link TrackerOptions} with every default filled in. */
export type ResolvedTrackerOptions = Readonly<Required<TrackerOptions>>;

export const DEFAULT_TRACKER_OPTIONS: ResolvedTrackerOptions = {
  highScore: 0.6,
  lowScore: 0.3,
  iouGate: 0.3,
  maxAgeSeconds: 1,
  minHits: 2,
  facesPerTrack: 5,
  minSelectionGapSeconds: 0.5,
};

/** Fill defaults and check ranges; throws an INVALID_ARGUMENT `PmrError` naming the first bad field. */
export function resolveTrackerOptions(options: TrackerOptions = {}): ResolvedTrackerOptions {
  const o: ResolvedTrackerOptions = {
    highScore: options.highScore ?? DEFAULT_TRACKER_OPTIONS.highScore,
    lowScore: options.lowScore ?? DEFAULT_TRACKER_OPTIONS.lowScore,
    iouGate: options.iouGate ?? DEFAULT_TRACKER_OPTIONS.iouGate,
    maxAgeSeconds: options.maxAgeSeconds ?? DEFAULT_TRACKER_OPTIONS.maxAgeSeconds,
    minHits: options.minHits ?? DEFAULT_TRACKER_OPTIONS.minHits,
    facesPerTrack: options.facesPerTrack ?? DEFAULT_TRACKER_OPTIONS.facesPerTrack,
    minSelectionGapSeconds: options.minSelectionGapSeconds ?? DEFAULT_TRACKER_OPTIONS.minSelectionGapSeconds,
  };
  inRange('highScore', o.highScore, 0, 1);
  inRange('lowScore', o.lowScore, 0, o.highScore);
  if (!(o.iouGate > 0 && o.iouGate <= 1)) throw invalidArgument(`iouGate must be in (0, 1], got ${o.iouGate}`);
  inRange('maxAgeSeconds', o.maxAgeSeconds, 0, Number.MAX_VALUE);
  positiveInteger('minHits', o.minHits);
  positiveInteger('facesPerTrack', o.facesPerTrack);
  inRange('minSelectionGapSeconds', o.minSelectionGapSeconds, 0, Number.MAX_VALUE);
  return o;
}

function inRange(name: string, value: number, low: number, high: number): void {
  if (!(Number.isFinite(value) && value >= low && value <= high)) {
    throw invalidArgument(`${name} must be a number in [${low}, ${high}], got ${value}`);
  }
}

function positiveInteger(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1)) throw invalidArgument(`${name} must be an integer ≥ 1, got ${value}`);
}
