// Public data shapes of the tracker stage.

import type { Box, FaceQuality } from '@pmr/common';

/**
 * What the tracker needs from a detected face. Any richer face type (e.g. `DetectedFace` from `@pmr/common`,
 * which also carries landmarks and its 112×112 chip) passes through the tracker untouched.
 */
export interface TrackableFace {
  /** Box in pixels of the frame it was found in. */
  readonly box: Box;
  /** Detector confidence in [0, 1]; decides the high/low association pass. */
  readonly score: number;
  /** Usability for recognition; `quality.score` ranks the faces kept per track. */
  readonly quality: FaceQuality;
}

/** The frame a batch of detections comes from. Frames must be given in non-decreasing `pts`. */
export interface FrameMeta {
  /** Position of the frame among the analysed frames, from 0 (copied to the output, not used for timing). */
  readonly index: number;
  /** Presentation time in seconds; all motion prediction and ageing use differences of `pts`. */
  readonly pts: number;
  /** Frame size in pixels; predicted boxes are clipped to it before IoU with detections. */
  readonly width: number;
  readonly height: number;
}

/** A detection that belongs to a confirmed track, for the per-frame box timeline. */
export interface TrackedFace<F> {
  readonly trackId: number;
  readonly frameIndex: number;
  readonly pts: number;
  readonly face: F;
}

/** A face kept by a track for recognition / attribute analysis. */
export interface SelectedFace<F> {
  readonly frameIndex: number;
  readonly pts: number;
  readonly face: F;
}

/** A track that has ended: it died (unseen for longer than the max age) or the video ended. */
export interface FinishedTrack<F> {
  readonly trackId: number;
  /** Time and frame index of its first and last detection (coasting on prediction does not count). */
  readonly firstPts: number;
  readonly lastPts: number;
  readonly firstFrame: number;
  readonly lastFrame: number;
  /** Number of detections assigned to it. */
  readonly hits: number;
  /** Its best faces, at most `facesPerTrack`, spaced in time, in time order. */
  readonly selected: readonly SelectedFace<F>[];
  /**
   * Detections of this track never reported in any `assigned` list. Empty except for a track confirmed only
   * by `Tracker.finish()` (one still tentative when the video ended): its detections are listed here so
   * the box timeline stays complete.
   */
  readonly lateAssigned: readonly TrackedFace<F>[];
}

/** What one `Tracker.update()` returns. */
export interface TrackerUpdate<F> {
  /**
   * Detections that belong to a confirmed track, sorted by (frameIndex, trackId). Besides this frame's
   * detections it holds, once, the earlier detections of a track confirmed in this frame (retroactive entries).
   */
  readonly assigned: TrackedFace<F>[];
  /** Confirmed tracks that died at this frame (unseen for longer than the max age), by track id. */
  readonly finished: FinishedTrack<F>[];
  /**
   * This frame's faces that a track, confirmed or tentative, now keeps among its selected faces, in the order given:
   * the only faces of the frame that may later be analysed (a later face may still displace them).
   */
  readonly kept: F[];
}
