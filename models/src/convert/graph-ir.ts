// Pure: a small in-memory form of an ONNX graph, built by the converter and encoded by onnx-encode.ts.

export type IrAttr =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'ints'; readonly value: readonly number[] }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string };

export interface IrNode {
  readonly opType: string;
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes: Readonly<Record<string, IrAttr>>;
}

export interface IrInitializer {
  readonly name: string;
  readonly dims: readonly number[];
  readonly data: Float32Array | BigInt64Array;
}

/** A float32 graph input/output; a string dimension is symbolic (e.g. the batch size). */
export interface IrValueInfo {
  readonly name: string;
  readonly dims: ReadonlyArray<number | string>;
}

export interface IrGraph {
  readonly name: string;
  readonly nodes: readonly IrNode[];
  readonly initializers: readonly IrInitializer[];
  readonly inputs: readonly IrValueInfo[];
  readonly outputs: readonly IrValueInfo[];
}

export const int = (value: number): IrAttr => ({ kind: 'int', value });
export const ints = (value: readonly number[]): IrAttr => ({ kind: 'ints', value });
export const float = (value: number): IrAttr => ({ kind: 'float', value });
export const str = (value: string): IrAttr => ({ kind: 'string', value });

/** Collects nodes and initializers with unique names. */
export class GraphBuilder {
  readonly nodes: IrNode[] = [];
  readonly initializers: IrInitializer[] = [];
  private readonly used = new Set<string>();

  /** A fresh value name derived from `base`. */
  unique(base: string): string {
    let name = base;
    for (let k = 1; this.used.has(name); k++) name = `${base}_${k}`;
    this.used.add(name);
    return name;
  }

  /** Mark a name as taken (graph inputs and outputs), so no generated value uses it. */
  reserve(name: string): void {
    this.used.add(name);
  }

  /** Add a node with one output (named after `base`) and return that output's name. */
  add(opType: string, base: string, inputs: readonly string[], attributes: Record<string, IrAttr> = {}): string {
    const output = this.unique(base);
    this.nodes.push({ opType, name: output, inputs, outputs: [output], attributes });
    return output;
  }

  /** Add a float32 or int64 initializer and return its name. */
  constant(base: string, dims: readonly number[], data: Float32Array | BigInt64Array): string {
    const name = this.unique(base);
    this.initializers.push({ name, dims, data });
    return name;
  }
}
