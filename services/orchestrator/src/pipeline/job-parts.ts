// What the orchestrator keeps of a running distributed job, as job-store parts (JSON), and how the parts become
// the job's result. The single parts' keys (photos, gallery, decode-requested, decoded, tracked) begin no other key, so
// getParts(jobId, key) reads just that part. Pure: results in, parts out; parts in, track evidence and the video
// summary out.
//
//   photos             the index of the gallery photos StartVideoJob carried: each one's person and name
//   photo/<n>          photo n's bytes (base64), kept for enrolment (also after a restart); see job-gallery.ts
//   gallery            the enrolled gallery: templates per person, and the enrolment summary
//   decode-requested   the DecodeJob was published
//   decoded            the decoder's video summary
//   tracked            the tracker's last word: how many tracks, frames and detections
//   track/<id>         a finished track's summary (span, timeline, best chip)
//   embeddings/<id>    its selected faces' embeddings and qualities
//   attributes/<id>    its best faces' attributes and weights
//   warning/<key>      a warning already added to the job (so a redelivery adds it once)
import type { FaceAttributes } from '@pmr/common';
import { attributesFromMessage } from '@pmr/attributes/messages';
import type { PipelineResult__Output } from '@pmr/common/proto/generated/pmr/v1/PipelineResult.ts';
import { timelineFromProto } from '@pmr/common/proto';
import type { JobStore, JsonValue } from '@pmr/store';
import type { TrackEvidence } from '@pmr/results';
import type { GallerySummary, TimelinePoint, VideoSummary } from '@pmr/results';

export interface TrackPart {
  readonly trackId: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly firstFrame: number;
  readonly lastFrame: number;
  readonly detections: number;
  readonly quality: number;
  readonly timeline: readonly TimelinePoint[];
  readonly bestChip: { readonly width: number; readonly height: number; readonly base64: string };
}

export interface TrackedPart {
  readonly tracks: number;
  readonly analysedFrames: number;
  readonly detections: number;
}

export interface EmbeddingsPart {
  readonly faces: ReadonlyArray<{ readonly values: readonly number[]; readonly quality: number }>;
}

export interface AttributesPart {
  readonly faces: ReadonlyArray<{ readonly attributes: FaceAttributes; readonly weight: number }>;
}

export interface GalleryPart {
  readonly persons: ReadonlyArray<{ readonly name: string; readonly templates: ReadonlyArray<readonly number[]> }>;
  readonly summary: GallerySummary;
}

/** What one pipeline result changes. */
export type ResultEffect =
  | { readonly kind: 'part'; readonly key: string; readonly value: JsonValue }
  | { readonly kind: 'warning'; readonly key: string; readonly code: string; readonly message: string }
  | { readonly kind: 'failure'; readonly code: string; readonly message: string }
  | {
      readonly kind: 'progress';
      readonly framesDecoded?: number;
      readonly framesTotal?: number;
      readonly framesAnalysed?: number;
    }
  | { readonly kind: 'none' };

/** The parts a job keeps under one key each, and what each holds. */
export interface JobPartValues {
  readonly gallery: GalleryPart;
  readonly 'decode-requested': true;
  readonly decoded: VideoSummary;
  readonly tracked: TrackedPart;
}

/** The parts a job keeps per track (`<prefix>/<track id>`), and what each holds. */
export interface TrackPartValues {
  readonly track: TrackPart;
  readonly embeddings: EmbeddingsPart;
  readonly attributes: AttributesPart;
}

// Parts are JSON in the store: these two are the only places a part's type is given up and taken back. Every part is
// written through effectOf or putJobPart and read through the accessors below, so what is read is what was written.
const json = (value: JobPartValues[keyof JobPartValues] | TrackPartValues[keyof TrackPartValues]): JsonValue =>
  value as unknown as JsonValue;
const typed = <T>(value: JsonValue): T => value as unknown as T;

/** The value of a single part as stored under `key`. */
export function jobPartValue<K extends keyof JobPartValues>(_key: K, value: JsonValue): JobPartValues[K] {
  return typed<JobPartValues[K]>(value);
}

/** The value of a per-track part stored under `<prefix>/<id>`. */
export function trackPartValue<P extends keyof TrackPartValues>(_prefix: P, value: JsonValue): TrackPartValues[P] {
  return typed<TrackPartValues[P]>(value);
}

/** The job's part `key`, or undefined when it is not stored (yet). */
export async function readJobPart<K extends keyof JobPartValues>(
  store: Pick<JobStore, 'getParts'>,
  jobId: string,
  key: K,
): Promise<JobPartValues[K] | undefined> {
  const part = (await store.getParts(jobId, key)).find((p) => p.key === key);
  return part === undefined ? undefined : jobPartValue(key, part.value);
}

/** Stores the job's part `key` (the first write wins: false when it was stored already). */
export function putJobPart<K extends keyof JobPartValues>(
  store: Pick<JobStore, 'putPart'>,
  jobId: string,
  key: K,
  value: JobPartValues[K],
): Promise<boolean> {
  return store.putPart(jobId, key, json(value));
}

