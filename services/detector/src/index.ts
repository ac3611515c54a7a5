export {
  createDetector,
  prepareInput,
  finishFaces,
  DEFAULT_INPUT_SIZE,
  DEFAULT_MIN_FACE_SIZE,
  DEFAULT_MAX_UPSCALE,
} from './detector.ts';
export type { DetectOptions, Detector, DetectorKind, DetectorOptions, RefinementInput } from './detector.ts';
export type { FaceCandidate, OutputMap } from './candidate.ts';
export { computeLetterbox, boxToImage, pointToImage, landmarksToImage, type Letterbox } from './letterbox.ts';
export { letterboxTensor } from './letterbox-tensor.ts';
export { packNchw, normalisePixel, type InputFormat } from './pack.ts';
export { decodeYunet } from './yunet-decode.ts';
export { decodeScrfd } from './scrfd-decode.ts';
export { nms } from './nms.ts';
export {
  ARCFACE_TEMPLATE,
  ARCFACE_SIZE,
  applySimilarity,
  invertSimilarity,
  estimateSimilarity,
  type Similarity,
} from './similarity.ts';
export { alignFace, alignmentTransform, warpSimilarity, type AlignedFace } from './align.ts';
export {
  faceQuality,
  combineQuality,
  sizeQuality,
  sharpnessQuality,
  laplacianVariance,
  poseQuality,
  frontalness,
} from './quality.ts';
export { matchBoxes, matchPoints, boxContains, type BoxMatch, type PointMatch } from './evaluate.ts';
