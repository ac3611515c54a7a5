// Pure: NHWC (TensorFlow) <-> NCHW (ONNX) index maths and tensor re-layouts of constant weights.
import { invalidArgument } from '@pmr/common';

/** TF NHWC axis -> ONNX NCHW axis. */
export const NHWC_TO_NCHW_AXIS: readonly number[] = [0, 2, 3, 1];
/** Transpose perm turning an NHWC tensor into NCHW. */
export const TO_NCHW: readonly number[] = [0, 3, 1, 2];
/** Transpose perm turning an NCHW tensor back into NHWC. */
export const TO_NHWC: readonly number[] = [0, 2, 3, 1];

/** Generic dense transpose of a row-major tensor: out[idx permuted] = in[idx], out dims = dims[perm[i]]. */
export function transposeData(
  data: Float32Array,
  dims: readonly number[],
  perm: readonly number[],
): { data: Float32Array; dims: number[] } {
  if (perm.length !== dims.length)
    throw invalidArgument(`transpose: perm of rank ${perm.length} for a tensor of rank ${dims.length}`);
  const outDims = perm.map((p) => dims[p]!);
  const rank = dims.length;
  const inStrides = new Array<number>(rank);
  for (let i = rank - 1, s = 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= dims[i]!;
  }
  const out = new Float32Array(data.length);
  const idx = new Array<number>(rank).fill(0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let i = 0; i < rank; i++) src += idx[i]! * inStrides[perm[i]!]!;
    out[o] = data[src]!;
    for (let i = rank - 1; i >= 0; i--) {
      if (++idx[i]! < outDims[i]!) break;
      idx[i] = 0;
    }
  }
  return { data: out, dims: outDims };
}

/** TF Conv2D filter [kh, kw, in, out] -> ONNX Conv weight [out, in, kh, kw]. */
export function convKernelToOihw(data: Float32Array, shape: readonly number[]): { data: Float32Array; dims: number[] } {
  if (shape.length !== 4) throw invalidArgument(`conv kernel must be rank 4 [kh,kw,in,out], got [${shape.join(',')}]`);
  return transposeData(data, shape, [3, 2, 0, 1]);
}

/**
 * TF depthwise filter [kh, kw, C, M] -> ONNX grouped Conv weight [C*M, 1, kh, kw] (group = C): output channel
 * c*M + m reads input channel c with TF's filter[:, :, c, m], which is TF's own output-channel order.
 */
export function depthwiseKernelToOihw(
  data: Float32Array,
  shape: readonly number[],
): { data: Float32Array; dims: number[] } {
  if (shape.length !== 4)
    throw invalidArgument(`depthwise kernel must be rank 4 [kh,kw,C,M], got [${shape.join(',')}]`);
  const [kh, kw, c, m] = shape as [number, number, number, number];
  const t = transposeData(data, shape, [2, 3, 0, 1]); // [C, M, kh, kw]
  return { data: t.data, dims: [c * m, 1, kh, kw] };
}
