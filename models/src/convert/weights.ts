// Pure: decode a TensorFlow.js weights manifest (plain and quantised weights) from its shard bytes.
import { invalidArgument } from '@pmr/common';
import { float16ToFloat32 } from './float16.ts';
import type { TfjsWeightEntry, TfjsWeightGroup } from './tfjs-model.ts';

export interface DecodedTensor {
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32';
  readonly data: Float32Array | Int32Array;
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function bytesPerElement(entry: TfjsWeightEntry): number {
  switch (entry.quantization?.dtype) {
    case undefined:
      return 4;
    case 'float16':
    case 'uint16':
      return 2;
    case 'uint8':
      return 1;
    default:
      throw invalidArgument(
        `weight ${entry.name}: unsupported quantisation dtype '${String(entry.quantization?.dtype)}'`,
      );
  }
}

/**
 * Decode one weight from its bytes. Plain float32/int32 are little-endian 4-byte values. Quantised weights:
 * float16 is IEEE half precision; uint8/uint16 are affine, value = q * scale + min (rounded when the
 * original dtype was int32).
 */
export function decodeWeight(entry: TfjsWeightEntry, bytes: Uint8Array): DecodedTensor {
  if (entry.dtype !== 'float32' && entry.dtype !== 'int32') {
    throw invalidArgument(`weight ${entry.name}: unsupported dtype '${String(entry.dtype)}'`);
  }
  const n = elementCount(entry.shape);
  const width = bytesPerElement(entry);
  if (bytes.length !== n * width) {
    throw invalidArgument(`weight ${entry.name}: ${bytes.length} bytes, expected ${n * width}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float64Array(n);
  const q = entry.quantization;
  if (q === undefined) {
    for (let i = 0; i < n; i++)
      values[i] = entry.dtype === 'int32' ? view.getInt32(4 * i, true) : view.getFloat32(4 * i, true);
  } else if (q.dtype === 'float16') {
    for (let i = 0; i < n; i++) values[i] = float16ToFloat32(view.getUint16(2 * i, true));
  } else {
    if (typeof q.scale !== 'number' || typeof q.min !== 'number') {
      throw invalidArgument(`weight ${entry.name}: ${q.dtype} quantisation needs numeric scale and min`);
    }
    for (let i = 0; i < n; i++) {
      const raw = q.dtype === 'uint8' ? view.getUint8(i) : view.getUint16(2 * i, true);
      values[i] = raw * q.scale + q.min;
    }
  }
  if (entry.dtype === 'int32')
    return { shape: entry.shape, dtype: 'int32', data: Int32Array.from(values, (v) => Math.round(v)) };
  return { shape: entry.shape, dtype: 'float32', data: Float32Array.from(values) };
}

/**
 * Decode every weight of a manifest. `shards[g]` are the bytes of group g's `paths`, in order; each group's
 * weights lie back to back across its concatenated shards.
 */
export function decodeWeights(
  groups: readonly TfjsWeightGroup[],
  shards: ReadonlyArray<readonly Uint8Array[]>,
): Map<string, DecodedTensor> {
  const out = new Map<string, DecodedTensor>();
  groups.forEach((group, g) => {
    const parts = shards[g];
    if (parts === undefined || parts.length !== group.paths.length) {
      throw invalidArgument(`weights group ${g}: expected ${group.paths.length} shard(s), got ${parts?.length ?? 0}`);
    }
    const total = parts.reduce((s, p) => s + p.length, 0);
    const all = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    let offset = 0;
    for (const entry of group.weights) {
      const size = elementCount(entry.shape) * bytesPerElement(entry);
      if (offset + size > total) {
        throw invalidArgument(
          `weights group ${g}: weight ${entry.name} runs past the end of its shards (${total} bytes)`,
        );
      }
      out.set(entry.name, decodeWeight(entry, all.subarray(offset, offset + size)));
      offset += size;
    }
  });
  return out;
}
