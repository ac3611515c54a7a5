// Pure: pre- and post-processing for InsightFace genderage.onnx (opt-in, non-commercial weights), after
// insightface/model_zoo/attribute.py. Not checked against the real file, which is not available here.
import { invalidArgument, softmax, type Box, type RgbImage } from '@pmr/common';
import type { AgeResult, GenderResult } from './agegender-decode.ts';

/** Side of the model's input, NCHW [1,3,96,96]. */
export const GENDERAGE_SIZE = 96;
/** The crop is a square this many times the box's longer side, centred on the box, not rotated. */
export const GENDERAGE_CONTEXT = 1.5;
/** Half-width of the reported age range: the model gives a point estimate only; this margin is not measured. */
export const GENDERAGE_AGE_MARGIN = 8;

/** 'raw': the graph normalises itself (feed 0..255); 'centered': feed (x - 127.5) / 128. */
export type GenderageNormalisation = 'raw' | 'centered';

/**
 * InsightFace's rule: if among the first 8 nodes there is a subtraction and a multiplication (an MXNet export
 * with the normalisation built in: `_minusscalar0`, `_mulscalar0`), the input is raw 0..255; else (x-127.5)/128.
 */
export function genderageNormalisation(
  nodes: ReadonlyArray<{ readonly name: string; readonly opType: string }>,
): GenderageNormalisation {
  const first = nodes.slice(0, 8);
  const sub = first.some((n) => n.opType === 'Sub' || n.name.startsWith('Sub') || n.name.startsWith('_minus'));
  const mul = first.some((n) => n.opType === 'Mul' || n.name.startsWith('Mul') || n.name.startsWith('_mul'));
  return sub && mul ? 'raw' : 'centered';
}

/**
 * The 96x96 crop: output pixel (x, y) samples the image bilinearly at centre + ((x, y) - 48) / scale, with
 * scale = 96 / (1.5 * max(w, h)) and centre the box centre (cv2.warpAffine convention; outside reads as black).
 */
export function genderageCrop(image: RgbImage, box: Box): RgbImage {
  const side = GENDERAGE_CONTEXT * Math.max(box.width, box.height);
  if (!(side > 0))
    throw invalidArgument(`genderage crop needs a box with positive size, got ${box.width}x${box.height}`);
  const s = GENDERAGE_SIZE / side;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const n = GENDERAGE_SIZE;
  const out = new Uint8Array(n * n * 3);
  const { width: w, height: h, data } = image;
  const at = (x: number, y: number, c: number): number =>
    x >= 0 && x < w && y >= 0 && y < h ? data[(y * w + x) * 3 + c]! : 0;
  for (let y = 0, o = 0; y < n; y++) {
    for (let x = 0; x < n; x++, o += 3) {
      const sx = cx + (x - n / 2) / s;
      const sy = cy + (y - n / 2) / s;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < 3; c++) {
        const v =
          (at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx) * (1 - fy) +
          (at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx) * fy;
        out[o + c] = Math.round(v);
      }
    }
  }
  return { width: n, height: n, data: out };
}

/** NCHW float32 RGB planes [1,3,96,96] for the `data` input. */
export function genderageInput(crop: RgbImage, normalisation: GenderageNormalisation): Float32Array {
  if (
    crop.width !== GENDERAGE_SIZE ||
    crop.height !== GENDERAGE_SIZE ||
    crop.data.length !== GENDERAGE_SIZE * GENDERAGE_SIZE * 3
  ) {
    throw invalidArgument(`genderage input must be a ${GENDERAGE_SIZE}x${GENDERAGE_SIZE} packed RGB crop`);
  }
  const n = GENDERAGE_SIZE * GENDERAGE_SIZE;
  const out = new Float32Array(3 * n);
  const f = normalisation === 'raw' ? (v: number): number => v : (v: number): number => (v - 127.5) / 128;
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    out[i] = f(crop.data[j]!);
    out[n + i] = f(crop.data[j + 1]!);
    out[2 * n + i] = f(crop.data[j + 2]!);
  }
  return out;
}

/**
 * Output [1,3]: the first two values score female and male (argmax decides; they are turned into probabilities
 * with a softmax unless they already are), the third is age / 100. The age range is value ± GENDERAGE_AGE_MARGIN,
 * floored at 0.
 */
export function genderageDecode(output: ArrayLike<number>): { age: AgeResult; gender: GenderResult } {
  if (output.length < 3) throw invalidArgument(`genderage output must have 3 values, got ${output.length}`);
  const [f, m, a] = [output[0]!, output[1]!, output[2]!];
  if (![f, m, a].every(Number.isFinite)) throw invalidArgument('genderage output is not finite');
  const isProb = f >= 0 && m >= 0 && Math.abs(f + m - 1) < 1e-3;
  const sm = softmax([f, m]);
  const [pf, pm] = isProb ? [f, m] : [sm[0]!, sm[1]!];
  const value = Math.max(0, Math.round(a * 100));
  return {
    age: { value, low: Math.max(0, value - GENDERAGE_AGE_MARGIN), high: value + GENDERAGE_AGE_MARGIN },
    gender: m > f ? { value: 'male', confidence: pm } : { value: 'female', confidence: pf },
  };
}
