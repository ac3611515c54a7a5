// Pure: TF convolutions and matrix products (plain and fused) as ONNX Conv / Gemm nodes.
import { invalidArgument } from '@pmr/common';
import { float, int, ints, str, type IrAttr } from './graph-ir.ts';
import { convKernelToOihw, depthwiseKernelToOihw } from './layout.ts';
import { tfPadding } from './padding.ts';
import { attrBool, attrInts, attrString, attrStrings, type TfjsNode } from './tfjs-model.ts';
import type { ConvertContext, TensorRef } from './context.ts';

/** Apply a fused activation (from `fused_ops`) to `input`; returns the activated value's name. */
export function applyActivation(
  ctx: ConvertContext,
  node: TfjsNode,
  activation: string | undefined,
  input: string,
): string {
  const g = ctx.graph;
  switch (activation) {
    case undefined:
      return input;
    case 'Relu':
      return g.add('Relu', node.name, [input]);
    case 'Relu6':
      return g.add('Clip', node.name, [
        input,
        g.constant(`${node.name}/min`, [], Float32Array.of(0)),
        g.constant(`${node.name}/max`, [], Float32Array.of(6)),
      ]);
    case 'Sigmoid':
      return g.add('Sigmoid', node.name, [input]);
    case 'Tanh':
      return g.add('Tanh', node.name, [input]);
    case 'Elu':
      return g.add('Elu', node.name, [input]);
    case 'LeakyRelu':
      return g.add('LeakyRelu', node.name, [input], { alpha: float(node.attr?.leakyrelu_alpha?.f ?? 0.2) });
    default:
      throw invalidArgument(`node '${node.name}' (${node.op}): unsupported fused activation '${activation}'`);
  }
}

/** Split `fused_ops` into whether a BiasAdd comes first and the activation that follows (if any). */
export function fusedOps(node: TfjsNode): { bias: boolean; activation: string | undefined } {
  const ops = attrStrings(node, 'fused_ops');
  const bias = ops[0] === 'BiasAdd';
  const after = bias ? ops.slice(1) : ops;
  if (after.length > 1)
    throw invalidArgument(`node '${node.name}' (${node.op}): unsupported fused_ops [${ops.join(', ')}]`);
  return { bias, activation: after[0] };
}

function spatial(list: number[] | undefined, node: TfjsNode, key: string): [number, number] {
  if (list === undefined || list.length === 0) return [1, 1];
  if (list.length !== 4) throw invalidArgument(`node '${node.name}' (${node.op}): ${key} must have 4 entries`);
  return [list[1]!, list[2]!];
}

