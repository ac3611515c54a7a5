// Public API of the tracker stage: pure multi-face tracking (no models, no I/O).

export { Tracker, type TrackerSnapshot } from './tracker.ts';
export type { TrackSnapshot } from './track.ts';
export {
  DEFAULT_TRACKER_OPTIONS,
  resolveTrackerOptions,
  type ResolvedTrackerOptions,
  type TrackerOptions,
} from './options.ts';
export type { FinishedTrack, FrameMeta, SelectedFace, TrackableFace, TrackedFace, TrackerUpdate } from './types.ts';
export {
  BoxKalman,
  DEFAULT_KALMAN_NOISE,
  predictAxis,
  updateAxis,
  type AxisState,
  type KalmanNoise,
  type KalmanSnapshot,
} from './kalman.ts';
export { solveAssignment, solveGatedAssignment, type CostMatrix, type Match } from './assignment.ts';
export { associate, associateCosts, iouCostMatrix, type Association } from './association.ts';
export { bestFace, FaceSelector, type Candidate, type FaceSelectorSnapshot } from './face-selector.ts';
export { TrackLog, type TimelinePoint, type TrackLogSnapshot, type TrackRecord } from './track-log.ts';
export { FrameTimes, type FrameSpan, type FrameTimesSnapshot } from './frame-times.ts';
