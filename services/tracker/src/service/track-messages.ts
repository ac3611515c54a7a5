// TrackerService messages to the tracker stage's shapes and back. Pure. A received face travels through the
// tracker untouched (as `message`), so the assigned and selected faces go back exactly as they came.
import { invalidArgument } from '@pmr/common';
import type { TrackerOptions } from '../options.ts';
import type { FinishedTrack, TrackableFace, TrackedFace } from '../types.ts';
import type {
  DetectedFaceMessage,
  FinishedTrackMessage,
  TrackerSettings__Output,
  TrackFaceMessage,
} from './common-bridge.ts';

/** A received face as the tracker sees it. */
export interface WireFace extends TrackableFace {
  readonly message: DetectedFaceMessage;
}

/** Settings as tracker options; unset fields stay unset (the tracker's defaults). Ranges are checked by the tracker. */
export function settingsToOptions(settings: TrackerSettings__Output | null): TrackerOptions {
  if (settings === null) return {};
  const out: TrackerOptions = {};
  if (settings.highScore !== undefined) out.highScore = settings.highScore;
  if (settings.lowScore !== undefined) out.lowScore = settings.lowScore;
  if (settings.iouGate !== undefined) out.iouGate = settings.iouGate;
  if (settings.maxAgeSeconds !== undefined) out.maxAgeSeconds = settings.maxAgeSeconds;
  if (settings.minHits !== undefined) out.minHits = settings.minHits;
  if (settings.facesPerTrack !== undefined) out.facesPerTrack = settings.facesPerTrack;
  if (settings.minSelectionGapSeconds !== undefined) out.minSelectionGapSeconds = settings.minSelectionGapSeconds;
  return out;
}

/** @throws PmrError INVALID_ARGUMENT when the face lacks its box or quality (`field` names it). */
export function wireFace(message: DetectedFaceMessage, field: string): WireFace {
  const { box, quality } = message;
  if (box === null) throw invalidArgument(`${field}.box is required`);
  if (quality === null) throw invalidArgument(`${field}.quality is required`);
  return {
    box: { x: box.x, y: box.y, width: box.width, height: box.height },
    score: message.score,
    quality: {
      score: quality.score,
      detector: quality.detector,
      size: quality.size,
      sharpness: quality.sharpness,
      frontalness: quality.frontalness,
    },
    message,
  };
}

export function trackedToMessage(jobId: string, t: TrackedFace<WireFace>): TrackFaceMessage {
  return { jobId, trackId: t.trackId, frameIndex: t.frameIndex, pts: t.pts, face: t.face.message };
}

export function finishedToMessage(jobId: string, t: FinishedTrack<WireFace>): FinishedTrackMessage {
  return {
    jobId,
    trackId: t.trackId,
    firstPts: t.firstPts,
    lastPts: t.lastPts,
    firstFrame: t.firstFrame,
    lastFrame: t.lastFrame,
    hits: t.hits,
    selected: t.selected.map((s) => ({
      jobId,
      trackId: t.trackId,
      frameIndex: s.frameIndex,
      pts: s.pts,
      face: s.face.message,
    })),
    lateAssigned: t.lateAssigned.map((a) => trackedToMessage(jobId, a)),
  };
}
