// Decoding of SCRFD's 9 output tensors (score/bbox/kps per stride, 2 anchors per cell) into face candidates
// in network-input pixels, following MODELS.md (InsightFace scrfd.py post-processing).
import { makeLandmarks, requireOutput, STRIDES, type FaceCandidate, type OutputMap } from './candidate.ts';

export const SCRFD_ANCHORS_PER_CELL = 2;

/**
 * For each stride s and anchor index i (cell = floor(i/2), anchor centre (ax, ay) = ((cell % cols)·s, floor(cell/cols)·s)):
 * box corners = (ax − d0·s, ay − d1·s, ax + d2·s, ay + d3·s); landmark n = (ax + k_2n·s, ay + k_2n+1·s).
 * Scores are already probabilities; candidates below `scoreThreshold` are dropped.
 */
export function decodeScrfd(
  outputs: OutputMap,
  inputWidth: number,
  inputHeight: number,
  scoreThreshold: number,
): FaceCandidate[] {
  const found: FaceCandidate[] = [];
  for (const s of STRIDES) {
    const cols = inputWidth / s;
    const n = (inputHeight / s) * cols * SCRFD_ANCHORS_PER_CELL;
    const score = requireOutput(outputs, `score_${s}`, n);
    const bbox = requireOutput(outputs, `bbox_${s}`, n * 4);
    const kps = requireOutput(outputs, `kps_${s}`, n * 10);
    for (let i = 0; i < n; i++) {
      const p = score[i]!;
      if (p < scoreThreshold) continue;
      const cell = Math.floor(i / SCRFD_ANCHORS_PER_CELL);
      const ax = (cell % cols) * s;
      const ay = Math.floor(cell / cols) * s;
      const x1 = ax - bbox[i * 4]! * s;
      const y1 = ay - bbox[i * 4 + 1]! * s;
      const x2 = ax + bbox[i * 4 + 2]! * s;
      const y2 = ay + bbox[i * 4 + 3]! * s;
      const landmarks = makeLandmarks((k) => ({
        x: ax + kps[i * 10 + 2 * k]! * s,
        y: ay + kps[i * 10 + 2 * k + 1]! * s,
      }));
      found.push({ box: { x: x1, y: y1, width: x2 - x1, height: y2 - y1 }, landmarks, score: p });
    }
  }
  return found;
}
