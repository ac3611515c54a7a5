// The detector stage: image in, scored faces with aligned 112×112 chips out. No transport here.
import type { Box, DetectedFace, Landmarks5, Point, RgbImage } from '@pmr/common';
import { clipBox, crop, invalidArgument } from '@pmr/common';
import type { ModelSession, SessionOutputs } from '@pmr/common/onnx';
import { loadSession, ort } from '@pmr/common/onnx';
import { alignFace, warpSimilarity } from './align.ts';
import {
  centralCandidate,
  chooseRollLandmarks,
  rollCropFor,
  rollRegion,
  ROLL_ANGLES,
  ROLL_CROP_SIZE,
  type RollView,
} from './roll-refine.ts';
import type { Similarity } from './similarity.ts';
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
   * enlargement, but a tight face crop blown up much further is often missed (docs/calibration.md).
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

export interface DetectOptions {
  /**
   * Redo the landmarks and chips of rolled heads now (default true; see roll-refine.ts). False leaves every face as the
   * frame's detection placed it, for `refinementInput()` and `refine()` to finish later: a video runtime refines only
   * the faces a track keeps for analysis instead of every face of every frame.
   */
  readonly refineRoll?: boolean;
}

/**
 * What refining some faces of an image needs of it: a copy of the part around each face big enough to refine
 * (roll-refine.ts, rollRegion), so the image itself can be released before the refinement runs.
 */
export interface RefinementInput {
  readonly faces: readonly DetectedFace[];
  /** Per face: its part of the image and where that part lies in it; null for a face too small to refine. */
  readonly regions: ReadonlyArray<{ readonly image: RgbImage; readonly x: number; readonly y: number } | null>;
}

export interface Detector {
  /**
   * Faces in the image, highest score first. Each face's quality is scored from the frame detection's own landmarks
   * and chip, whether or not its roll is refined, so it is the same with and without `refineRoll`.
   */
  detect(image: RgbImage, options?: DetectOptions): Promise<DetectedFace[]>;
  /** Copy out of `image` what refining `faces` (found in it by `detect`) needs; cheap, synchronous. */
  refinementInput(image: RgbImage, faces: readonly DetectedFace[]): RefinementInput;
  /**
   * The faces of `input`, each with the landmarks and chip `detect` gives it with `refineRoll` (rolled heads turned
   * upright); everything else, quality included, unchanged. `detect` refines through the same two steps.
   */
  refine(input: RefinementInput): Promise<DetectedFace[]>;
  release(): Promise<void>;
}

interface KindSpec {
  readonly format: InputFormat;
  readonly rollRefineMinSize: number;
  readonly scoreThreshold: number;
  readonly nmsIou: number;
  readonly decode: (outputs: OutputMap, w: number, h: number, threshold: number) => FaceCandidate[];
}

/** Each detector's default minimum score (MODELS.md: YuNet 0.6 worked in the sanity check; InsightFace uses 0.5). */
export const DEFAULT_SCORE_THRESHOLD: Readonly<Record<DetectorKind, number>> = { yunet: 0.6, scrfd: 0.5 };

const KINDS: Readonly<Record<DetectorKind, KindSpec>> = {
  yunet: {
    format: 'bgr255',
    rollRefineMinSize: 40,
    scoreThreshold: DEFAULT_SCORE_THRESHOLD.yunet,
    nmsIou: 0.3,
    decode: decodeYunet,
  },
  scrfd: {
    format: 'rgbNorm',
    rollRefineMinSize: Infinity,
    scoreThreshold: DEFAULT_SCORE_THRESHOLD.scrfd,
    nmsIou: 0.4,
    decode: decodeScrfd,
  },
};

export const DEFAULT_INPUT_SIZE = 640;
export const DEFAULT_MIN_FACE_SIZE = 20;
export const DEFAULT_MAX_UPSCALE = 2;

/**
 * Letterbox an image into the input tensor of a detector kind (pure; exported for benchmarks and tests). `allocate`
 * gives the tensor's storage (default: a new array); every value of it is written.
 */
