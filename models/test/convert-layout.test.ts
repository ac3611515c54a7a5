import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convKernelToOihw, depthwiseKernelToOihw, transposeData } from '../src/convert/index.ts';

test('transposeData: a 2x3 matrix and an NHWC -> NCHW move', () => {
  const m = transposeData(Float32Array.of(1, 2, 3, 4, 5, 6), [2, 3], [1, 0]);
  assert.deepEqual(m.dims, [3, 2]);
  assert.deepEqual([...m.data], [1, 4, 2, 5, 3, 6]);
  // NHWC [1,1,2,3]: pixels (r0,g0,b0), (r1,g1,b1) -> NCHW planes r0 r1 g0 g1 b0 b1
  const t = transposeData(Float32Array.of(10, 20, 30, 11, 21, 31), [1, 1, 2, 3], [0, 3, 1, 2]);
  assert.deepEqual(t.dims, [1, 3, 1, 2]);
  assert.deepEqual([...t.data], [10, 11, 20, 21, 30, 31]);
});

test('convKernelToOihw: TF [kh,kw,in,out] -> ONNX [out,in,kh,kw]', () => {
  // kh=1, kw=2, in=1, out=2: value = 10*kw_index + out_index
  const k = convKernelToOihw(Float32Array.of(0, 1, 10, 11), [1, 2, 1, 2]);
  assert.deepEqual(k.dims, [2, 1, 1, 2]);
  assert.deepEqual([...k.data], [0, 10, 1, 11]);
});

test('depthwiseKernelToOihw: TF [kh,kw,C,M] -> [C*M,1,kh,kw], output channel c*M + m', () => {
  // kh=1, kw=2, C=2, M=2: value = 100*kw + 10*c + m
  const data = Float32Array.of(0, 1, 10, 11, 100, 101, 110, 111);
  const k = depthwiseKernelToOihw(data, [1, 2, 2, 2]);
  assert.deepEqual(k.dims, [4, 1, 1, 2]);
  // out channel 0 = (c0,m0): [0,100]; 1 = (c0,m1): [1,101]; 2 = (c1,m0): [10,110]; 3 = (c1,m1): [11,111]
  assert.deepEqual([...k.data], [0, 100, 1, 101, 10, 110, 11, 111]);
  assert.throws(() => depthwiseKernelToOihw(data, [2, 2, 2]), /rank 4/);
});
