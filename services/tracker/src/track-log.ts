// Per-track bookkeeping while a video is analysed: first/last seen, detection count and a sampled box timeline.

import type { Box, TimelinePoint } from '@pmr/common';

export type { TimelinePoint } from '@pmr/common';
import type { FrameSpan } from './frame-times.ts';

export interface TrackRecord {
  firstSeen: number;
  lastSeen: number;
  firstFrame: number;
  lastFrame: number;
  detections: number;
  timeline: TimelinePoint[];
  /** The newest point not yet in the timeline, kept so the timeline always ends at the last detection. */
  tail: TimelinePoint | null;
}

/** A {@link TrackLog}'s whole state as plain data: its interval and each open track's record, by track id. */
export interface TrackLogSnapshot {
  readonly interval: number;
  readonly tracks: ReadonlyArray<readonly [trackId: number, record: TrackRecord]>;
}

/** A copy of a record that shares nothing mutable with it (timeline points are never changed once made). */
const copyRecord = (rec: TrackRecord): TrackRecord => ({ ...rec, timeline: rec.timeline.slice() });

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export class TrackLog {
  readonly #tracks = new Map<number, TrackRecord>();
  readonly #interval: number;

  /** @param interval seconds between timeline samples (0 keeps every analysed frame). */
  constructor(interval: number) {
    this.#interval = interval;
  }

  /** A log in exactly the state of `snapshot`. */
  static restore(snapshot: TrackLogSnapshot): TrackLog {
    const log = new TrackLog(snapshot.interval);
    for (const [trackId, rec] of snapshot.tracks) log.#tracks.set(trackId, copyRecord(rec));
    return log;
  }

  /** The state as plain data, copied (see {@link TrackLog.restore}). */
  snapshot(): TrackLogSnapshot {
    return { interval: this.#interval, tracks: [...this.#tracks].map(([id, rec]) => [id, copyRecord(rec)] as const) };
  }

  record(trackId: number, span: FrameSpan, box: Box): void {
    const point: TimelinePoint = { t: r3(span.pts), box: [r1(box.x), r1(box.y), r1(box.width), r1(box.height)] };
    let rec = this.#tracks.get(trackId);
    if (rec === undefined) {
      rec = {
        firstSeen: span.pts,
        lastSeen: span.end,
        firstFrame: span.sourceFirst,
        lastFrame: span.sourceLast,
        detections: 0,
        timeline: [point],
        tail: null,
      };
      this.#tracks.set(trackId, rec);
    } else {
      const last = rec.timeline.at(-1)!;
      if (span.pts - last.t >= this.#interval) {
        rec.timeline.push(point);
        rec.tail = null;
      } else {
        rec.tail = point;
      }
      rec.firstSeen = Math.min(rec.firstSeen, span.pts);
      rec.firstFrame = Math.min(rec.firstFrame, span.sourceFirst);
      rec.lastSeen = Math.max(rec.lastSeen, span.end);
      rec.lastFrame = Math.max(rec.lastFrame, span.sourceLast);
    }
    rec.detections++;
  }

  /** Remove and return a track's record, its timeline closed with the last detection. */
  take(trackId: number): TrackRecord | undefined {
    const rec = this.#tracks.get(trackId);
    if (rec === undefined) return undefined;
    this.#tracks.delete(trackId);
    if (rec.tail !== null) rec.timeline.push(rec.tail);
    rec.tail = null;
    return rec;
  }
}
