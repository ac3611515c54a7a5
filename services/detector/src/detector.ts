// The detector stage: image in, scored faces with aligned 112×112 chips out. No transport here.
import type { DetectedFace, InferenceSession, Landmarks5, RgbImage } from '@pmr/common';
import { clipBox, invalidArgument, loadSession, ort } from '@pmr/common';
import { alignFace, warpSimilarity } from './align.ts';
import { centralCandidate, chooseRollLandmarks, rollCropFor, ROLL_ANGLES, ROLL_CROP_SIZE, type RollView } from './roll-refine.ts';
import type { FaceCandidate, OutputMap } from './candidate.ts';
import { boxToImage, computeLetterbox, landmarksToImage, type Letterbox } from './letterbox.ts';
import { nms } from './nms.ts';
import { letterboxTensor } from './letterbox-tensor.ts';
import type { InputFormat } from './pack.ts';
import { faceQuality } from './quality.ts';
import { decodeScrfd } from './scrfd-decode.ts';
import { decodeYunet } from './yunet-decode.ts';

export type DetectorKind = 'yunet' | 'scrfd';

export interface DetectorOptions {
  readonly kind: DetectorKind;
  /** Path of the ONNX file: face_detection_yunet_2023mar_dynamic.onnx or scrfd_500m_bnkps.onnx (dynamic input). */
  readonly modelPath: string;
  /** Minimum detector score (default 0.6 for YuNet, 0.5 for SCRFD). */
  readonly scoreThreshold?: number;
  /** NMS IoU threshold (default 0.3 for YuNet, 0.4 for SCRFD). */
  readonly nmsIou?: number;
  /** Faces whose box is smaller than this on its longer side, in image pixels, are dropped (default 20). */
  readonly minFaceSize?: number;
  /** Longest side of the image as fed to the network, before padding to a multiple of 32 (default 640). */
  readonly inputSize?: number;
  /**
   * Images smaller than inputSize are enlarged by at most this factor (default 2). Small images gain from some
   * enlargement (the 500×375 PASCAL images are detected best at 1.28×), but a tight 150×150 face crop blown up
   * to 640 (4.3×) is often missed: YuNet missed 3 of the 40 face-api.js crops that way, and finds all 40 at ≤ 2×.
   */
  readonly maxUpscale?: number;
  /** onnxruntime intra-op threads (default 1). */
  readonly threads?: number;
  /**
   * Re-estimate the landmarks of faces at least this big (longer box side, px) from turned crops, so rolled heads
   * align upright (see roll-refine.ts). Default 40 for YuNet (its landmarks assume an upright head); SCRFD's
   * landmarks follow the roll already, so it defaults to Infinity (off).
   */
  readonly rollRefineMinSize?: number;
}

export interface Detector {
  /** Faces in the image, highest score first. */
  detect(image: RgbImage): Promise<DetectedFace[]>;
  release(): Promise<void>;
}

interface KindSpec {
  readonly format: InputFormat;
  readonly rollRefineMinSize: number;
  readonly scoreThreshold: number;
  readonly nmsIou: number;
  readonly decode: (outputs: OutputMap, w: number, h: number, threshold: number) => FaceCandidate[];
}

const KINDS: Readonly<Record<DetectorKind, KindSpec>> = {
  yunet: { format: 'bgr255', rollRefineMinSize: 40, scoreThreshold: 0.6, nmsIou: 0.3, decode: decodeYunet },
  scrfd: { format: 'rgbNorm', rollRefineMinSize: Infinity, scoreThreshold: 0.5, nmsIou: 0.4, decode: decodeScrfd },
};

export const DEFAULT_INPUT_SIZE = 640;
export const DEFAULT_MIN_FACE_SIZE = 20;
export const DEFAULT_MAX_UPSCALE = 2;

/** Letterbox an image into the input tensor of a detector kind (pure; exported for benchmarks and tests). */
export function prepareInput(
  image: RgbImage,
  kind: DetectorKind,
  inputSize: number,
  maxUpscale = DEFAULT_MAX_UPSCALE,
): { letterbox: Letterbox; tensor: Float32Array } {
  const letterbox = computeLetterbox(image.width, image.height, inputSize, 32, maxUpscale);
  return { letterbox, tensor: letterboxTensor(image, letterbox, KINDS[kind].format) };
}

/**
 * Map raw candidates (network-input pixels) to image pixels, suppress overlaps and small faces, and cut the
 * aligned chip and quality of each survivor. Boxes are clipped to the image; landmarks are not.
 */
