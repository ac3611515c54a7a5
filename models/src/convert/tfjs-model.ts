// Pure: the parts of a TensorFlow.js graph model (model.json) the converter reads, and their validation.
import { invalidArgument } from '@pmr/common';

/** One attribute value as tfjs-converter writes it (a JSON rendering of TensorFlow's AttrValue). */
export interface TfjsAttrValue {
  readonly s?: string;
  readonly i?: string | number;
  readonly f?: number;
  readonly b?: boolean;
  readonly type?: string;
  readonly list?: {
    readonly s?: readonly string[];
    readonly i?: ReadonlyArray<string | number>;
    readonly f?: readonly number[];
  };
  readonly shape?: { readonly dim?: ReadonlyArray<{ readonly size?: string | number }> };
  readonly tensor?: {
    readonly dtype?: string;
    readonly tensorShape?: { readonly dim?: ReadonlyArray<{ readonly size?: string | number }> };
  };
}

export interface TfjsNode {
  readonly name: string;
  readonly op: string;
  readonly input?: readonly string[];
  readonly attr?: Readonly<Record<string, TfjsAttrValue>>;
}

export type TfjsQuantDtype = 'float16' | 'uint8' | 'uint16';

export interface TfjsWeightEntry {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32';
  readonly quantization?: {
    readonly dtype: TfjsQuantDtype;
    readonly scale?: number;
    readonly min?: number;
    readonly original_dtype?: string;
  };
}

export interface TfjsWeightGroup {
  readonly paths: readonly string[];
  readonly weights: readonly TfjsWeightEntry[];
}

export interface TfjsGraphModel {
  readonly format?: string;
  readonly modelTopology: { readonly node: readonly TfjsNode[] };
  readonly weightsManifest: readonly TfjsWeightGroup[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Check the shape of a parsed model.json (graph model only) and return it typed. Throws INVALID_ARGUMENT. */
export function parseGraphModel(json: unknown, what = 'model.json'): TfjsGraphModel {
  if (!isObject(json)) throw invalidArgument(`${what}: not a JSON object`);
  if (json.format !== undefined && json.format !== 'graph-model') {
    throw invalidArgument(`${what}: format ${JSON.stringify(json.format)} is not a TensorFlow.js graph model`);
  }
  const topology = json.modelTopology;
  if (!isObject(topology) || !Array.isArray(topology.node)) {
    throw invalidArgument(`${what}: modelTopology.node[] is missing (only graph models are supported)`);
  }
  for (const [i, node] of (topology.node as unknown[]).entries()) {
    if (!isObject(node) || typeof node.name !== 'string' || typeof node.op !== 'string') {
      throw invalidArgument(`${what}: node ${i} has no name or op`);
    }
  }
  if (!Array.isArray(json.weightsManifest)) throw invalidArgument(`${what}: weightsManifest[] is missing`);
  for (const [g, group] of (json.weightsManifest as unknown[]).entries()) {
    if (!isObject(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights)) {
      throw invalidArgument(`${what}: weightsManifest[${g}] needs paths[] and weights[]`);
    }
  }
  return json as unknown as TfjsGraphModel;
}

/** Decode a base64 string attribute (tfjs-converter stores `s` values base64-encoded). */
export function attrString(node: TfjsNode, key: string): string | undefined {
  const s = node.attr?.[key]?.s;
  return s === undefined ? undefined : Buffer.from(s, 'base64').toString('utf8');
}

export function attrInts(node: TfjsNode, key: string): number[] | undefined {
  const list = node.attr?.[key]?.list;
  if (list === undefined) return undefined;
  return (list.i ?? []).map((v) => Number(v));
}

export function attrStrings(node: TfjsNode, key: string): string[] {
  return (node.attr?.[key]?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString('utf8'));
}

export function attrBool(node: TfjsNode, key: string): boolean | undefined {
  return node.attr?.[key]?.b;
}

/** The static shape of a Placeholder (`-1` for unknown dimensions). */
export function placeholderShape(node: TfjsNode): number[] | undefined {
  const dims = node.attr?.shape?.shape?.dim;
  return dims?.map((d) => Number(d.size ?? -1));
}