/** Conv2D, _FusedConv2D, DepthwiseConv2dNative and FusedDepthwiseConv2dNative (NHWC in TF, NCHW in ONNX). */
export function convertConv(ctx: ConvertContext, node: TfjsNode, depthwise: boolean): TensorRef {
  const format = attrString(node, 'data_format') ?? 'NHWC';
  if (format !== 'NHWC')
    throw invalidArgument(`node '${node.name}' (${node.op}): data_format ${format} is not supported`);
  const [xRef, wRef, ...rest] = ctx.dataInputs(node);
  if (xRef === undefined || wRef === undefined)
    throw invalidArgument(`node '${node.name}' (${node.op}): needs input and filter`);
  const x = ctx.value(xRef, node, 'input');
  if (!x.nchw || x.shape.length !== 4)
    throw invalidArgument(`node '${node.name}' (${node.op}): input must be a rank-4 image tensor`);
  const w = ctx.constData(wRef, node, 'filter');
  const wf = w.data instanceof Float32Array ? w.data : Float32Array.from(w.data);
  const [kh, kw, cin, mult] = w.shape as [number, number, number, number];
  const kernel = depthwise ? depthwiseKernelToOihw(wf, w.shape) : convKernelToOihw(wf, w.shape);
  const outChannels = depthwise ? cin * mult : mult;
  const [sh, sw] = spatial(attrInts(node, 'strides'), node, 'strides');
  const [dh, dw] = spatial(attrInts(node, 'dilations'), node, 'dilations');
  const padMode = attrString(node, 'padding') ?? 'VALID';
  const [, h, wd] = x.shape as [number, number, number, number];
  const attrs: Record<string, IrAttr> = {
    kernel_shape: ints([kh, kw]),
    strides: ints([sh, sw]),
    dilations: ints([dh, dw]),
  };
  if (depthwise) attrs.group = int(cin);
  let outH = -1;
  let outW = -1;
  if (padMode === 'EXPLICIT') {
    const p = attrInts(node, 'explicit_paddings') ?? [];
    if (p.length !== 8)
      throw invalidArgument(`node '${node.name}' (${node.op}): explicit_paddings must have 8 entries`);
    attrs.pads = ints([p[2]!, p[4]!, p[3]!, p[5]!]);
    if (h > 0) outH = Math.floor((h + p[2]! + p[3]! - ((kh - 1) * dh + 1)) / sh) + 1;
    if (wd > 0) outW = Math.floor((wd + p[4]! + p[5]! - ((kw - 1) * dw + 1)) / sw) + 1;
  } else if (padMode === 'SAME' || padMode === 'VALID') {
    if (h > 0 && wd > 0) {
      const ph = tfPadding(padMode, h, kh, sh, dh);
      const pw = tfPadding(padMode, wd, kw, sw, dw);
      attrs.pads = ints([ph.begin, pw.begin, ph.end, pw.end]);
      outH = ph.outSize;
      outW = pw.outSize;
    } else {
      attrs.auto_pad = padMode === 'SAME' ? str('SAME_UPPER') : str('VALID');
    }
  } else {
    throw invalidArgument(`node '${node.name}' (${node.op}): padding '${padMode}' is not supported`);
  }
  const g = ctx.graph;
  const inputs = [x.name, g.constant(`${node.name}/kernel`, kernel.dims, kernel.data)];
  const fused =
    node.op.startsWith('_Fused') || node.op.startsWith('Fused')
      ? fusedOps(node)
      : { bias: false, activation: undefined };
  if (fused.bias) {
    const biasRef = rest[0];
    if (biasRef === undefined) throw invalidArgument(`node '${node.name}' (${node.op}): BiasAdd without a bias input`);
    const b = ctx.constData(biasRef, node, 'bias');
    if (b.shape.length !== 1 || b.shape[0] !== outChannels)
      throw invalidArgument(`node '${node.name}' (${node.op}): bias must be a [${outChannels}] constant`);
    inputs.push(g.constant(`${node.name}/bias`, [outChannels], Float32Array.from(b.data)));
  }
  const conv = g.add('Conv', fused.activation === undefined ? node.name : `${node.name}/conv`, inputs, attrs);
  const out = applyActivation(ctx, node, fused.activation, conv);
  return { kind: 'value', name: out, shape: [x.shape[0]!, outH, outW, outChannels], nchw: true };
}

/** MatMul and _FusedMatMul on rank-2 tensors, as Gemm (+ activation). */
export function convertMatMul(ctx: ConvertContext, node: TfjsNode): TensorRef {
  const [aRef, bRef, ...rest] = ctx.dataInputs(node);
  if (aRef === undefined || bRef === undefined)
    throw invalidArgument(`node '${node.name}' (${node.op}): needs two inputs`);
  const g = ctx.graph;
  const operand = (ref: TensorRef): { name: string; shape: readonly number[] } => {
    if (ref.kind === 'const') return { name: ctx.constOperand(ref, undefined, node), shape: ref.tensor.shape };
    return { name: ctx.plain(ref), shape: ref.shape };
  };
  const a = operand(aRef);
  const b = operand(bRef);
  if (a.shape.length !== 2 || b.shape.length !== 2)
    throw invalidArgument(`node '${node.name}' (${node.op}): only rank-2 matrix products are supported`);
  const transA = attrBool(node, 'transpose_a') === true;
  const transB = attrBool(node, 'transpose_b') === true;
  const rows = transA ? a.shape[1]! : a.shape[0]!;
  const cols = transB ? b.shape[0]! : b.shape[1]!;
  const fused = node.op === '_FusedMatMul' ? fusedOps(node) : { bias: false, activation: undefined };
  const inputs = [a.name, b.name];
  if (fused.bias) {
    const biasRef = rest[0];
    if (biasRef === undefined) throw invalidArgument(`node '${node.name}' (${node.op}): BiasAdd without a bias input`);
    inputs.push(biasRef.kind === 'const' ? ctx.constOperand(biasRef, undefined, node) : ctx.plain(biasRef));
  }
  const gemm = g.add('Gemm', fused.activation === undefined ? node.name : `${node.name}/gemm`, inputs, {
    transA: int(transA ? 1 : 0),
    transB: int(transB ? 1 : 0),
  });
  const out = applyActivation(ctx, node, fused.activation, gemm);
  return { kind: 'value', name: out, shape: [rows, cols], nchw: false };
}
