// The detector stage: image in, scored faces with aligned 112×112 chips out. No transport here.
import type { DetectedFace, InferenceSession, RgbImage } from '@pmr/common';
import { clipBox, invalidArgument, loadSession, ort } from '@pmr/common';
import { alignFace } from './align.ts';
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
  /** onnxruntime intra-op threads (default 1). */
  readonly threads?: number;
}

export interface Detector {
  /** Faces in the image, highest score first. */
  detect(image: RgbImage): Promise<DetectedFace[]>;
  release(): Promise<void>;
}

interface KindSpec {
  readonly format: InputFormat;
  readonly scoreThreshold: number;
  readonly nmsIou: number;
  readonly decode: (outputs: OutputMap, w: number, h: number, threshold: number) => FaceCandidate[];
}

const KINDS: Readonly<Record<DetectorKind, KindSpec>> = {
  yunet: { format: 'bgr255', scoreThreshold: 0.6, nmsIou: 0.3, decode: decodeYunet },
  scrfd: { format: 'rgbNorm', scoreThreshold: 0.5, nmsIou: 0.4, decode: decodeScrfd },
};

export const DEFAULT_INPUT_SIZE = 640;
export const DEFAULT_MIN_FACE_SIZE = 20;

/** Letterbox an image into the input tensor of a detector kind (pure; exported for benchmarks and tests). */
export function prepareInput(image: RgbImage, kind: DetectorKind, inputSize: number): { letterbox: Letterbox; tensor: Float32Array } {
  const letterbox = computeLetterbox(image.width, image.height, inputSize);
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

export async function createDetector(options: DetectorOptions): Promise<Detector> {
  const spec = KINDS[options.kind];
  if (spec === undefined) throw invalidArgument(`unknown detector kind ${String(options.kind)}`);
  const scoreThreshold = options.scoreThreshold ?? spec.scoreThreshold;
  const nmsIou = options.nmsIou ?? spec.nmsIou;
  const minFaceSize = options.minFaceSize ?? DEFAULT_MIN_FACE_SIZE;
  const inputSize = options.inputSize ?? DEFAULT_INPUT_SIZE;
  if (!(inputSize >= 32)) throw invalidArgument(`inputSize must be at least 32, got ${inputSize}`);
  const session: InferenceSession = await loadSession(options.modelPath, { threads: options.threads ?? 1 });
  const inputName = session.inputNames[0];
  if (inputName === undefined) throw invalidArgument(`${options.modelPath} has no input`);
  let released = false;

  return {
    async detect(image: RgbImage): Promise<DetectedFace[]> {
      if (released) throw invalidArgument('detector was released');
      const { letterbox, tensor } = prepareInput(image, options.kind, inputSize);
      const input = new ort.Tensor('float32', tensor, [1, 3, letterbox.inputHeight, letterbox.inputWidth]);
      const results = await session.run({ [inputName]: input });
      const outputs: Record<string, Float32Array> = {};
      for (const [name, t] of Object.entries(results)) {
        if (t.data instanceof Float32Array) outputs[name] = t.data;
      }
      const candidates = spec.decode(outputs, letterbox.inputWidth, letterbox.inputHeight, scoreThreshold);
      return finishFaces(image, candidates, letterbox, nmsIou, minFaceSize);
    },
    async release(): Promise<void> {
      if (released) return;
      released = true;
      await session.release();
    },
  };
}
