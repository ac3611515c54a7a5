// A track's box timeline to and from its pmr.v1.TimelinePoint messages (boxes as [x, y, width, height]).
import type { TimelinePoint } from '../types.ts';
import type { TimelinePoint as TimelinePointProto, TimelinePoint__Output } from './generated/pmr/v1/TimelinePoint.ts';

export function timelineToProto(points: readonly TimelinePoint[]): TimelinePointProto[] {
  return points.map((p) => ({ t: p.t, box: { x: p.box[0], y: p.box[1], width: p.box[2], height: p.box[3] } }));
}

/** A missing box reads as zeros (proto3 leaves an unset message null). */
export function timelineFromProto(points: readonly TimelinePoint__Output[]): TimelinePoint[] {
  return points.map((p) => ({
    t: p.t,
    box: [p.box?.x ?? 0, p.box?.y ?? 0, p.box?.width ?? 0, p.box?.height ?? 0] as const,
  }));
}
