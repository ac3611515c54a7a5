import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ort } from '@pmr/common/onnx';
import {
  convertGraphModel,
  encodeOnnxModel,
  parseGraphModel,
  type DecodedTensor,
  type TfjsNode,
} from '../src/convert/index.ts';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
const placeholder = (name: string, dims: number[]): TfjsNode => ({
  name,
  op: 'Placeholder',
  attr: { shape: { shape: { dim: dims.map((size) => ({ size: String(size) })) } } },
});
const constant = (name: string): TfjsNode => ({ name, op: 'Const' });
const f32 = (shape: number[], values: number[]): DecodedTensor => ({
  shape,
  dtype: 'float32',
  data: Float32Array.from(values),
});
const i32 = (shape: number[], values: number[]): DecodedTensor => ({
  shape,
  dtype: 'int32',
  data: Int32Array.from(values),
});
const convAttr = (strides: number[], padding: string) => ({
  strides: { list: { i: strides.map(String) } },
  padding: { s: b64(padding) },
  data_format: { s: b64('NHWC') },
  dilations: { list: { i: ['1', '1', '1', '1'] } },
});

async function run(
  nodes: TfjsNode[],
  weights: Record<string, DecodedTensor>,
  outputs: Record<string, string>,
  input: Float32Array,
  dims: number[],
) {
  const model = parseGraphModel({ format: 'graph-model', modelTopology: { node: nodes }, weightsManifest: [] });
  const graph = convertGraphModel(model, new Map(Object.entries(weights)), { outputs });
  const session = await ort.InferenceSession.create(encodeOnnxModel(graph));
  const result = await session.run({ x: new ort.Tensor('float32', input, dims) });
  await session.release();
  return result;
}

const close = (got: ArrayLike<number>, want: readonly number[], what: string): void => {
  assert.equal(got.length, want.length, what);
  want.forEach((w, i) => assert.ok(Math.abs(got[i]! - w) < 1e-5, `${what}[${i}]: got ${got[i]}, want ${w}`));
};

test('Conv2D stride 2 SAME pads like TensorFlow (the odd pixel after, not before)', async () => {
  // 3x3 input 1..9, 2x2 kernel of ones, stride 2: TF pads 0 before and 1 after, so the windows are
  // [1,2,4,5]=12, [3,.,6,.]=9, [7,8,.,.]=15, [9]=9.
  const nodes: TfjsNode[] = [
    placeholder('x', [-1, 3, 3, 1]),
    constant('k'),
    { name: 'y', op: 'Conv2D', input: ['x', 'k'], attr: convAttr([1, 2, 2, 1], 'SAME') },
  ];
  const out = await run(
    nodes,
    { k: f32([2, 2, 1, 1], [1, 1, 1, 1]) },
    { y: 'y' },
    Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    [1, 3, 3, 1],
  );
  assert.deepEqual(out.y!.dims, [1, 2, 2, 1]);
  close(out.y!.data as Float32Array, [12, 9, 15, 9], 'conv');
});