export function prepareInput(
  image: RgbImage,
  kind: DetectorKind,
  inputSize: number,
  maxUpscale = DEFAULT_MAX_UPSCALE,
  allocate = (length: number): Float32Array => new Float32Array(length),
): { letterbox: Letterbox; tensor: Float32Array } {
  const letterbox = computeLetterbox(image.width, image.height, inputSize, 32, maxUpscale);
  const tensor = allocate(letterbox.inputWidth * letterbox.inputHeight * 3);
  return { letterbox, tensor: letterboxTensor(image, letterbox, KINDS[kind].format, tensor) };
}

/** A face found and placed in the image, before its chip is cut. */
interface LocatedFace {
  /** Clipped to the image. */
  readonly box: Box;
  /** Height of the box before clipping: the face's scale, for the size part of its quality. */
  readonly scaleHeight: number;
  readonly landmarks: Landmarks5;
  readonly score: number;
}

/**
 * Map raw candidates (network-input pixels) to image pixels and suppress overlaps and small faces; highest score
 * first. Boxes are clipped to the image; landmarks are not.
 */
function locateFaces(
  image: RgbImage,
  candidates: readonly FaceCandidate[],
  letterbox: Letterbox,
  nmsIou: number,
  minFaceSize: number,
): LocatedFace[] {
  const faces: LocatedFace[] = [];
  for (const c of nms(candidates, nmsIou)) {
    const box = boxToImage(c.box, letterbox);
    if (Math.max(box.width, box.height) < minFaceSize) continue;
    faces.push({
      box: clipBox(box, image.width, image.height),
      scaleHeight: box.height,
      landmarks: landmarksToImage(c.landmarks, letterbox),
      score: c.score,
    });
  }
  return faces.sort((a, b) => b.score - a.score);
}

/** `t` followed by a shift of (dx, dy): the same mapping into an image cut out at (−dx, −dy). */
function shifted(t: Similarity, dx: number, dy: number): Similarity {
  return { ...t, tx: t.tx + dx, ty: t.ty + dy };
}

