// Decoding of YuNet's 12 output tensors into face candidates (network-input pixels), following the
// formulas in MODELS.md (OpenCV FaceDetectorYN post-processing).
import { makeLandmarks, requireOutput, STRIDES, type FaceCandidate, type OutputMap } from './candidate.ts';

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/**
 * For each stride s and cell i = r*cols + c of the (inputHeight/s)×(inputWidth/s) grid:
 * score = sqrt(cls·obj); centre = ((c + dx)·s, (r + dy)·s); size = (exp(dw)·s, exp(dh)·s);
 * landmark n = ((c + kx_n)·s, (r + ky_n)·s). Candidates below `scoreThreshold` are dropped.
 */
export function decodeYunet(
  outputs: OutputMap,
  inputWidth: number,
  inputHeight: number,
  scoreThreshold: number,
): FaceCandidate[] {
  const found: FaceCandidate[] = [];
  for (const s of STRIDES) {
    const cols = inputWidth / s;
    const rows = inputHeight / s;
    const n = rows * cols;
    const cls = requireOutput(outputs, `cls_${s}`, n);
    const obj = requireOutput(outputs, `obj_${s}`, n);
    const bbox = requireOutput(outputs, `bbox_${s}`, n * 4);
    const kps = requireOutput(outputs, `kps_${s}`, n * 10);
    for (let i = 0; i < n; i++) {
      const score = Math.sqrt(clamp01(cls[i]!) * clamp01(obj[i]!));
      if (score < scoreThreshold) continue;
      const r = Math.floor(i / cols);
      const c = i - r * cols;
      const cx = (c + bbox[i * 4]!) * s;
      const cy = (r + bbox[i * 4 + 1]!) * s;
      const w = Math.exp(bbox[i * 4 + 2]!) * s;
      const h = Math.exp(bbox[i * 4 + 3]!) * s;
      const landmarks = makeLandmarks((k) => ({
        x: (kps[i * 10 + 2 * k]! + c) * s,
        y: (kps[i * 10 + 2 * k + 1]! + r) * s,
      }));
      found.push({ box: { x: cx - w / 2, y: cy - h / 2, width: w, height: h }, landmarks, score });
    }
  }
  return found;
}
