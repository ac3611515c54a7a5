// Associating predicted track boxes with detected boxes: cost 1 − IoU, optimal assignment, IoU gate.

import { iou, type Box } from '@pmr/common';
import { solveGatedAssignment, type CostMatrix } from './assignment.ts';

/** Result of one association pass; indices refer to the arrays passed in. */
export interface Association {
  /** Matched (track index, detection index) pairs, sorted by track index. */
  readonly matches: readonly { readonly track: number; readonly detection: number }[];
  /** Track indices left unmatched, ascending. */
  readonly unmatchedTracks: readonly number[];
  /** Detection indices left unmatched, ascending. */
  readonly unmatchedDetections: readonly number[];
}

/** The (tracks × detections) matrix of 1 − IoU. */
export function iouCostMatrix(tracks: readonly Box[], detections: readonly Box[]): number[][] {
  return tracks.map((t) => detections.map((d) => 1 - iou(t, d)));
}

/**
 * Match tracks to detections minimising the total 1 − IoU, allowing only pairs with IoU ≥ `iouGate`
 * (see {@link solveGatedAssignment} for how the gate prices leaving a pair unmatched).
 */
export function associate(tracks: readonly Box[], detections: readonly Box[], iouGate: number): Association {
  return associateCosts(iouCostMatrix(tracks, detections), tracks.length, detections.length, 1 - iouGate);
}

/** As {@link associate}, from a ready cost matrix with an upper cost limit. */
export function associateCosts(
  cost: CostMatrix,
  trackCount: number,
  detectionCount: number,
  maxCost: number,
): Association {
  const matches = trackCount > 0 && detectionCount > 0 ? solveGatedAssignment(cost, maxCost) : [];
  const trackUsed = new Uint8Array(trackCount);
  const detUsed = new Uint8Array(detectionCount);
  for (const m of matches) {
    trackUsed[m.row] = 1;
    detUsed[m.col] = 1;
  }
  return {
    matches: matches.map((m) => ({ track: m.row, detection: m.col })),
    unmatchedTracks: indicesWhere(trackUsed, 0),
    unmatchedDetections: indicesWhere(detUsed, 0),
  };
}

function indicesWhere(flags: Uint8Array, value: number): number[] {
  const out: number[] = [];
  flags.forEach((f, i) => {
    if (f === value) out.push(i);
  });
  return out;
}
