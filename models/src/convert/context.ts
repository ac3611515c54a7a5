// Pure: the converter's table of TF tensors and their ONNX values, shared by the op translators.
import { invalidArgument } from '@pmr/common';
import { GraphBuilder, ints } from './graph-ir.ts';
import { TO_NCHW, TO_NHWC, transposeData } from './layout.ts';
import type { TfjsNode } from './tfjs-model.ts';
import type { DecodedTensor } from './weights.ts';

/**
 * A TF tensor as the converter knows it. `shape` is always in TF order (NHWC for rank 4; -1 = unknown).
 * `nchw` means the ONNX value holds the rank-4 tensor transposed to NCHW. Constants stay as data until used.
 */
export type TensorRef =
  | { readonly kind: 'value'; readonly name: string; readonly shape: readonly number[]; readonly nchw: boolean }
  | { readonly kind: 'const'; readonly node: string; readonly tensor: DecodedTensor };

export class ConvertContext {
  readonly graph = new GraphBuilder();
  private readonly tensors = new Map<string, TensorRef>();

  set(node: string, ref: TensorRef): void {
    this.tensors.set(node, ref);
  }

  /** The tensor behind a TF input reference ("name", "name:0"); control inputs ("^name") are not data. */
  get(input: string, user: TfjsNode): TensorRef {
    const [name, index] = input.split(':') as [string, string | undefined];
    if (index !== undefined && index !== '0') {
      throw invalidArgument(
        `node '${user.name}' (${user.op}) reads output ${index} of '${name}'; only single-output ops are supported`,
      );
    }
    const ref = this.tensors.get(name);
    if (ref === undefined)
      throw invalidArgument(`node '${user.name}' (${user.op}) reads '${input}', which is not defined before it`);
    return ref;
  }

  dataInputs(node: TfjsNode): TensorRef[] {
    return (node.input ?? []).filter((i) => !i.startsWith('^')).map((i) => this.get(i, node));
  }

  /** A constant's data as float32, or an error naming the node that needed a constant. */
  constData(ref: TensorRef, user: TfjsNode, role: string): DecodedTensor {
    if (ref.kind !== 'const') throw invalidArgument(`node '${user.name}' (${user.op}): ${role} must be a constant`);
    return ref.tensor;
  }

  /** A runtime (non-constant) tensor, or an error. */
  value(ref: TensorRef, user: TfjsNode, role: string): Extract<TensorRef, { kind: 'value' }> {
    if (ref.kind !== 'value')
      throw invalidArgument(`node '${user.name}' (${user.op}): ${role} must not be a constant here`);
    return ref;
  }

  /** The value in TF layout (transposing back from NCHW when needed). */
  plain(ref: Extract<TensorRef, { kind: 'value' }>): string {
    return ref.nchw ? this.graph.add('Transpose', `${ref.name}_nhwc`, [ref.name], { perm: ints(TO_NHWC) }) : ref.name;
  }

  /** A rank-4 TF-layout value transposed to NCHW. */
  toNchw(name: string): string {
    return this.graph.add('Transpose', `${name}_nchw`, [name], { perm: ints(TO_NCHW) });
  }

  /**
   * A constant as an initializer that broadcasts against `other` the way TF broadcast it: scalars as they are;
   * against an NCHW value, a [C] vector becomes [C,1,1] and a rank-4 constant is transposed to NCHW.
   */
  constOperand(ref: Extract<TensorRef, { kind: 'const' }>, other: TensorRef | undefined, user: TfjsNode): string {
    const t = ref.tensor;
    const data = t.data instanceof Float32Array ? t.data : Float32Array.from(t.data);
    if (other?.kind !== 'value' || !other.nchw || t.shape.length === 0)
      return this.graph.constant(ref.node, t.shape, data);
    if (t.shape.length === 1) return this.graph.constant(ref.node, [t.shape[0]!, 1, 1], data);
    if (t.shape.length === 4) {
      const moved = transposeData(data, t.shape, TO_NCHW);
      return this.graph.constant(ref.node, moved.dims, moved.data);
    }
    if (t.shape.every((d) => d === 1)) return this.graph.constant(ref.node, [], data);
    throw invalidArgument(
      `node '${user.name}' (${user.op}): cannot broadcast a constant of shape [${t.shape.join(',')}] against an NHWC tensor`,
    );
  }
}

/** TF broadcasting of two shapes (-1 = unknown dimension). */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = a[a.length - rank + i] ?? 1;
    const y = b[b.length - rank + i] ?? 1;
    out.push(x === 1 ? y : y === 1 ? x : x === -1 ? y : x);
  }
  return out;
}
