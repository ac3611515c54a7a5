// Pure: encode an IrGraph as ONNX ModelProto bytes (onnx-proto's protobufjs classes).
import onnxProto from 'onnx-proto';
import type { IrAttr, IrGraph, IrInitializer, IrValueInfo } from './graph-ir.ts';

const { onnx } = onnxProto;

/** IR version 7 (ONNX 1.8) with the default-domain opset 13: both well inside onnxruntime 1.30's support. */
export const IR_VERSION = 7;
export const OPSET = 13;

export interface EncodeOptions {
  readonly producerName?: string;
  readonly producerVersion?: string;
  readonly docString?: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

function attribute(name: string, a: IrAttr): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  switch (a.kind) {
    case 'int':
      return { name, type: T.INT, i: a.value };
    case 'ints':
      return { name, type: T.INTS, ints: [...a.value] };
    case 'float':
      return { name, type: T.FLOAT, f: a.value };
    case 'string':
      return { name, type: T.STRING, s: new TextEncoder().encode(a.value) };
  }
}

function tensor(init: IrInitializer): onnxProto.onnx.ITensorProto {
  const isFloat = init.data instanceof Float32Array;
  const bytes = new Uint8Array(init.data.byteLength);
  const view = new DataView(bytes.buffer);
  init.data.forEach((v: number | bigint, i: number) => {
    if (typeof v === 'bigint') view.setBigInt64(8 * i, v, true);
    else view.setFloat32(4 * i, v, true);
  });
  return {
    name: init.name,
    dims: [...init.dims],
    dataType: isFloat ? onnx.TensorProto.DataType.FLOAT : onnx.TensorProto.DataType.INT64,
    rawData: bytes,
  };
}

function valueInfo(v: IrValueInfo): onnxProto.onnx.IValueInfoProto {
  return {
    name: v.name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.FLOAT,
        shape: { dim: v.dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

export function encodeOnnxModel(graph: IrGraph, options: EncodeOptions = {}): Uint8Array {
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: options.producerName ?? 'pmr-tfjs-to-onnx',
    producerVersion: options.producerVersion ?? '1',
    docString: options.docString ?? '',
    metadataProps: Object.entries(options.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: graph.name,
      node: graph.nodes.map((n) => ({
        name: n.name,
        opType: n.opType,
        input: [...n.inputs],
        output: [...n.outputs],
        attribute: Object.entries(n.attributes).map(([k, a]) => attribute(k, a)),
      })),
      initializer: graph.initializers.map(tensor),
      input: graph.inputs.map(valueInfo),
      output: graph.outputs.map(valueInfo),
    },
  });
  return onnx.ModelProto.encode(model).finish();
}