/** @throws PmrError INVALID_ARGUMENT for a result whose content cannot be read. */
export function effectOf(result: PipelineResult__Output, msgId: string | undefined): ResultEffect {
  switch (result.result) {
    case 'decodeEnded': {
      const v = result.decodeEnded?.video;
      if (v === null || v === undefined) return { kind: 'none' };
      const video: VideoSummary = {
        path: v.source,
        width: v.width,
        height: v.height,
        fps: v.fps,
        duration: v.duration,
        frames: v.frames,
        analysedFrames: v.analysedFrames,
        complete: v.complete,
        ...(v.error !== '' && { error: v.error }),
      };
      return { kind: 'part', key: 'decoded', value: json(video) };
    }
    case 'track': {
      const t = result.track!;
      const part: TrackPart = {
        trackId: t.trackId,
        firstSeen: t.firstSeen,
        lastSeen: t.lastSeen,
        firstFrame: t.frames?.first ?? 0,
        lastFrame: t.frames?.last ?? 0,
        detections: t.frames?.detections ?? 0,
        quality: t.quality,
        timeline: timelineFromProto(t.timeline),
        bestChip: {
          width: t.bestChip?.width ?? 0,
          height: t.bestChip?.height ?? 0,
          base64: Buffer.from(t.bestChip?.data ?? new Uint8Array()).toString('base64'),
        },
      };
      return { kind: 'part', key: `track/${t.trackId}`, value: json(part) };
    }
    case 'trackingDone': {
      const d = result.trackingDone!;
      const part: TrackedPart = { tracks: d.tracks, analysedFrames: d.analysedFrames, detections: d.detections };
      return { kind: 'part', key: 'tracked', value: json(part) };
    }
    case 'embeddings': {
      const e = result.embeddings!;
      const part: EmbeddingsPart = {
        faces: e.faces.map((f) => ({ values: f.embedding?.values ?? [], quality: f.quality })),
      };
      return { kind: 'part', key: `embeddings/${e.trackId}`, value: json(part) };
    }
    case 'attributes': {
      const a = result.attributes!;
      const part: AttributesPart = {
        faces: a.faces.map((f, i) => {
          if (f.attributes === null) throw new TypeError(`attributes.faces[${i}] has no attributes`);
          return { attributes: attributesFromMessage(f.attributes), weight: f.weight };
        }),
      };
      return { kind: 'part', key: `attributes/${a.trackId}`, value: json(part) };
    }
    case 'warning':
      return {
        kind: 'warning',
        key: `warning/${msgId ?? result.warning?.message ?? ''}`,
        code: result.warning?.code ?? 'UNKNOWN',
        message: result.warning?.message ?? '',
      };
    case 'failure':
      return { kind: 'failure', code: result.failure?.code ?? 'UNKNOWN', message: result.failure?.message ?? '' };
    case 'progress': {
      const p = result.progress!;
      return {
        kind: 'progress',
        ...(p.framesDecoded > 0 && { framesDecoded: p.framesDecoded }),
        ...(p.framesTotal > 0 && { framesTotal: p.framesTotal }),
        ...(p.framesAnalysed > 0 && { framesAnalysed: p.framesAnalysed }),
      };
    }
    case undefined:
      return { kind: 'none' };
  }
}

export interface CollectedJob {
  readonly video: VideoSummary;
  readonly tracked: TrackedPart;
  readonly evidence: readonly TrackEvidence[];
}

/** The job's evidence when every piece is in (the decoder's summary, the tracker's count, and each track's three parts); else null. */
export function collectJob(
  parts: ReadonlyArray<{ readonly key: string; readonly value: JsonValue }>,
): CollectedJob | null {
  const byKey = new Map(parts.map((p) => [p.key, p.value]));
  const single = <K extends keyof JobPartValues>(key: K): JobPartValues[K] | undefined => {
    const value = byKey.get(key);
    return value === undefined ? undefined : jobPartValue(key, value);
  };
  const perTrack = <P extends keyof TrackPartValues>(prefix: P, trackId: number): TrackPartValues[P] | undefined => {
    const value = byKey.get(`${prefix}/${trackId}`);
    return value === undefined ? undefined : trackPartValue(prefix, value);
  };
  const video = single('decoded');
  const tracked = single('tracked');
  if (video === undefined || tracked === undefined) return null;
  const tracks = parts.filter((p) => p.key.startsWith('track/')).map((p) => trackPartValue('track', p.value));
  if (tracks.length < tracked.tracks) return null;
  const evidence: TrackEvidence[] = [];
  for (const t of tracks.toSorted((a, b) => a.trackId - b.trackId)) {
    const embeddings = perTrack('embeddings', t.trackId);
    const attributes = perTrack('attributes', t.trackId);
    if (embeddings === undefined || attributes === undefined) return null;
    evidence.push({
      trackId: t.trackId,
      record: {
        firstSeen: t.firstSeen,
        lastSeen: t.lastSeen,
        firstFrame: t.firstFrame,
        lastFrame: t.lastFrame,
        detections: t.detections,
        timeline: [...t.timeline],
      },
      embedded: embeddings.faces.map((f) => ({ embedding: Float32Array.from(f.values), quality: f.quality })),
      described: attributes.faces,
      best: {
        quality: t.quality,
        chip: { width: t.bestChip.width, height: t.bestChip.height, data: Buffer.from(t.bestChip.base64, 'base64') },
      },
    });
  }
  return { video, tracked, evidence };
}
