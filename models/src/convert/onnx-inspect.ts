// Pure: read the nodes of an ONNX model (to recognise how a user-supplied model normalises its input).
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export interface OnnxNodeSummary {
  readonly name: string;
  readonly opType: string;
}

/** Name and op type of the graph's nodes in file order (ONNX files keep nodes topologically sorted). */
export function onnxNodes(bytes: Uint8Array): OnnxNodeSummary[] {
  const model = onnx.ModelProto.decode(bytes);
  return (model.graph?.node ?? []).map((n) => ({ name: n.name ?? '', opType: n.opType ?? '' }));
}