test('depthwise (multiplier 2) + BN-style Add/Mul + clip + Mean + _FusedMatMul(BiasAdd, Relu) + Softmax', async () => {
  // Input [1,2,2,2]: pixel i has channels (i+1, 10(i+1)). Depthwise 1x1 kernel, C=2, M=2: c0 -> (x1, x2), c1 -> (x3, x4),
  // output channels in TF order c*M + m: (i+1)*[1, 2, 30, 40]; + [0.5,0,0,0]; relu; min 6; max 0.
  // Channel means over the 4 pixels: [3, 4.5, 6, 6]. Gemm with columns [1,0,0,0] and [0,1,0,-1], bias [0,1]:
  // [3, -0.5] -> relu [3, 0] -> softmax.
  const nodes: TfjsNode[] = [
    placeholder('x', [-1, 2, 2, 2]),
    constant('dw/k'),
    constant('bn/mul'),
    constant('bn/add'),
    constant('six'),
    constant('zero'),
    constant('axes'),
    constant('fc/k'),
    constant('fc/b'),
    { name: 'dw', op: 'DepthwiseConv2dNative', input: ['x', 'dw/k'], attr: convAttr([1, 1, 1, 1], 'SAME') },
    { name: 'bn/m', op: 'Mul', input: ['dw', 'bn/mul'] },
    { name: 'bn/a', op: 'Add', input: ['bn/m', 'bn/add'] },
    { name: 'relu', op: 'Relu', input: ['bn/a'] },
    { name: 'min', op: 'Minimum', input: ['relu', 'six'] },
    { name: 'max', op: 'Maximum', input: ['min', 'zero'] },
    { name: 'gap', op: 'Mean', input: ['max', 'axes'], attr: { keep_dims: { b: false } } },
    {
      name: 'fc',
      op: '_FusedMatMul',
      input: ['gap', 'fc/k', 'fc/b'],
      attr: {
        fused_ops: { list: { s: [b64('BiasAdd'), b64('Relu')] } },
        transpose_a: { b: false },
        transpose_b: { b: false },
      },
    },
    { name: 'prob', op: 'Softmax', input: ['fc'] },
  ];
  const weights = {
    'dw/k': f32([1, 1, 2, 2], [1, 2, 3, 4]),
    'bn/mul': f32([4], [1, 1, 1, 1]),
    'bn/add': f32([4], [0.5, 0, 0, 0]),
    six: f32([], [6]),
    zero: f32([], [0]),
    axes: i32([2], [1, 2]),
    'fc/k': f32([4, 2], [1, 0, 0, 1, 0, 0, 0, -1]),
    'fc/b': f32([2], [0, 1]),
  };
  const input = Float32Array.from([1, 10, 2, 20, 3, 30, 4, 40]);
  const out = await run(nodes, weights, { gap: 'gap', prob: 'prob', dw: 'dw' }, input, [1, 2, 2, 2]);
  assert.deepEqual(out.dw!.dims, [1, 2, 2, 4]); // back in NHWC at the output
  close(out.dw!.data as Float32Array, [1, 2, 30, 40, 2, 4, 60, 80, 3, 6, 90, 120, 4, 8, 120, 160], 'depthwise');
  close(out.gap!.data as Float32Array, [3, 4.5, 6, 6], 'mean');
  const e3 = Math.exp(3);
  close(out.prob!.data as Float32Array, [e3 / (e3 + 1), 1 / (e3 + 1)], 'softmax');
});

test('Mean over one spatial axis without keep_dims keeps TF axis order', async () => {
  // x [1,2,3,2] (N,H,W,C), mean over H -> [1,3,2]: out[w][c] = (x[0][w][c] + x[1][w][c]) / 2
  const x = Float32Array.from({ length: 12 }, (_, i) => i);
  const nodes: TfjsNode[] = [
    placeholder('x', [-1, 2, 3, 2]),
    constant('axes'),
    { name: 'm', op: 'Mean', input: ['x', 'axes'], attr: { keep_dims: { b: false } } },
  ];
  const out = await run(nodes, { axes: i32([1], [1]) }, { m: 'm' }, x, [1, 2, 3, 2]);
  assert.deepEqual(out.m!.dims, [1, 3, 2]);
  close(out.m!.data as Float32Array, [3, 4, 5, 6, 7, 8], 'mean over H');
});

test('an unknown op is an error naming the op and the node', () => {
  const model = parseGraphModel({
    modelTopology: { node: [placeholder('x', [-1, 2]), { name: 'block/odd', op: 'FooBar', input: ['x'] }] },
    weightsManifest: [],
  });
  assert.throws(
    () => convertGraphModel(model, new Map()),
    (err: unknown) => {
      assert.ok(err instanceof Error);
      assert.match(err.message, /unsupported TensorFlow op 'FooBar' \(node 'block\/odd'\)/);
      assert.match(err.message, /DepthwiseConv2dNative/); // lists what it knows
      return true;
    },
  );
});

