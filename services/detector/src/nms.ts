import { iou } from '@pmr/common';
import type { FaceCandidate } from './candidate.ts';

/**
 * Greedy non-maximum suppression: take candidates by descending score and drop every later one whose IoU with
 * a kept candidate is above `iouThreshold`. Returns the kept candidates, highest score first (ties keep input order).
 */
export function nms<T extends FaceCandidate>(candidates: readonly T[], iouThreshold: number): T[] {
  const order = candidates.map((_, i) => i).sort((a, b) => candidates[b]!.score - candidates[a]!.score || a - b);
  const kept: T[] = [];
  for (const i of order) {
    const c = candidates[i]!;
    if (kept.every((k) => iou(k.box, c.box) <= iouThreshold)) kept.push(c);
  }
  return kept;
}
