// Pure: element-wise, reduction, softmax and reshape ops, layout-aware (NCHW values stay NCHW).
import { invalidArgument } from '@pmr/common';
import { int, ints } from './graph-ir.ts';
import { NHWC_TO_NCHW_AXIS } from './layout.ts';
import { attrBool, type TfjsNode } from './tfjs-model.ts';
import { broadcastShape, type ConvertContext, type TensorRef } from './context.ts';

/** TF binary element-wise op -> ONNX op. */
export const BINARY_OPS: Readonly<Record<string, string>> = {
  Add: 'Add',
  AddV2: 'Add',
  BiasAdd: 'Add',
  Sub: 'Sub',
  Mul: 'Mul',
  RealDiv: 'Div',
  Minimum: 'Min',
  Maximum: 'Max',
};

/** TF unary op -> ONNX op. */
export const UNARY_OPS: Readonly<Record<string, string>> = {
  Relu: 'Relu',
  Sigmoid: 'Sigmoid',
  Tanh: 'Tanh',
  Elu: 'Elu',
  Exp: 'Exp',
  Sqrt: 'Sqrt',
  Neg: 'Neg',
  Abs: 'Abs',
};

function valueShape(ref: TensorRef): readonly number[] {
  return ref.kind === 'value' ? ref.shape : ref.tensor.shape;
}

export function convertBinary(ctx: ConvertContext, node: TfjsNode, onnxOp: string): TensorRef {
  const [a, b] = ctx.dataInputs(node);
  if (a === undefined || b === undefined) throw invalidArgument(`node '${node.name}' (${node.op}): needs two inputs`);
  if (a.kind === 'const' && b.kind === 'const')
    throw invalidArgument(`node '${node.name}' (${node.op}): constant folding is not supported`);
  const nchw = (a.kind === 'value' && a.nchw) || (b.kind === 'value' && b.nchw);
  const operand = (ref: TensorRef, other: TensorRef): string => {
    if (ref.kind === 'const') return ctx.constOperand(ref, other, node);
    if (nchw && !ref.nchw) {
      if (ref.shape.length === 4) return ctx.toNchw(ref.name);
      throw invalidArgument(
        `node '${node.name}' (${node.op}): mixes an image tensor with a rank-${ref.shape.length} tensor`,
      );
    }
    return ref.name;
  };
  const name = ctx.graph.add(onnxOp, node.name, [operand(a, b), operand(b, a)]);
  return { kind: 'value', name, shape: broadcastShape(valueShape(a), valueShape(b)), nchw };
}

export function convertUnary(ctx: ConvertContext, node: TfjsNode, onnxOp: string): TensorRef {
  const [x] = ctx.dataInputs(node);
  if (x === undefined) throw invalidArgument(`node '${node.name}' (${node.op}): needs an input`);
  const v = ctx.value(x, node, 'input');
  return { ...v, name: ctx.graph.add(onnxOp, node.name, [v.name]) };
}

/** Relu6 -> Clip(0, 6). */
export function convertRelu6(ctx: ConvertContext, node: TfjsNode): TensorRef {
  const [x] = ctx.dataInputs(node);
  if (x === undefined) throw invalidArgument(`node '${node.name}' (${node.op}): needs an input`);
  const v = ctx.value(x, node, 'input');
  const g = ctx.graph;
  const name = g.add('Clip', node.name, [
    v.name,
    g.constant(`${node.name}/min`, [], Float32Array.of(0)),
    g.constant(`${node.name}/max`, [], Float32Array.of(6)),
  ]);
  return { ...v, name };
}

/** Mean/Sum/Max/Min over constant axes -> ReduceMean/… (opset 13: axes as an attribute), axes remapped to NCHW. */
export function convertReduce(ctx: ConvertContext, node: TfjsNode, onnxOp: string): TensorRef {
  const [x, axesRef] = ctx.dataInputs(node);
  if (x === undefined || axesRef === undefined)
    throw invalidArgument(`node '${node.name}' (${node.op}): needs input and axes`);
  const v = ctx.value(x, node, 'input');
  const rank = v.shape.length;
  const tfAxes = [...ctx.constData(axesRef, node, 'axes').data].map((a) => (a < 0 ? a + rank : a));
  const keep = attrBool(node, 'keep_dims') === true;
  const axes = v.nchw ? tfAxes.map((a) => NHWC_TO_NCHW_AXIS[a]!) : tfAxes;
  let name = ctx.graph.add(onnxOp, node.name, [v.name], {
    axes: ints([...axes].sort((p, q) => p - q)),
    keepdims: int(keep ? 1 : 0),
  });
  const shape = keep
    ? v.shape.map((d, i) => (tfAxes.includes(i) ? 1 : d))
    : v.shape.filter((_, i) => !tfAxes.includes(i));
  if (keep || !v.nchw) return { kind: 'value', name, shape, nchw: v.nchw && keep };
  // Dropped axes: the remaining ONNX axes are in NCHW order; put them back in TF order when that differs.
  const keptTf = [0, 1, 2, 3].filter((a) => !tfAxes.includes(a));
  const onnxOrder = [0, 1, 2, 3].filter((o) => keptTf.some((a) => NHWC_TO_NCHW_AXIS[a] === o));
  const perm = keptTf.map((a) => onnxOrder.indexOf(NHWC_TO_NCHW_AXIS[a]!));
  if (perm.some((p, i) => p !== i))
    name = ctx.graph.add('Transpose', `${node.name}/tf_order`, [name], { perm: ints(perm) });
  return { kind: 'value', name, shape, nchw: false };
}

/** Softmax over TF's last axis (the channel axis of an NCHW value). */
export function convertSoftmax(ctx: ConvertContext, node: TfjsNode): TensorRef {
  const [x] = ctx.dataInputs(node);
  if (x === undefined) throw invalidArgument(`node '${node.name}' (${node.op}): needs an input`);
  const v = ctx.value(x, node, 'input');
  const axis = v.nchw ? 1 : -1;
  return { ...v, name: ctx.graph.add('Softmax', node.name, [v.name], { axis: int(axis) }) };
}

/** Reshape with a constant target shape, applied in TF layout. */
export function convertReshape(ctx: ConvertContext, node: TfjsNode): TensorRef {
  const [x, shapeRef] = ctx.dataInputs(node);
  if (x === undefined || shapeRef === undefined)
    throw invalidArgument(`node '${node.name}' (${node.op}): needs input and shape`);
  const v = ctx.value(x, node, 'input');
  const target = [...ctx.constData(shapeRef, node, 'shape').data];
  const shapeName = ctx.graph.constant(
    `${node.name}/shape`,
    [target.length],
    BigInt64Array.from(target, (d) => BigInt(d)),
  );
  const name = ctx.graph.add('Reshape', node.name, [ctx.plain(v), shapeName]);
  return { kind: 'value', name, shape: target, nchw: false };
}