export function finishFaces(
  image: RgbImage,
  candidates: readonly FaceCandidate[],
  letterbox: Letterbox,
  nmsIou: number,
  minFaceSize: number,
): DetectedFace[] {
  const faces: DetectedFace[] = [];
  for (const c of nms(candidates, nmsIou)) {
    const box = boxToImage(c.box, letterbox);
    if (Math.max(box.width, box.height) < minFaceSize) continue;
    const landmarks = landmarksToImage(c.landmarks, letterbox);
    const { chip } = alignFace(image, landmarks);
    const quality = faceQuality({ score: c.score, box, landmarks, chip });
    faces.push({ box: clipBox(box, image.width, image.height), landmarks, score: c.score, quality, chip });
  }
  return faces.sort((a, b) => b.score - a.score);
}

/** The same face with new landmarks: chip and quality recomputed, box and score kept. */
function realign(image: RgbImage, face: DetectedFace, landmarks: Landmarks5): DetectedFace {
  const { chip } = alignFace(image, landmarks);
  const quality = faceQuality({ score: face.score, box: face.box, landmarks, chip });
  return { ...face, landmarks, quality, chip };
}

export async function createDetector(options: DetectorOptions): Promise<Detector> {
  const spec = KINDS[options.kind];
  if (spec === undefined) throw invalidArgument(`unknown detector kind ${String(options.kind)}`);
  const scoreThreshold = options.scoreThreshold ?? spec.scoreThreshold;
  const nmsIou = options.nmsIou ?? spec.nmsIou;
  const minFaceSize = options.minFaceSize ?? DEFAULT_MIN_FACE_SIZE;
  const inputSize = options.inputSize ?? DEFAULT_INPUT_SIZE;
  const maxUpscale = options.maxUpscale ?? DEFAULT_MAX_UPSCALE;
  if (!(inputSize >= 32)) throw invalidArgument(`inputSize must be at least 32, got ${inputSize}`);
  if (!(maxUpscale > 0)) throw invalidArgument(`maxUpscale must be positive, got ${maxUpscale}`);
  const session: InferenceSession = await loadSession(options.modelPath, { threads: options.threads ?? 1 });
  const inputName = session.inputNames[0];
  if (inputName === undefined) throw invalidArgument(`${options.modelPath} has no input`);
  let released = false;
  const rollRefineMinSize = options.rollRefineMinSize ?? spec.rollRefineMinSize;

  const run = async (letterbox: Letterbox, tensor: Float32Array, threshold: number): Promise<FaceCandidate[]> => {
    const input = new ort.Tensor('float32', tensor, [1, 3, letterbox.inputHeight, letterbox.inputWidth]);
    const results = await session.run({ [inputName]: input });
    const outputs: Record<string, Float32Array> = {};
    for (const [name, t] of Object.entries(results)) {
      if (t.data instanceof Float32Array) outputs[name] = t.data;
    }
    return spec.decode(outputs, letterbox.inputWidth, letterbox.inputHeight, threshold);
  };

  /** Upright landmarks for a rolled head, from the turned crop the detector is surest of (null: keep them). */
  const refineRoll = async (image: RgbImage, face: DetectedFace): Promise<Landmarks5 | null> => {
    const views: RollView[] = [];
    for (const angle of ROLL_ANGLES) {
      const toImage = rollCropFor(face.box, angle);
      const crop = warpSimilarity(image, ROLL_CROP_SIZE, ROLL_CROP_SIZE, toImage);
      const { letterbox, tensor } = prepareInput(crop, options.kind, ROLL_CROP_SIZE, 1);
      const candidates = nms(await run(letterbox, tensor, scoreThreshold / 2), nmsIou);
      views.push({ angle, toImage, candidate: centralCandidate(candidates) });
    }
    return chooseRollLandmarks(views);
  };

  return {
    async detect(image: RgbImage): Promise<DetectedFace[]> {
      if (released) throw invalidArgument('detector was released');
      if (image.data.length !== image.width * image.height * 3) {
        throw invalidArgument(`image data holds ${image.data.length} bytes, expected ${image.width}x${image.height}x3`);
      }
      const { letterbox, tensor } = prepareInput(image, options.kind, inputSize, maxUpscale);
      const faces = finishFaces(image, await run(letterbox, tensor, scoreThreshold), letterbox, nmsIou, minFaceSize);
      const out: DetectedFace[] = [];
      for (const face of faces) {
        const landmarks = Math.max(face.box.width, face.box.height) >= rollRefineMinSize ? await refineRoll(image, face) : null;
        out.push(landmarks === null ? face : realign(image, face, landmarks));
      }
      return out;
    },
    async release(): Promise<void> {
      if (released) return;
      released = true;
      await session.release();
    },
  };
}
