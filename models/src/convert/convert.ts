// Pure: a TensorFlow.js graph model (topology + decoded weights) -> an ONNX graph (IrGraph).
import { invalidArgument } from '@pmr/common';
import { ConvertContext, type TensorRef } from './context.ts';
import type { IrGraph, IrValueInfo } from './graph-ir.ts';
import {
  BINARY_OPS,
  UNARY_OPS,
  convertBinary,
  convertReduce,
  convertRelu6,
  convertReshape,
  convertSoftmax,
  convertUnary,
} from './ops-basic.ts';
import { convertConv, convertMatMul } from './ops-conv.ts';
import { placeholderShape, type TfjsGraphModel, type TfjsNode } from './tfjs-model.ts';
import type { DecodedTensor } from './weights.ts';

export interface ConvertOptions {
  /** Graph outputs: TF node name -> ONNX output name. Default: every node nothing else reads, under its own name. */
  readonly outputs?: Readonly<Record<string, string>>;
  /** Placeholder name -> ONNX input name; default: the placeholder's own name. */
  readonly inputs?: Readonly<Record<string, string>>;
  readonly graphName?: string;
}

const REDUCE_OPS: Readonly<Record<string, string>> = {
  Mean: 'ReduceMean',
  Sum: 'ReduceSum',
  Max: 'ReduceMax',
  Min: 'ReduceMin',
};

/** Every op the converter can translate. */
export const SUPPORTED_OPS: readonly string[] = [
  'Placeholder',
  'Const',
  'Identity',
  'StopGradient',
  'Conv2D',
  '_FusedConv2D',
  'DepthwiseConv2dNative',
  'FusedDepthwiseConv2dNative',
  'MatMul',
  '_FusedMatMul',
  'Relu6',
  'Softmax',
  'Reshape',
  ...Object.keys(BINARY_OPS),
  ...Object.keys(UNARY_OPS),
  ...Object.keys(REDUCE_OPS),
].sort();

function convertNode(
  ctx: ConvertContext,
  node: TfjsNode,
  weights: ReadonlyMap<string, DecodedTensor>,
  inputs: IrValueInfo[],
  inputNames: Readonly<Record<string, string>>,
): TensorRef {
  const op = node.op;
  if (op === 'Const') {
    const tensor = weights.get(node.name);
    if (tensor === undefined) throw invalidArgument(`Const node '${node.name}' has no entry in the weights manifest`);
    return { kind: 'const', node: node.name, tensor };
  }
  if (op === 'Placeholder') {
    const shape = placeholderShape(node);
    if (shape === undefined) throw invalidArgument(`Placeholder '${node.name}' has no static rank`);
    const name = inputNames[node.name] ?? node.name;
    ctx.graph.reserve(name);
    inputs.push({ name, dims: shape.map((d, i) => (d < 0 ? (i === 0 ? 'N' : `d${i}`) : d)) });
    if (shape.length === 4) return { kind: 'value', name: ctx.toNchw(name), shape, nchw: true };
    return { kind: 'value', name, shape, nchw: false };
  }
  if (op === 'Identity' || op === 'StopGradient') {
    const [x] = ctx.dataInputs(node);
    if (x === undefined) throw invalidArgument(`node '${node.name}' (${op}): needs an input`);
    return x;
  }
  if (op === 'Conv2D' || op === '_FusedConv2D') return convertConv(ctx, node, false);
  if (op === 'DepthwiseConv2dNative' || op === 'FusedDepthwiseConv2dNative') return convertConv(ctx, node, true);
  if (op === 'MatMul' || op === '_FusedMatMul') return convertMatMul(ctx, node);
  if (op === 'Relu6') return convertRelu6(ctx, node);
  if (op === 'Softmax') return convertSoftmax(ctx, node);
  if (op === 'Reshape') return convertReshape(ctx, node);
  const binary = BINARY_OPS[op];
  if (binary !== undefined) return convertBinary(ctx, node, binary);
  const unary = UNARY_OPS[op];
  if (unary !== undefined) return convertUnary(ctx, node, unary);
  const reduce = REDUCE_OPS[op];
  if (reduce !== undefined) return convertReduce(ctx, node, reduce);
  throw invalidArgument(
    `unsupported TensorFlow op '${op}' (node '${node.name}'); the converter knows: ${SUPPORTED_OPS.join(', ')}`,
  );
}

/** Nodes in an order where every node follows its inputs (tfjs topologies usually are; this makes sure). */
function topologicalOrder(nodes: readonly TfjsNode[]): TfjsNode[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: TfjsNode[] = [];
  const visit = (start: TfjsNode): void => {
    const stack: Array<{ node: TfjsNode; next: number }> = [{ node: start, next: 0 }];
    state.set(start.name, 'visiting');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const inputs = top.node.input ?? [];
      if (top.next < inputs.length) {
        const dep = byName.get(inputs[top.next++]!.replace(/^\^/, '').split(':')[0]!);
        if (dep === undefined) continue;
        const s = state.get(dep.name);
        if (s === 'visiting') throw invalidArgument(`the graph has a cycle through node '${dep.name}'`);
        if (s === undefined) {
          state.set(dep.name, 'visiting');
          stack.push({ node: dep, next: 0 });
        }
      } else {
        state.set(top.node.name, 'done');
        order.push(top.node);
        stack.pop();
      }
    }
  };
  for (const n of nodes) if (!state.has(n.name)) visit(n);
  return order;
}

/** Convert the graph. Throws INVALID_ARGUMENT naming the op and node for anything it cannot translate. */
export function convertGraphModel(
  model: TfjsGraphModel,
  weights: ReadonlyMap<string, DecodedTensor>,
  options: ConvertOptions = {},
): IrGraph {
  const ctx = new ConvertContext();
  const nodes = topologicalOrder(model.modelTopology.node);
  const unknown = nodes.find((n) => !SUPPORTED_OPS.includes(n.op));
  if (unknown !== undefined) {
    throw invalidArgument(
      `unsupported TensorFlow op '${unknown.op}' (node '${unknown.name}'); the converter knows: ${SUPPORTED_OPS.join(', ')}`,
    );
  }
  let outputMap = options.outputs;
  if (outputMap === undefined) {
    const read = new Set(nodes.flatMap((n) => (n.input ?? []).map((i) => i.replace(/^\^/, '').split(':')[0]!)));
    outputMap = Object.fromEntries(
      nodes.filter((n) => !read.has(n.name) && n.op !== 'Const').map((n) => [n.name, n.name]),
    );
  }
  for (const name of Object.values(outputMap)) ctx.graph.reserve(name);
  const inputs: IrValueInfo[] = [];
  for (const node of nodes) ctx.set(node.name, convertNode(ctx, node, weights, inputs, options.inputs ?? {}));
  const outputs: IrValueInfo[] = [];
  for (const [tfName, onnxName] of Object.entries(outputMap)) {
    const ref = ctx.get(tfName, { name: `output ${onnxName}`, op: 'output' });
    if (ref.kind !== 'value') throw invalidArgument(`output '${tfName}' is a constant`);
    const source = ctx.plain(ref);
    ctx.graph.nodes.push({
      opType: 'Identity',
      name: ctx.graph.unique(`${onnxName}/output`),
      inputs: [source],
      outputs: [onnxName],
      attributes: {},
    });
    outputs.push({ name: onnxName, dims: ref.shape.map((d, i) => (d < 0 || i === 0 ? 'N' : d)) });
  }
  return {
    name: options.graphName ?? 'converted',
    nodes: ctx.graph.nodes,
    initializers: ctx.graph.initializers,
    inputs,
    outputs,
  };
}
