import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeWeight, decodeWeights, float16ToFloat32, type TfjsWeightEntry } from '../src/convert/index.ts';

test('float16ToFloat32: hand-checked half-precision patterns', () => {
  const cases: ReadonlyArray<readonly [number, number]> = [
    [0x0000, 0],
    [0x3c00, 1],
    [0xc000, -2],
    [0x3800, 0.5],
    [0x3555, 0.333251953125], // 1.0101010101b x 2^-2 = (1 + 341/1024) / 4
    [0x7bff, 65504], // largest finite
    [0x0400, 2 ** -14], // smallest normal
    [0x0001, 2 ** -24], // smallest subnormal
    [0x03ff, 1023 * 2 ** -24], // largest subnormal
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ];
  for (const [bits, want] of cases) assert.equal(float16ToFloat32(bits), want, `0x${bits.toString(16)}`);
  assert.ok(Object.is(float16ToFloat32(0x8000), -0));
  assert.ok(Number.isNaN(float16ToFloat32(0x7e00)));
});

const bytesOf = (...values: number[]): Uint8Array => Uint8Array.from(values);

test('decodeWeight: plain, float16 and affine-quantised weights', () => {
  const cases: ReadonlyArray<{ entry: TfjsWeightEntry; bytes: Uint8Array; want: number[]; dtype: string }> = [
    // float32 little-endian: 1.5 = 0x3fc00000, -2 = 0xc0000000
    {
      entry: { name: 'f', shape: [2], dtype: 'float32' },
      bytes: bytesOf(0, 0, 0xc0, 0x3f, 0, 0, 0, 0xc0),
      want: [1.5, -2],
      dtype: 'float32',
    },
    // int32 little-endian: 1, -1
    {
      entry: { name: 'i', shape: [2], dtype: 'int32' },
      bytes: bytesOf(1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff),
      want: [1, -1],
      dtype: 'int32',
    },
    // float16: 0x3c00 = 1, 0xc000 = -2 (little-endian byte pairs)
    {
      entry: {
        name: 'h',
        shape: [1, 2],
        dtype: 'float32',
        quantization: { dtype: 'float16', original_dtype: 'float32' },
      },
      bytes: bytesOf(0x00, 0x3c, 0x00, 0xc0),
      want: [1, -2],
      dtype: 'float32',
    },
    // uint8: q * scale + min with scale 0.5, min -1: 0 -> -1, 1 -> -0.5, 255 -> 126.5
    {
      entry: { name: 'u8', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
      bytes: bytesOf(0, 1, 255),
      want: [-1, -0.5, 126.5],
      dtype: 'float32',
    },
    // uint16: 0x0102 = 258 -> 258 * 0.25 + 10 = 74.5
    {
      entry: { name: 'u16', shape: [1], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.25, min: 10 } },
      bytes: bytesOf(0x02, 0x01),
      want: [74.5],
      dtype: 'float32',
    },
    // uint8 quantised int32: 3 * 0.4 + 0 = 1.2 -> rounded to 1
    {
      entry: {
        name: 'qi',
        shape: [1],
        dtype: 'int32',
        quantization: { dtype: 'uint8', scale: 0.4, min: 0, original_dtype: 'int32' },
      },
      bytes: bytesOf(3),
      want: [1],
      dtype: 'int32',
    },
  ];
  for (const { entry, bytes, want, dtype } of cases) {
    const t = decodeWeight(entry, bytes);
    assert.equal(t.dtype, dtype, entry.name);
    assert.deepEqual([...t.data], want, entry.name);
    assert.deepEqual(t.shape, entry.shape);
  }
});

test('decodeWeight: wrong byte count, missing scale and unknown dtypes are errors', () => {
  assert.throws(
    () => decodeWeight({ name: 'w', shape: [2], dtype: 'float32' }, bytesOf(0, 0, 0, 0)),
    /w: 4 bytes, expected 8/,
  );
  assert.throws(
    () => decodeWeight({ name: 'q', shape: [1], dtype: 'float32', quantization: { dtype: 'uint8' } }, bytesOf(1)),
    /needs numeric scale and min/,
  );
  const bad = { name: 's', shape: [1], dtype: 'string' } as unknown as TfjsWeightEntry;
  assert.throws(() => decodeWeight(bad, bytesOf(0)), /unsupported dtype 'string'/);
});

test("decodeWeights: weights lie back to back across a group's shards", () => {
  const groups = [
    {
      paths: ['a.bin', 'b.bin'],
      weights: [
        { name: 'x', shape: [1], dtype: 'float32', quantization: { dtype: 'float16' } },
        { name: 'y', shape: [2], dtype: 'float32', quantization: { dtype: 'uint8', scale: 2, min: 1 } },
      ] satisfies TfjsWeightEntry[],
    },
  ];
  // x = 0x3800 (0.5) split over the shard boundary is fine: shards are concatenated first.
  const weights = decodeWeights(groups, [[bytesOf(0x00), bytesOf(0x38, 3, 4)]]);
  assert.deepEqual([...weights.get('x')!.data], [0.5]);
  assert.deepEqual([...weights.get('y')!.data], [7, 9]);
  assert.throws(() => decodeWeights(groups, [[bytesOf(0x00, 0x38)]]), /expected 2 shard/);
  assert.throws(() => decodeWeights(groups, [[bytesOf(0x00), bytesOf(0x38, 3)]]), /runs past the end/);
});
