// Scoring detections against labels (used by the model tests and the evaluation script).
import type { Box, Point } from '@pmr/common';
import { iou } from '@pmr/common';

export interface BoxMatch {
  /** Pairs [label index, detection index, IoU], one-to-one. */
  readonly pairs: readonly (readonly [number, number, number])[];
  readonly missedLabels: readonly number[];
  readonly extraDetections: readonly number[];
}

/**
 * One-to-one matching of detections to labelled boxes: all pairs with IoU ≥ `minIou`, taken greedily from
 * the highest IoU down (each label and each detection used at most once).
 */
export function matchBoxes(labels: readonly Box[], detections: readonly Box[], minIou: number): BoxMatch {
  const all: [number, number, number][] = [];
  labels.forEach((l, i) =>
    detections.forEach((d, j) => {
      const v = iou(l, d);
      if (v >= minIou) all.push([i, j, v]);
    }),
  );
  all.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const usedL = new Set<number>();
  const usedD = new Set<number>();
  const pairs: [number, number, number][] = [];
  for (const p of all) {
    if (usedL.has(p[0]) || usedD.has(p[1])) continue;
    usedL.add(p[0]);
    usedD.add(p[1]);
    pairs.push(p);
  }
  return {
    pairs,
    missedLabels: labels.map((_, i) => i).filter((i) => !usedL.has(i)),
    extraDetections: detections.map((_, j) => j).filter((j) => !usedD.has(j)),
  };
}

export function boxContains(b: Box, p: Point): boolean {
  return p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;
}

export interface PointMatch {
  /** Detections whose box holds exactly one labelled point. */
  readonly correct: number;
  /** Detections holding no point or more than one. */
  readonly wrong: readonly number[];
  /** Labelled points not held by any correct detection. */
  readonly missedPoints: readonly number[];
}

/** Point-label scoring (CompreFace style): a detection is correct when its box holds exactly one labelled point. */
export function matchPoints(points: readonly Point[], detections: readonly Box[]): PointMatch {
  const found = new Set<number>();
  const wrong: number[] = [];
  let correct = 0;
  detections.forEach((d, j) => {
    const inside = points.map((p, i) => (boxContains(d, p) ? i : -1)).filter((i) => i >= 0);
    if (inside.length === 1) {
      correct++;
      found.add(inside[0]!);
    } else {
      wrong.push(j);
    }
  });
  return { correct, wrong, missedPoints: points.map((_, i) => i).filter((i) => !found.has(i)) };
}