/** Cut the aligned chip of a located face and score its quality. */
function describeFace(image: RgbImage, face: LocatedFace): DetectedFace {
  const { chip } = alignFace(image, face.landmarks);
  const quality = faceQuality({ score: face.score, boxHeight: face.scaleHeight, landmarks: face.landmarks, chip });
  return { box: face.box, landmarks: face.landmarks, score: face.score, quality, chip };
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
  return locateFaces(image, candidates, letterbox, nmsIou, minFaceSize).map((face) => describeFace(image, face));
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
  const session: ModelSession = await loadSession(options.modelPath, { threads: options.threads ?? 1 });
  const inputName = session.inputNames[0];
  if (inputName === undefined) throw invalidArgument(`${options.modelPath} has no input`);
  let released = false;
  const rollRefineMinSize = options.rollRefineMinSize ?? spec.rollRefineMinSize;

  /** Input storage from the buffers earlier runs handed back (no frame-sized allocation per run). */
  const tensorStorage = (length: number): Float32Array =>
    new Float32Array(session.inputBuffer(length * Float32Array.BYTES_PER_ELEMENT));

  const decodeBatch = (
    results: SessionOutputs,
    batch: number,
    w: number,
    h: number,
    threshold: number,
  ): FaceCandidate[][] => {
    const per: Array<Record<string, Float32Array>> = Array.from({ length: batch }, () => ({}));
    for (const [name, t] of Object.entries(results)) {
      if (!(t.data instanceof Float32Array)) continue;
      const len = t.data.length / batch;
      for (let i = 0; i < batch; i++) per[i]![name] = t.data.subarray(i * len, (i + 1) * len);
    }
    return per.map((outputs) => spec.decode(outputs, w, h, threshold));
  };

  /**
   * Upright landmarks for rolled heads, from the turned crop the detector is surest of (null: keep them). Every crop
   * of every face goes through the network in one batch.
   */
  type Region = NonNullable<RefinementInput['regions'][number]>;
  const refineRoll = async (
    faces: ReadonlyArray<{ readonly box: Box; readonly region: Region }>,
  ): Promise<Array<Landmarks5 | null>> => {
    if (faces.length === 0) return [];
    const size = ROLL_CROP_SIZE;
    const plane = size * size * 3;
    const views = faces.flatMap((face) =>
      ROLL_ANGLES.map((angle) => ({ angle, toImage: rollCropFor(face.box, angle), region: face.region })),
    );
    const batch = tensorStorage(views.length * plane);
    const pixels = new Uint8Array(plane); // one crop at a time, packed into the batch before the next is cut
    views.forEach((v, i) => {
      const crop = warpSimilarity(v.region.image, size, size, shifted(v.toImage, -v.region.x, -v.region.y), pixels);
      prepareInput(crop, options.kind, size, 1, () => batch.subarray(i * plane, (i + 1) * plane));
    });
    const results = await session.run({ [inputName]: new ort.Tensor('float32', batch, [views.length, 3, size, size]) });
    const candidates = decodeBatch(results, views.length, size, size, scoreThreshold / 2);
    return faces.map((_, f) => {
      const mine: RollView[] = ROLL_ANGLES.map((angle, k) => {
        const i = f * ROLL_ANGLES.length + k;
        return { angle, toImage: views[i]!.toImage, candidate: centralCandidate(nms(candidates[i]!, nmsIou), size) };
      });
      return chooseRollLandmarks(mine);
    });
  };

  const refinementInput = (image: RgbImage, faces: readonly DetectedFace[]): RefinementInput => ({
    faces,
    regions: faces.map((face) => {
      if (Math.max(face.box.width, face.box.height) < rollRefineMinSize) return null;
      const part = rollRegion(face.box, image.width, image.height);
      return { image: crop(image, part), x: part.x, y: part.y };
    }),
  });

  const refine = async ({ faces, regions }: RefinementInput): Promise<DetectedFace[]> => {
    const big = faces.flatMap((face, i) => {
      const region = regions[i] ?? null;
      return region === null ? [] : [{ box: face.box, face, region }];
    });
    const turned = new Map<DetectedFace, { landmarks: Landmarks5; region: Region }>();
    (await refineRoll(big)).forEach((landmarks, i) => {
      if (landmarks !== null) turned.set(big[i]!.face, { landmarks, region: big[i]!.region });
    });
    return faces.map((face) => {
      const t = turned.get(face);
      if (t === undefined) return face;
      const l = t.landmarks;
      const inRegion = (p: Point): Point => ({ x: p.x - t.region.x, y: p.y - t.region.y });
      const chip = alignFace(t.region.image, [
        inRegion(l[0]),
        inRegion(l[1]),
        inRegion(l[2]),
        inRegion(l[3]),
        inRegion(l[4]),
      ]).chip;
      return { ...face, landmarks: l, chip };
    });
  };

  const checkImage = (image: RgbImage): void => {
    if (released) throw invalidArgument('detector was released');
    if (image.data.length !== image.width * image.height * 3) {
      throw invalidArgument(`image data holds ${image.data.length} bytes, expected ${image.width}x${image.height}x3`);
    }
  };

  return {
    async detect(image, detectOptions = {}) {
      checkImage(image);
      const { letterbox, tensor } = prepareInput(image, options.kind, inputSize, maxUpscale, tensorStorage);
      const input = new ort.Tensor('float32', tensor, [1, 3, letterbox.inputHeight, letterbox.inputWidth]);
      const [candidates] = decodeBatch(
        await session.run({ [inputName]: input }),
        1,
        letterbox.inputWidth,
        letterbox.inputHeight,
        scoreThreshold,
      );
      const faces = locateFaces(image, candidates!, letterbox, nmsIou, minFaceSize).map((face) =>
        describeFace(image, face),
      );
      return detectOptions.refineRoll === false ? faces : refine(refinementInput(image, faces));
    },
    refinementInput(image, faces) {
      checkImage(image);
      return refinementInput(image, faces);
    },
    async refine(input) {
      if (released) throw invalidArgument('detector was released');
      return refine(input);
    },
    async release(): Promise<void> {
      if (released) return;
      released = true;
      await session.release();
    },
  };
}