test('parseGraphModel refuses layers models and malformed topologies', () => {
  assert.throws(
    () => parseGraphModel({ format: 'layers-model', modelTopology: {}, weightsManifest: [] }),
    /not a TensorFlow.js graph model/,
  );
  assert.throws(
    () => parseGraphModel({ modelTopology: { node: [{ op: 'Relu' }] }, weightsManifest: [] }),
    /node 0 has no name or op/,
  );
  assert.throws(() => parseGraphModel({ modelTopology: { node: [] } }), /weightsManifest/);
});

test('without an output map, every node nothing reads is an output under its own name', async () => {
  const nodes: TfjsNode[] = [
    placeholder('x', [-1, 2]),
    { name: 'r', op: 'Relu', input: ['x'] },
    { name: 's', op: 'Sigmoid', input: ['x'] },
  ];
  const model = parseGraphModel({ modelTopology: { node: nodes }, weightsManifest: [] });
  const session = await ort.InferenceSession.create(encodeOnnxModel(convertGraphModel(model, new Map())));
  assert.deepEqual([...session.outputNames].sort(), ['r', 's']);
  const out = await session.run({ x: new ort.Tensor('float32', Float32Array.of(-1, 2), [1, 2]) });
  close(out.r!.data as Float32Array, [0, 2], 'relu');
  close(out.s!.data as Float32Array, [1 / (1 + Math.E), 1 / (1 + Math.exp(-2))], 'sigmoid');
  await session.release();
});

test('_FusedConv2D (BiasAdd, Relu6) with EXPLICIT padding, then Identity and Reshape', async () => {
  // 2x2 input [1,2;3,4], 1x1 kernel 3, bias -1, explicit pads: 1 row on top only -> rows: [0,0], [1,2], [3,4]
  // conv: 3x - 1 = [-1,-1; 2,5; 8,11] -> relu6 [0,0; 2,5; 6,6]; reshape to [1,6].
  const nodes: TfjsNode[] = [
    placeholder('x', [-1, 2, 2, 1]),
    constant('k'),
    constant('b'),
    constant('shape'),
    {
      name: 'conv',
      op: '_FusedConv2D',
      input: ['x', 'k', 'b'],
      attr: {
        ...convAttr([1, 1, 1, 1], 'EXPLICIT'),
        explicit_paddings: { list: { i: ['0', '0', '1', '0', '0', '0', '0', '0'] } },
        fused_ops: { list: { s: [b64('BiasAdd'), b64('Relu6')] } },
      },
    },
    { name: 'id', op: 'Identity', input: ['conv'] },
    { name: 'flat', op: 'Reshape', input: ['id', 'shape'] },
  ];
  const weights = { k: f32([1, 1, 1, 1], [3]), b: f32([1], [-1]), shape: i32([2], [1, 6]) };
  const out = await run(nodes, weights, { flat: 'flat' }, Float32Array.of(1, 2, 3, 4), [1, 2, 2, 1]);
  assert.deepEqual(out.flat!.dims, [1, 6]);
  close(out.flat!.data as Float32Array, [0, 0, 2, 5, 6, 6], 'fused conv');
});

test('fused ops the converter cannot express are errors naming the node', () => {
  const nodes: TfjsNode[] = [
    placeholder('x', [-1, 2, 2, 1]),
    constant('k'),
    constant('b'),
    {
      name: 'c',
      op: '_FusedConv2D',
      input: ['x', 'k', 'b'],
      attr: { ...convAttr([1, 1, 1, 1], 'SAME'), fused_ops: { list: { s: [b64('BiasAdd'), b64('Prelu')] } } },
    },
  ];
  const model = parseGraphModel({ modelTopology: { node: nodes }, weightsManifest: [] });
  const weights = new Map(Object.entries({ k: f32([1, 1, 1, 1], [1]), b: f32([1], [0]) }));
  assert.throws(
    () => convertGraphModel(model, weights),
    /node 'c' \(_FusedConv2D\): unsupported fused activation 'Prelu'/,
  );
});
