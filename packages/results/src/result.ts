// The JSON document `pmr analyze` prints. README.md documents every field; keep the two in step.
import type { Expression, Gender } from '@pmr/common';

export interface VideoSummary {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  /** Seconds from the start of the file to the end of the video, on the same clock as the track times. */
  readonly duration: number;
  /** Source frames decoded. */
  readonly frames: number;
  /** Frames analysed after the analysis rate and similar-frame skipping. */
  readonly analysedFrames: number;
  /** False when decoding stopped early (a truncated or corrupt file); the results cover what was decoded. */
  readonly complete: boolean;
  readonly error?: string;
}

export type { TimelinePoint } from '@pmr/tracker';
import type { TimelinePoint } from '@pmr/tracker';

export interface TrackAttributesJson {
  readonly expression: {
    readonly value: Expression;
    readonly confidence: number;
    readonly shares: Readonly<Partial<Record<Expression, number>>>;
  } | null;
  readonly age: { readonly value: number; readonly low: number; readonly high: number } | null;
  readonly gender: { readonly value: Gender; readonly confidence: number } | null;
}

export interface TrackJson {
  readonly id: number;
  /** The gallery name, or `unknown-N` (unknown tracks of the same stranger share N). */
  readonly label: string;
  readonly identity: { readonly name: string | null; readonly similarity: number };
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Source frames the track covers and analysed frames it was detected in. */
  readonly frames: { readonly first: number; readonly last: number; readonly detections: number };
  /** Faces of this track that were embedded (the best three of them also get expression, age and gender). */
  readonly facesAnalysed: number;
  /** Quality (0–1) of the track's best face: detector score, size, sharpness and frontalness combined. */
  readonly quality: number;
  readonly attributes: TrackAttributesJson;
  readonly timeline: readonly TimelinePoint[];
  /** Best-quality aligned face of the track, a 112×112 JPEG as a data URL. */
  readonly bestShot: string;
}

export interface PersonJson {
  readonly label: string;
  readonly name: string | null;
  readonly tracks: readonly number[];
  /** Seconds on screen: the union of the person's track intervals. */
  readonly screenTime: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
}

export interface GallerySummary {
  readonly persons: number;
  readonly accepted: number;
  readonly rejected: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
}

export interface AnalysisStats {
  readonly detections: number;
  /** Faces embedded for recognition, and faces given expression, age and gender (the best few of each track). */
  readonly embeddings: number;
  readonly attributeFaces: number;
  readonly elapsedSeconds: number;
  /** Milliseconds spent in each stage (embedding and attributes overlap detection, so they can sum past elapsed). */
  readonly stageMs: Readonly<Record<'decode' | 'detect' | 'track' | 'embed' | 'attributes', number>>;
  /** Peak resident memory of the process so far, in MB. */
  readonly peakRssMB: number;
}

export interface AnalysisResult {
  readonly video: VideoSummary;
  readonly gallery: GallerySummary | null;
  readonly tracks: readonly TrackJson[];
  readonly persons: readonly PersonJson[];
  readonly stats: AnalysisStats;
}
